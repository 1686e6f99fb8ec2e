import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { signIn, signOutEverywhere } from "../data/sign-in";
import { clientAddress } from "./client-address";
import { signInInput } from "../validation/user";
import { authSecret } from "./secret";

/** Sessions last a working day; every request re-checks the user (lib/auth/session.ts). */
export const SESSION_HOURS = 12;

export { sessionCookieName, usesSecureCookies } from "./cookie-name";
import { sessionCookieName, usesSecureCookies } from "./cookie-name";

/** Errors the sign-in form understands; one wording for every kind of bad credentials. */
export const SIGN_IN_ERRORS = {
  invalid: "INVALID",
  rateLimited: "RATE_LIMITED",
  codeRequired: "CODE_REQUIRED",
} as const;

export { clientAddress };

export function authOptions(): AuthOptions {
  const secure = usesSecureCookies();
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600, updateAge: 3600 },
    useSecureCookies: secure,
    cookies: {
      sessionToken: {
        name: sessionCookieName(),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure },
      },
    },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
          code: { label: "Code", type: "text" },
        },
        async authorize(credentials, request) {
          const parsed = signInInput.safeParse(credentials ?? {});
          if (!parsed.success) throw new Error(SIGN_IN_ERRORS.invalid);
          const result = await signIn({
            ...parsed.data,
            code: parsed.data.code || undefined,
            address: clientAddress(request?.headers as Record<string, string> | undefined),
          });
          if (result.status === "ok") {
            return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion };
          }
          if (result.status === "rate-limited") throw new Error(SIGN_IN_ERRORS.rateLimited);
          if (result.status === "code-required") throw new Error(SIGN_IN_ERRORS.codeRequired);
          throw new Error(SIGN_IN_ERRORS.invalid);
        },
      }),
    ],
    events: {
      // Signing out ends the account's every session (lib/data/sign-in.ts, signOutEverywhere).
      async signOut({ token }) {
        const userId = token?.sub;
        const sessionVersion = (token as { sv?: unknown } | undefined)?.sv;
        if (typeof userId === "string" && typeof sessionVersion === "number") {
          await signOutEverywhere({ userId, sessionVersion });
        }
      },
    },
    callbacks: {
      // The token carries only who and which session version; role and name are re-read on
      // every request, so a change takes effect at once.
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion;
          delete token.picture;
        }
        return token;
      },
      session({ session, token }) {
        return { ...session, user: { id: token.sub, email: token.email, name: token.name } };
      },
    },
  };
}
