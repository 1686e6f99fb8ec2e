import Link from "next/link";
import type { Route } from "next";
import { SignOutButton } from "@/components/admin/sign-out-button";
import { can, roleLabels } from "@/lib/auth/permissions";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentUser, safeNextPath } from "@/lib/auth/session";

export const metadata = { robots: { index: false } };

/**
 * The advocates' workspace. Nothing under it is shown to anyone not signed in, but the layout
 * is not the guard (it is not re-run on every navigation): every page calls requireUser and
 * every action checks the user itself.
 *
 * Signed out, it answers with a real redirect to sign in (307, before anything is streamed:
 * there is no Suspense boundary above it). proxy.ts already turns away requests without a
 * session cookie and tells this layout the path, so a cookie that no longer holds a session
 * (expired, revoked) comes back to the same page after signing in.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) {
    const path = (await headers()).get("x-habeas-path");
    redirect(`/sign-in?next=${encodeURIComponent(safeNextPath(path))}`);
  }
  const links: { href: string; label: string }[] = [
    { href: "/admin/records", label: "Records" },
    { href: "/admin/hearings/new", label: "Log a hearing" },
    ...(can(user.role, "publish") ? [{ href: "/admin/decrees/new", label: "Pardons and amnesties" }] : []),
    ...(can(user.role, "publish") ? [{ href: "/admin/import", label: "Import" }] : []),
    ...(can(user.role, "manage:users") ? [{ href: "/admin/users", label: "Users" }] : []),
    { href: "/admin/account", label: "Account" },
  ];
  return (
    <div>
      <nav aria-label="Workspace" className="mb-6 flex flex-wrap items-center gap-x-5 gap-y-2 border-b border-stone-300 pb-3">
        {links.map((link) => (
          <Link key={link.href} href={link.href as Route} className="underline-offset-4 hover:underline">
            {link.label}
          </Link>
        ))}
        <span className="ml-auto text-sm text-muted">
          {user.name} ({roleLabels[user.role]})
        </span>
        <SignOutButton />
      </nav>
      {children}
    </div>
  );
}
