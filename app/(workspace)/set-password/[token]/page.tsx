import type { Metadata } from "next";
import { SetPasswordForm } from "@/components/admin/account-forms";
import { passwordLinkOwner } from "@/lib/data/users";
import { setPassword } from "./actions";

export const metadata: Metadata = { title: "Set your password", robots: { index: false }, referrer: "no-referrer" };

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const owner = await passwordLinkOwner(token);
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">Set your password</h1>
      {owner ? (
        <>
          <p className="mb-6">
            For <strong>{owner.email}</strong>. This link works once.
          </p>
          <SetPasswordForm action={setPassword} token={token} />
        </>
      ) : (
        <p>This link has expired or was already used. Ask an admin for a new one.</p>
      )}
    </>
  );
}
