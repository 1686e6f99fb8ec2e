import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { prisma, type Transaction } from "../db/client";
import type { Role } from "../auth/permissions";
import { hashPassword, verifyPassword } from "../auth/password";
import { sealTotpSecret, totpCodeStep, unsealTotpSecret } from "../auth/totp";
import { actorOf, type SessionUser } from "../auth/user";
import { writeAudit, type Actor } from "./audit";
import { ConflictError, NotFoundError, RuleViolation, explainDatabaseError } from "./errors";

/** How long a set-password link works. */
export const PASSWORD_LINK_HOURS = 72;

/** What the audit log keeps of a user: never the password hash or the second-factor secret. */
function auditView(user: {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabledAt: Date | null;
  sessionVersion: number;
  totpSecret?: string | null;
  passwordHash?: string | null;
}) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabledAt !== null,
    sessionVersion: user.sessionVersion,
    twoFactor: Boolean(user.totpSecret),
    hasPassword: Boolean(user.passwordHash),
  };
}

export type UserListItem = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  hasPassword: boolean;
  twoFactor: boolean;
  version: number;
};

export async function listUsers(): Promise<UserListItem[]> {
  const users = await prisma.user.findMany({ orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { email: "asc" }] });
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabledAt !== null,
    hasPassword: user.passwordHash !== null,
    twoFactor: user.totpSecret !== null,
    version: user.version,
  }));
}

/**
 * The user behind a session token, if the session still holds: the account exists, is not
 * disabled, and its session version is the one the token was issued with (a role change,
 * a password change or disabling bumps it).
 */
export async function findSessionUser(id: string, sessionVersion: number): Promise<SessionUser | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const user = await prisma.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, sessionVersion: true },
  });
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function accountOf(userId: string) {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) throw new NotFoundError("The user");
  return { id: user.id, email: user.email, name: user.name, role: user.role, twoFactor: user.totpSecret !== null };
}

// Set-password links ------------------------------------------------------------------------

function tokenDigest(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new one-time token; only its digest is stored, so a database copy gives no usable link. */
async function issueToken(tx: Transaction, userId: string): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  // A new link replaces any earlier unused one.
  await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
  await tx.passwordToken.create({
    data: {
      userId,
      tokenHash: tokenDigest(token),
      expiresAt: new Date(Date.now() + PASSWORD_LINK_HOURS * 3600_000),
    },
  });
  return token;
}

export function passwordLinkPath(token: string): string {
  return `/set-password/${token}`;
}

async function usableToken(tx: Transaction | typeof prisma, token: string) {
  const row = await tx.passwordToken.findUnique({ where: { tokenHash: tokenDigest(token) }, include: { user: true } });
  if (!row || row.usedAt || row.expiresAt < new Date() || row.user.disabledAt) return null;
  return row;
}

/** Who a set-password link is for, or null when it is unknown, used, expired or disabled. */
export async function passwordLinkOwner(token: string): Promise<{ email: string; name: string } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await usableToken(prisma, token);
  return row ? { email: row.user.email, name: row.user.name } : null;
}

const invalidLink = () =>
  new RuleViolation("This link has expired or was already used. Ask an admin for a new one.", {
    token: ["This link has expired or was already used"],
  });

/** Sets a password through a one-time link; the link is spent and older sessions end. */
export async function setPasswordWithToken(token: string, password: string): Promise<{ email: string }> {
  const passwordHash = await hashPassword(password);
  return prisma.$transaction(async (tx) => {
    const row = await usableToken(tx, token);
    if (!row) throw invalidLink();
    // Spending the token is the guard against two uses racing: only one update finds it unused.
    const spent = await tx.passwordToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (spent.count !== 1) throw invalidLink();
    const after = await tx.user.update({
      where: { id: row.userId },
      data: { passwordHash, sessionVersion: { increment: 1 }, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actor: { kind: "user", userId: after.id, label: after.email },
      action: "PASSWORD_SET",
      entityType: "User",
      entityId: after.id,
      before: auditView(row.user),
      after: auditView(after),
    });
    return { email: after.email };
  });
}

// Users, as an admin manages them -----------------------------------------------------------

/** Creates a user without a password and returns the one-time link to set one. */
export async function createUser(
  actor: Actor,
  input: { email: string; name: string; role: Role },
): Promise<{ id: string; email: string; token: string }> {
  try {
    return await prisma.$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (existing) {
        throw new RuleViolation("A user with this email already exists.", { email: ["A user with this email already exists"] });
      }
      const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role } });
      const token = await issueToken(tx, user.id);
      await writeAudit(tx, { actor, action: "CREATE", entityType: "User", entityId: user.id, after: auditView(user) });
      return { id: user.id, email: user.email, token };
    });
  } catch (error) {
    throw explainDatabaseError(error);
  }
}

async function lockedUser(tx: Transaction, userId: string, version: number) {
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new NotFoundError("The user");
  if (user.version !== version) {
    throw new ConflictError("Someone changed this user since you loaded the page. Check the current values and try again.", {
      ...auditView(user),
      version: user.version,
    });
  }
  return user;
}

function notYourself(actor: SessionUser, userId: string, what: string) {
  if (actor.id === userId) {
    throw new RuleViolation(`You cannot ${what} yourself; ask another admin.`, { userId: [`You cannot ${what} yourself`] });
  }
}

/** A role change ends the user's sessions: they sign in again under the new role. */
export async function changeRole(actor: SessionUser, input: { userId: string; version: number; role: Role }) {
  notYourself(actor, input.userId, "change the role of");
  return prisma.$transaction(async (tx) => {
    const before = await lockedUser(tx, input.userId, input.version);
    if (before.role === input.role) return auditView(before);
    const after = await tx.user.update({
      where: { id: before.id, version: input.version },
      data: { role: input.role, sessionVersion: { increment: 1 }, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actor: actorOf(actor),
      action: "ROLE_CHANGE",
      entityType: "User",
      entityId: after.id,
      before: auditView(before),
      after: auditView(after),
    });
    return auditView(after);
  });
}

/** Disabling ends the user's sessions at their next request; enabling lets them sign in again. */
export async function setDisabled(actor: SessionUser, input: { userId: string; version: number; disabled: boolean }) {
  notYourself(actor, input.userId, "disable");
  return prisma.$transaction(async (tx) => {
    const before = await lockedUser(tx, input.userId, input.version);
    if ((before.disabledAt !== null) === input.disabled) return auditView(before);
    const after = await tx.user.update({
      where: { id: before.id, version: input.version },
      data: {
        disabledAt: input.disabled ? new Date() : null,
        sessionVersion: { increment: 1 },
        version: { increment: 1 },
      },
    });
    await writeAudit(tx, {
      actor: actorOf(actor),
      action: input.disabled ? "DISABLE" : "ENABLE",
      entityType: "User",
      entityId: after.id,
      before: auditView(before),
      after: auditView(after),
    });
    return auditView(after);
  });
}

/** A new set-password link for a user (a forgotten password, or a first link that expired). */
export async function issuePasswordLink(actor: Actor, input: { userId: string; version: number }) {
  return prisma.$transaction(async (tx) => {
    const user = await lockedUser(tx, input.userId, input.version);
    if (user.disabledAt) throw new RuleViolation("Enable this user first.", { userId: ["This user is disabled"] });
    const token = await issueToken(tx, user.id);
    await writeAudit(tx, {
      actor,
      action: "PASSWORD_LINK",
      entityType: "User",
      entityId: user.id,
      after: { expiresInHours: PASSWORD_LINK_HOURS },
    });
    return { email: user.email, token };
  });
}

// A user's own account ----------------------------------------------------------------------

const wrongPassword = () =>
  new RuleViolation("Your current password is not correct.", { current: ["Your current password is not correct"] });

/** Changes one's own password; every session, this one included, then has to sign in again. */
export async function changeOwnPassword(user: SessionUser, input: { current: string; password: string }) {
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
  if (!(await verifyPassword(row.passwordHash, input.current))) throw wrongPassword();
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const after = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, sessionVersion: { increment: 1 }, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actor: actorOf(user),
      action: "PASSWORD_CHANGE",
      entityType: "User",
      entityId: user.id,
      before: auditView(row),
      after: auditView(after),
    });
    return { email: after.email };
  });
}

/** Turns on two-step sign-in once the user proves their app shows the right codes. */
export async function enableTotp(user: SessionUser, input: { sealedSecret: string; code: string }) {
  const secret = unsealTotpSecret(input.sealedSecret);
  if (!secret) throw new RuleViolation("The setup expired. Reload the page and scan the new code.", { code: ["Reload the page and try again"] });
  const step = totpCodeStep(secret, input.code);
  if (step === null) {
    throw new RuleViolation("That code does not match. Check the time on your phone and try the next code.", {
      code: ["That code does not match"],
    });
  }
  return prisma.$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: user.id } });
    const after = await tx.user.update({
      where: { id: user.id },
      // The code that proved the app is spent too: it cannot then open a session.
      data: { totpSecret: sealTotpSecret(secret), totpLastStep: step, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actor: actorOf(user),
      action: "TOTP_ENABLE",
      entityType: "User",
      entityId: user.id,
      before: auditView(before),
      after: auditView(after),
    });
    return { twoFactor: true };
  });
}

export async function disableTotp(user: SessionUser, input: { current: string }) {
  const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
  if (!(await verifyPassword(row.passwordHash, input.current))) throw wrongPassword();
  return prisma.$transaction(async (tx) => {
    const after = await tx.user.update({ where: { id: user.id }, data: { totpSecret: null, totpLastStep: null, version: { increment: 1 } } });
    await writeAudit(tx, {
      actor: actorOf(user),
      action: "TOTP_DISABLE",
      entityType: "User",
      entityId: user.id,
      before: auditView(row),
      after: auditView(after),
    });
    return { twoFactor: false };
  });
}

// The command line and the demo seed ------------------------------------------------------

/**
 * Creates a user from the command line (npm run user:create) or the demo seed. With a
 * password the account is ready; without one it gets a one-time link.
 */
export async function createUserWithPassword(
  tx: Transaction,
  actor: Actor,
  input: { email: string; name: string; role: Role; password?: string },
): Promise<{ id: string; token?: string }> {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const user = await tx.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash } });
  await writeAudit(tx, { actor, action: "CREATE", entityType: "User", entityId: user.id, after: auditView(user) });
  if (passwordHash) return { id: user.id };
  return { id: user.id, token: await issueToken(tx, user.id) };
}

