"use client";

import Link from "next/link";
import { useEffect } from "react";

/**
 * Sends someone not signed in to the sign-in page, to come back to this very page. Used by
 * the admin layout, which cannot know the page's path on the server; pages that can say
 * their path redirect on the server (requireUser).
 */
export function SignInRedirect() {
  useEffect(() => {
    const next = `${window.location.pathname}${window.location.search}`;
    window.location.replace(`/sign-in?next=${encodeURIComponent(next)}`);
  }, []);
  return (
    <p>
      <Link href="/sign-in" className="underline">
        Sign in
      </Link>{" "}
      to continue.
    </p>
  );
}
