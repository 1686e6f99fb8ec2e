"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { buttonClass, TextField } from "./form-field";

/** What the server's sign-in answers mean (lib/auth/options.ts SIGN_IN_ERRORS). */
function messageFor(error: string, codeShown: boolean): string {
  if (error === "RATE_LIMITED") return "Too many failed sign-ins. Wait 15 minutes, then try again.";
  if (error === "CODE_REQUIRED") return "Enter the six-digit code from your authenticator app.";
  // One message whether the account exists or not.
  return codeShown ? "The email, password or code is not correct." : "The email or password is not correct.";
}

/**
 * Signs in through next-auth's credentials endpoint (with its CSRF token), then loads the
 * page the user wanted. The code field appears when the account has two-step sign-in.
 */
export function SignInForm({ next }: { next: string }) {
  const [message, setMessage] = useState("");
  const [codeShown, setCodeShown] = useState(false);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setMessage("");
    const result = await signIn("credentials", {
      redirect: false,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      code: String(form.get("code") ?? ""),
    });
    if (result?.ok && !result.error) {
      window.location.assign(next);
      return;
    }
    const error = result?.error ?? "INVALID";
    if (error === "CODE_REQUIRED") setCodeShown(true);
    setMessage(messageFor(error, codeShown || error === "CODE_REQUIRED"));
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="max-w-sm space-y-4" noValidate>
      <TextField id="sign-in-email" name="email" label="Email" type="email" autoComplete="username" required maxLength={320} />
      <TextField
        id="sign-in-password"
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        maxLength={200}
      />
      {codeShown ? (
        <TextField
          id="sign-in-code"
          name="code"
          label="Code"
          hint="The six digits your authenticator app shows for Habeas."
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={10}
        />
      ) : null}
      <div aria-live="assertive" role="alert" className="min-h-6 font-medium text-accent">
        {message}
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        Sign in
      </button>
    </form>
  );
}
