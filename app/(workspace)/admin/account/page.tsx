import { ChangePasswordForm, TurnOffTwoStepForm, TurnOnTwoStepForm } from "@/components/admin/account-forms";
import { requireUser } from "@/lib/auth/session";
import { newTotpSecret, sealTotpSecret, totpQrSvg, totpUri } from "@/lib/auth/totp";
import { accountOf } from "@/lib/data/users";
import { changePassword, turnOffTwoStep, turnOnTwoStep } from "./actions";

export const metadata = { title: "Your account" };

const DONE = {
  "two-step-on": "Two-step sign-in is on. From now on, sign-in asks for a code from your app.",
  "two-step-off": "Two-step sign-in is off.",
} as const;

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const user = await requireUser("/admin/account");
  const { done } = await searchParams;
  const notice = done && done in DONE ? DONE[done as keyof typeof DONE] : null;
  const account = await accountOf(user.id);
  // A new secret each time the page is shown; it is kept only once a code confirms it.
  const secret = account.twoFactor ? null : newTotpSecret();
  const uri = secret ? totpUri(secret, account.email) : null;
  const qr = uri ? await totpQrSvg(uri) : null;
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold">Your account</h1>
      <p className="mb-4">
        {account.name} · {account.email}
      </p>
      <div role="status" className="mb-4 min-h-6 font-medium text-green-800">
        {notice}
      </div>

      <section aria-labelledby="two-step" className="mb-10">
        <h2 id="two-step" className="mb-2 text-xl font-semibold">
          Two-step sign-in
        </h2>
        {secret && qr ? (
          <>
            <p className="mb-4">
              Off. Turn it on so that a stolen password is not enough: sign-in will also ask for a code from an
              authenticator app on your phone.
            </p>
            <ol className="mb-4 list-decimal space-y-2 pl-6">
              <li>
                Scan this code with the app, or type the key below into it.
                <div
                  role="img"
                  aria-label="QR code holding the key for your authenticator app"
                  className="my-2 w-48 bg-white"
                  dangerouslySetInnerHTML={{ __html: qr }}
                />
                <p>
                  Key: <code className="break-all font-mono" data-testid="totp-secret">{secret}</code>
                </p>
              </li>
              <li>Enter the code the app shows, to confirm.</li>
            </ol>
            <TurnOnTwoStepForm action={turnOnTwoStep} sealedSecret={sealTotpSecret(secret)} />
          </>
        ) : (
          <>
            <p className="mb-4">On: sign-in asks for a code from your authenticator app.</p>
            <TurnOffTwoStepForm action={turnOffTwoStep} />
          </>
        )}
      </section>

      <section aria-labelledby="password">
        <h2 id="password" className="mb-2 text-xl font-semibold">
          Change your password
        </h2>
        <p className="mb-4 text-muted">This ends all your sessions, this one included.</p>
        <ChangePasswordForm action={changePassword} />
      </section>
    </>
  );
}
