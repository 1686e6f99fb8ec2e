import type { Metadata } from "next";
import { redirect } from "next/navigation";
import type { Route } from "next";
import { SignInForm } from "@/components/admin/sign-in-form";
import { currentUser, safeNextPath } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const target = safeNextPath(Array.isArray(next) ? next[0] : next);
  if (await currentUser()) redirect(target as Route);
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Sign in</h1>
      <p className="mb-6 text-muted">For advocates who keep the records. Accounts are created by an admin.</p>
      <SignInForm next={target} />
    </>
  );
}
