import "server-only";
import { prisma } from "../db/client";
import { verifyPassword } from "../auth/password";
import { keyedHash } from "../auth/secret";
import { totpCodeStep, unsealTotpSecret } from "../auth/totp";
import { writeAudit } from "./audit";

/**
 * Sign-in with its brute-force limits. Failures are counted in PostgreSQL (so every instance
 * of the app shares the count) per account and per address over a sliding window; past the
 * limit no password is checked at all. Unknown emails are counted like known ones, and
 * unknown email, wrong password and wrong code all get the same answer, so the sign-in form
 * does not tell anyone which accounts exist.
 */
export const SIGN_IN_WINDOW_MINUTES = 15;
export const ACCOUNT_FAILURE_LIMIT = 5;
export const ADDRESS_FAILURE_LIMIT = 20;

export type SignInResult =
  | { status: "ok"; user: { id: string; email: string; name: string; sessionVersion: number } }
  /** Email unknown, password wrong, account disabled or code wrong: one answer for all. */
  | { status: "invalid" }
  | { status: "rate-limited" }
  /** The password was right and the account asks for a code from its authenticator app. */
  | { status: "code-required" };

const accountKey = (email: string) => `account:${keyedHash("sign-in-account", email)}`;
const addressKey = (address: string) => `address:${keyedHash("sign-in-address", address)}`;

export async function signIn(input: {
  email: string;
  password: string;
  code?: string;
  address: string;
}): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const keys = [accountKey(email), addressKey(input.address)];
  // Each attempt is counted before it is judged (a burst of parallel guesses all count), and
  // forgiven only if it succeeds. Each insert commits on its own so other instances see it.
  const attempts = await Promise.all(
    keys.map((key) => prisma.signInFailure.create({ data: { key }, select: { id: true } })),
  );
  const since = new Date(Date.now() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const [accountFailures, addressFailures] = await Promise.all(
    keys.map((key) => prisma.signInFailure.count({ where: { key, at: { gte: since } } })),
  );
  const user = await prisma.user.findUnique({ where: { email } });
  const subject = user ? { entityId: user.id } : { entityId: "unknown" };

  async function fail(status: "invalid" | "rate-limited" | "code-required", reason: string): Promise<SignInResult> {
    await prisma.$transaction(async (tx) => {
      await writeAudit(tx, {
        actor: { kind: "process", label: "sign-in" },
        action: "SIGN_IN_FAILED",
        entityType: "User",
        ...subject,
        // The typed email of an unknown account is not kept: people type passwords into it.
        after: { reason, address: keys[1] },
      });
    });
    return { status };
  }

  if (accountFailures > ACCOUNT_FAILURE_LIMIT || addressFailures > ADDRESS_FAILURE_LIMIT) {
    return fail("rate-limited", "rate-limited");
  }
  const passwordOk = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !passwordOk) return fail("invalid", user ? "wrong-password" : "unknown-account");
  if (user.disabledAt) return fail("invalid", "disabled");
  if (user.totpSecret) {
    const secret = unsealTotpSecret(user.totpSecret);
    if (!input.code) {
      // Not a failure of the password: this attempt is forgiven, the next one brings the code.
      await prisma.signInFailure.deleteMany({ where: { id: { in: attempts.map((attempt) => attempt.id) } } });
      return { status: "code-required" };
    }
    const step = secret ? totpCodeStep(secret, input.code) : null;
    if (step === null) return fail("invalid", "wrong-code");
    // A code seen once (by a shoulder-surfer, a phishing page relaying it) is spent: the step is
    // claimed in one conditional update, so two sign-ins racing with one code cannot both pass.
    const claimed = await prisma.user.updateMany({
      where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    if (claimed.count !== 1) return fail("invalid", "code-reused");
  }

  await prisma.$transaction(async (tx) => {
    await tx.signInFailure.deleteMany({
      where: { OR: [{ id: { in: attempts.map((attempt) => attempt.id) } }, { key: keys[0] }] },
    });
    await writeAudit(tx, {
      actor: { kind: "user", userId: user.id, label: user.email },
      action: "SIGN_IN",
      entityType: "User",
      entityId: user.id,
      after: { address: keys[1], twoFactor: Boolean(user.totpSecret) },
    });
  });
  // Old counts are only needed for the window; keep the table small.
  await prisma.signInFailure.deleteMany({ where: { at: { lt: new Date(Date.now() - 24 * 3600_000) } } });
  return { status: "ok", user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}

/**
 * Signing out ends every session of the account, not only this browser's cookie: a session
 * token copied from this browser (a seized or shared machine, malware) would otherwise stay
 * valid until it expires, since the cookie is the whole session (decision 0013). The session
 * version moves on, so every token issued before is refused at its next request. Only a token
 * still current may do it, so a stale token cannot sign the user out of the devices they use now.
 */
export async function signOutEverywhere(token: { userId: string; sessionVersion: number }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const ended = await tx.user.updateMany({
      where: { id: token.userId, sessionVersion: token.sessionVersion },
      data: { sessionVersion: { increment: 1 } },
    });
    if (ended.count !== 1) return false;
    const user = await tx.user.findUniqueOrThrow({ where: { id: token.userId } });
    await writeAudit(tx, {
      actor: { kind: "user", userId: user.id, label: user.email },
      action: "SIGN_OUT",
      entityType: "User",
      entityId: user.id,
      after: { sessionsEnded: true },
    });
    return true;
  });
}
