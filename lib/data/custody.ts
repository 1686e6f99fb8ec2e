import "server-only";
import { prisma, type Transaction } from "../db/client";
import type { CustodyPeriod } from "../db/generated/client";
import type { PartialDate } from "../dates";
import { fromIsoDay } from "../dates";
import { arrestInput, releaseInput, type ReleaseInput } from "../validation/custody";
import { stateChangeInput } from "../validation/fields";
import { writeAudit, type Actor } from "./audit";
import { ConflictError, RuleViolation, explainDatabaseError, ruleViolation } from "./errors";
import { parseInput } from "./parse";

/**
 * Opens a custody period (an arrest, or the start of house arrest), with its first placement
 * when the facility is known. The database refuses overlaps and impossible dates; those
 * refusals come back as RuleViolation with field errors, and nothing is written.
 */
export async function recordArrest(actor: Actor, raw: unknown): Promise<{ id: string }> {
  const input = parseInput(arrestInput, raw);
  try {
    return await prisma.$transaction(async (tx) => {
      const prisoner = await tx.prisoner.findUnique({
        where: { id: input.prisonerId },
        select: { id: true },
      });
      if (!prisoner) {
        throw new RuleViolation("That person is not in the record.", {
          prisonerId: ["That person is not in the record."],
        });
      }
      const open = await tx.custodyPeriod.findFirst({
        where: { prisonerId: input.prisonerId, endDate: null, state: { not: "ARCHIVED" } },
        select: { id: true },
      });
      if (open) {
        // The database refuses this too (rule_custody_one_open_period); asking first gives
        // the user the specific reason instead of the general overlap message.
        throw ruleViolation("rule_custody_one_open_period");
      }
      const startDate = fromIsoDay(input.start.date);
      const period = await tx.custodyPeriod.create({
        data: {
          prisonerId: input.prisonerId,
          caseId: input.caseId,
          kind: input.kind,
          startDate,
          startPrecision: input.start.precision,
          startQualifier: input.startQualifier,
          note: input.note,
          placements: input.facilityId
            ? {
                create: {
                  facilityId: input.facilityId,
                  fromDate: startDate,
                  fromPrecision: input.start.precision,
                  fromQualifier: input.startQualifier,
                },
              }
            : undefined,
        },
      });
      await writeAudit(tx, {
        actor,
        action: "CREATE",
        entityType: "CustodyPeriod",
        entityId: period.id,
        after: period,
      });
      return { id: period.id };
    });
  } catch (error) {
    throw explainDatabaseError(error);
  }
}

const STALE =
  "Someone changed this custody period after you opened it. Review their change, then save again.";

/** The custody period a release form names, or a field error on `field` when there is none. */
async function periodOf(tx: Transaction, id: string, field: "custodyPeriodId" | "_form"): Promise<CustodyPeriod> {
  const period = await tx.custodyPeriod.findUnique({ where: { id } });
  if (!period) throw new RuleViolation("That custody period is not in the record.", { [field]: ["That custody period is not in the record."] });
  return period;
}

/**
 * Closes a custody period. The caller passes the version it saw: if someone else changed the
 * period since, the release is refused with a ConflictError carrying the current record.
 */
export async function recordRelease(actor: Actor, raw: unknown): Promise<{ id: string; version: number }> {
  const input = parseInput(releaseInput, raw);
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await periodOf(tx, input.custodyPeriodId, "custodyPeriodId");
      if (before.version !== input.version || before.endDate !== null) {
        throw new ConflictError(STALE, before);
      }
      const after = await closeCustodyPeriod(tx, actor, before, input);
      return { id: after.id, version: after.version };
    });
  } catch (error) {
    throw explainDatabaseError(error);
  }
}

/**
 * A database rule refused a correction of a release: its message belongs on the release form,
 * whose only date is the release date (the arrest date is not edited there).
 */
function onReleaseForm(error: unknown, field: "end" | "_form"): unknown {
  const explained = explainDatabaseError(error);
  if (!(explained instanceof RuleViolation) || explained.fieldErrors[field]) return explained;
  return new RuleViolation(explained.message, { [field]: [explained.message] }, explained.rule);
}

/**
 * Records the release of an open custody period, or corrects the release already recorded on a
 * closed one (its date, precision, reason, decree): the admin's release form. Closing goes
 * through closeCustodyPeriod like every release; a correction is one version-checked UPDATE of
 * the period, audited with the row before and after in the same transaction. Nothing about the
 * release is stored anywhere else, so the count, the person's status and the public timeline
 * follow from the corrected row at once. The database's rules apply to the corrected dates as
 * they did to the first ones (release after arrest, no overlap with the person's other periods,
 * every transfer inside the period: rule_custody_covers_placements).
 */
export async function saveRelease(actor: Actor, raw: unknown): Promise<{ id: string; version: number }> {
  const input = parseInput(releaseInput, raw);
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await periodOf(tx, input.custodyPeriodId, "custodyPeriodId");
      if (before.version !== input.version) throw new ConflictError(STALE, before);
      if (before.endDate === null) {
        const closed = await closeCustodyPeriod(tx, actor, before, input);
        return { id: closed.id, version: closed.version };
      }
      const changed = await tx.custodyPeriod.updateMany({
        where: { id: before.id, version: before.version, endDate: { not: null } },
        data: {
          endDate: fromIsoDay(input.end.date),
          endPrecision: input.end.precision,
          releaseReason: input.reason,
          releaseDecreeId: input.decreeId ?? null,
          note: input.note ?? before.note,
          version: { increment: 1 },
        },
      });
      if (changed.count !== 1) throw new ConflictError(STALE, before);
      const after = await tx.custodyPeriod.findUniqueOrThrow({ where: { id: before.id } });
      await writeAudit(tx, { actor, action: "UPDATE", entityType: "CustodyPeriod", entityId: before.id, before, after });
      return { id: after.id, version: after.version };
    });
  } catch (error) {
    throw onReleaseForm(error, "end");
  }
}

/**
 * Undoes a release recorded by mistake: the period is open again, and the person counts as
 * imprisoned from its start as if the release had never been saved. The release's date, reason
 * and decree go (the audit entry keeps them as "before"). Refused when the period is open, when
 * the person has another open period (rule_custody_one_open_period), or when a later period
 * would then overlap this one (rule_custody_no_overlap): those need their own correction first.
 * A decree that named the person still names them; its page is corrected on its own.
 */
export async function undoRelease(actor: Actor, raw: unknown): Promise<{ id: string; version: number }> {
  const input = parseInput(stateChangeInput, raw);
  try {
    return await prisma.$transaction(async (tx) => {
      const before = await periodOf(tx, input.id, "_form");
      if (before.version !== input.version) throw new ConflictError(STALE, before);
      if (before.endDate === null) {
        const message = "This custody period is open: there is no release to undo.";
        throw new RuleViolation(message, { _form: [message] }, "state");
      }
      if (before.state !== "ARCHIVED") {
        const open = await tx.custodyPeriod.findFirst({
          where: { prisonerId: before.prisonerId, endDate: null, state: { not: "ARCHIVED" }, id: { not: before.id } },
          select: { id: true },
        });
        if (open) {
          const message =
            "This person has another open custody period. Record its release (or archive it) before undoing this one.";
          throw new RuleViolation(message, { _form: [message] }, "rule_custody_one_open_period");
        }
      }
      const changed = await tx.custodyPeriod.updateMany({
        where: { id: before.id, version: before.version, endDate: { not: null } },
        data: { endDate: null, endPrecision: null, releaseReason: null, releaseDecreeId: null, version: { increment: 1 } },
      });
      if (changed.count !== 1) throw new ConflictError(STALE, before);
      const after = await tx.custodyPeriod.findUniqueOrThrow({ where: { id: before.id } });
      await writeAudit(tx, { actor, action: "UPDATE", entityType: "CustodyPeriod", entityId: before.id, before, after });
      return { id: after.id, version: after.version };
    });
  } catch (error) {
    throw onReleaseForm(error, "_form");
  }
}

/**
 * The one way a custody period is closed, for a release on its own, a hearing that frees the
 * person and a decree that frees many: the period must still be the version the caller read,
 * and the change is audited in the caller's transaction. The database's rules (release after
 * arrest, a decree only for a pardon or an amnesty) still apply and abort the transaction.
 */
export async function closeCustodyPeriod(
  tx: Transaction,
  actor: Actor,
  before: CustodyPeriod,
  release: {
    end: PartialDate;
    reason: ReleaseInput["reason"];
    decreeId?: string;
    note?: string;
  },
): Promise<CustodyPeriod> {
  const changed = await tx.custodyPeriod.updateMany({
    where: { id: before.id, version: before.version, endDate: null },
    data: {
      endDate: fromIsoDay(release.end.date),
      endPrecision: release.end.precision,
      releaseReason: release.reason,
      releaseDecreeId: release.decreeId ?? null,
      note: release.note ?? before.note,
      version: { increment: 1 },
    },
  });
  if (changed.count !== 1) {
    throw new ConflictError("Someone changed this custody period while you were saving.", before);
  }
  const after = await tx.custodyPeriod.findUniqueOrThrow({ where: { id: before.id } });
  await writeAudit(tx, {
    actor,
    action: "UPDATE",
    entityType: "CustodyPeriod",
    entityId: before.id,
    before,
    after,
  });
  return after;
}
