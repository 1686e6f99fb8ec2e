import "server-only";
import { hash, verify } from "@node-rs/argon2";

/**
 * Passwords are hashed with Argon2id (memory-hard), at the parameters OWASP recommends as a
 * floor: 19 MiB, 2 passes, 1 lane. The parameters travel inside each PHC string, so raising them
 * later leaves old hashes verifiable. See docs/decisions/0013-sign-in-and-sessions.md.
 */
// The library's default algorithm is Argon2id (a test checks the stored prefix).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let decoy: Promise<string> | undefined;

/**
 * Checks a password against a stored hash. With no hash (unknown user, or a user who has not
 * set a password yet) it still spends the time of one verification, so the answer's timing
 * does not tell whether an account exists.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    decoy ??= hashPassword("decoy password that no account has");
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
