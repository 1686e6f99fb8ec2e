"use client";

import Link from "next/link";
import { useActionState } from "react";
import { idle, type ActionState } from "@/lib/actions/state";
import { buttonClass, errorsOf, FormMessage, TextField } from "./form-field";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

export function ChangePasswordForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="max-w-md space-y-4" noValidate>
      <TextField id="current-password" name="current" label="Current password" type="password" autoComplete="current-password" errors={errorsOf(state, "current")} maxLength={200} required />
      <TextField id="new-password" name="password" label="New password" type="password" autoComplete="new-password" hint="At least 12 characters; a few unrelated words are easy to remember." errors={errorsOf(state, "password")} maxLength={200} required />
      <TextField id="confirm-password" name="confirm" label="Repeat the new password" type="password" autoComplete="new-password" errors={errorsOf(state, "confirm")} maxLength={200} required />
      <FormMessage state={state} />
      {state.status === "ok" ? (
        <p>
          <Link href="/sign-in" className="underline">
            Sign in again
          </Link>
        </p>
      ) : null}
      <button type="submit" className={buttonClass} disabled={pending}>
        Change password
      </button>
    </form>
  );
}

/** Confirms a new authenticator with one code; the sealed secret comes from the server. */
export function TurnOnTwoStepForm({ action, sealedSecret }: { action: Action; sealedSecret: string }) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="max-w-md space-y-4" noValidate>
      <input type="hidden" name="sealedSecret" value={sealedSecret} />
      <TextField id="totp-code" name="code" label="Code" hint="The six digits the app now shows for Habeas." autoComplete="one-time-code" inputMode="numeric" errors={errorsOf(state, "code")} maxLength={10} required />
      <FormMessage state={state} />
      <button type="submit" className={buttonClass} disabled={pending}>
        Turn on two-step sign-in
      </button>
    </form>
  );
}

export function TurnOffTwoStepForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="max-w-md space-y-4" noValidate>
      <TextField id="totp-off-password" name="current" label="Current password" type="password" autoComplete="current-password" errors={errorsOf(state, "current")} maxLength={200} required />
      <FormMessage state={state} />
      <button type="submit" className={buttonClass} disabled={pending}>
        Turn off two-step sign-in
      </button>
    </form>
  );
}

export function SetPasswordForm({ action, token }: { action: Action; token: string }) {
  const [state, formAction, pending] = useActionState(action, idle);
  if (state.status === "ok") {
    return (
      <div role="status" aria-live="polite">
        <p className="mb-2 font-medium text-green-800">{state.message}</p>
        <Link href="/sign-in" className="underline">
          Go to sign-in
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="max-w-md space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <TextField id="set-password" name="password" label="New password" type="password" autoComplete="new-password" hint="At least 12 characters; a few unrelated words are easy to remember." errors={errorsOf(state, "password")} maxLength={200} required />
      <TextField id="set-password-confirm" name="confirm" label="Repeat the new password" type="password" autoComplete="new-password" errors={errorsOf(state, "confirm")} maxLength={200} required />
      {errorsOf(state, "token").length ? <p className="text-accent">{errorsOf(state, "token").join(" ")}</p> : null}
      <FormMessage state={state} />
      <button type="submit" className={buttonClass} disabled={pending}>
        Set password
      </button>
    </form>
  );
}
