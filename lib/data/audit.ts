import "server-only";
import type { Transaction } from "../db/client";
import { Prisma } from "../db/generated/client";

/** Who made a change: a signed-in user, or a named process (seed, import). */
export type Actor = { kind: "user"; userId: string; label: string } | { kind: "process"; label: string };

export const seedActor: Actor = { kind: "process", label: "seed" };

export type AuditAction =
  | "CREATE"
  | "UPDATE"
  | "PUBLISH"
  | "ARCHIVE"
  | "RESTORE"
  | "SIGN_IN"
  | "SIGN_IN_FAILED"
  | "SIGN_OUT"
  | "ROLE_CHANGE"
  | "DISABLE"
  | "ENABLE"
  | "PASSWORD_SET"
  | "PASSWORD_CHANGE"
  | "PASSWORD_LINK"
  | "TOTP_ENABLE"
  | "TOTP_DISABLE";

function snapshot(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === undefined || value === null) return Prisma.DbNull;
  return JSON.parse(
    JSON.stringify(value, (_key, inner) => (typeof inner === "bigint" ? inner.toString() : inner)),
  ) as Prisma.InputJsonValue;
}

/** Writes one audit entry inside the transaction that makes the change. */
export async function writeAudit(
  tx: Transaction,
  entry: {
    actor: Actor;
    action: AuditAction;
    entityType: string;
    entityId: string;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  const { actor, ...change } = entry;
  await writeAuditMany(tx, actor, [change]);
}

/** One change among many written together (bulk import). */
export type AuditRecord = {
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** Writes the audit entries of many changes by one actor in one statement, inside their transaction. */
export async function writeAuditMany(tx: Transaction, actor: Actor, entries: AuditRecord[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditEntry.createMany({
    data: entries.map((entry) => ({
      actorId: actor.kind === "user" ? actor.userId : null,
      actorLabel: actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: snapshot(entry.before),
      after: snapshot(entry.after),
    })),
  });
}
