import Link from "next/link";
import type { Route } from "next";
import { can, roleLabels } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export const metadata = { title: "Workspace" };

const roleSummary = {
  ADMIN: "You manage users and can create, edit and publish records.",
  EDITOR: "You can create, edit and publish records.",
  CONTRIBUTOR: "You can create and edit drafts; an editor publishes them.",
  VIEWER: "You can read every record, private fields included, and change nothing.",
} as const;

export default async function WorkspacePage() {
  const user = await requireUser("/admin");
  return (
    <>
      <h1 className="mb-2 text-2xl font-bold">Workspace</h1>
      <p className="mb-4">
        Signed in as <strong>{user.email}</strong>, {roleLabels[user.role].toLowerCase()}. {roleSummary[user.role]}
      </p>
      <ul className="list-disc space-y-1 pl-6">
        <li>
          <Link href={"/admin/records" as Route} className="underline underline-offset-4">
            Records
          </Link>
        </li>
        {can(user.role, "manage:users") ? (
          <li>
            <Link href={"/admin/users" as Route} className="underline underline-offset-4">
              Users
            </Link>
          </li>
        ) : null}
        <li>
          <Link href={"/admin/account" as Route} className="underline underline-offset-4">
            Your account and two-step sign-in
          </Link>
        </li>
      </ul>
    </>
  );
}
