import Link from "next/link";
import type { Route } from "next";
import { SignOutButton } from "@/components/admin/sign-out-button";
import { can, roleLabels } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export const metadata = { robots: { index: false } };

/**
 * The advocates' workspace. The layout sends anyone not signed in to the sign-in page, but it
 * is not the guard: every page and every action checks the user itself.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser("/admin");
  const links: { href: string; label: string }[] = [
    { href: "/admin/records", label: "Records" },
    { href: "/admin/hearings/new", label: "Log a hearing" },
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
