import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { decode } from "next-auth/jwt";
import { findSessionUser } from "../data/users";
import { sessionCookieName } from "./options";
import { can, type Permission } from "./permissions";
import { authSecret } from "./secret";
import type { SessionUser } from "./user";

/**
 * The user behind this request, re-checked against the database (not disabled, session not
 * revoked), or null. The session cookie is next-auth's encrypted JWT; it carries the user id
 * and the session version it was issued with. Disabling a user, changing their role or their
 * password bumps the version in the database, which ends every older session here, at the
 * next request, on every instance.
 */
export async function currentUser(): Promise<SessionUser | null> {
  const raw = (await cookies()).get(sessionCookieName())?.value;
  if (!raw) return null;
  let token: Awaited<ReturnType<typeof decode>>;
  try {
    token = await decode({ token: raw, secret: authSecret() });
  } catch {
    return null;
  }
  if (!token || typeof token.sub !== "string" || typeof token.sv !== "number") return null;
  if (typeof token.exp === "number" && token.exp * 1000 < Date.now()) return null;
  return findSessionUser(token.sub, token.sv);
}

/** Only local paths are followed after sign-in (no open redirect). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/admin";
  return next;
}

/**
 * For admin pages: the signed-in user, or a redirect to sign in and come back to `path`.
 * Every admin page calls it itself (a layout is not re-run on every navigation), and with
 * a permission, anyone without it is told the page does not exist.
 */
export async function requireUser(path: string, permission?: Permission): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(safeNextPath(path))}`);
  if (permission && !can(user.role, permission)) notFound();
  return user;
}
