"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";

/** Ends this browser's session (next-auth clears the cookie), then shows the sign-in page. */
export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      className="underline underline-offset-4"
      onClick={async () => {
        await signOut({ redirect: false });
        router.replace("/sign-in");
        router.refresh();
      }}
    >
      Sign out
    </button>
  );
}
