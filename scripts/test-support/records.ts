import { randomUUID } from "node:crypto";
import type { Actor } from "../../lib/data/audit";
import { countImprisoned } from "../../lib/data/custody-status";
import { prisma } from "../../lib/db/client";
import type { CustodyKind, DatePrecision, DateQualifier, PublicationState, ReleaseReason } from "../../lib/db/generated/client";
import { fromIsoDay, type IsoDay } from "../../lib/dates";

/**
 * Records for integration tests. Every test file shares one database per run and none is
 * emptied, so each test makes its own people under unique slugs and dates its custody events in
 * years of its own (see calendar()), where counts can be compared exactly.
 */

/** Not the seed's actor, so the demo data's audit trail stays the seed's alone. */
export const testActor: Actor = { kind: "process", label: "test" };

export const uniqueSlug = (prefix = "test") => `${prefix}-${randomUUID()}`;

/**
 * Hands out years no other test uses, one per call, from a range that belongs to one test
 * file. Custody events of a test stay within its year, so any other record counted on a day of
 * that year is counted on every day of it, and a difference between two days is the test's own.
 */
export function calendar(first: number, last: number) {
  let next = first;
  function year(options: { leap?: boolean } = {}): number {
    while (options.leap && !(next % 4 === 0 && (next % 100 !== 0 || next % 400 === 0))) next += 1;
    if (next > last) throw new Error(`this file's years ${first}-${last} are used up`);
    return next++;
  }
  return { year };
}

export async function createPrisoner(
  options: { state?: PublicationState; fullName?: string; aliases?: string[] } = {},
) {
  return prisma.prisoner.create({
    data: {
      slug: uniqueSlug(),
      fullName: options.fullName ?? "Test Person",
      state: options.state ?? "PUBLISHED",
      names: options.aliases ? { create: options.aliases.map((value) => ({ value, kind: "ALIAS" as const })) } : undefined,
    },
  });
}

/** A custody period written directly, bypassing the data layer: for setting up, or for testing the database's own rules. */
export async function createCustodyPeriod(data: {
  prisonerId: string;
  start: IsoDay;
  startPrecision?: DatePrecision;
  startQualifier?: DateQualifier;
  end?: IsoDay;
  endPrecision?: DatePrecision;
  releaseReason?: ReleaseReason;
  kind?: CustodyKind;
  state?: PublicationState;
}) {
  return prisma.custodyPeriod.create({
    data: {
      prisonerId: data.prisonerId,
      kind: data.kind ?? "DETENTION",
      startDate: fromIsoDay(data.start),
      startPrecision: data.startPrecision ?? "DAY",
      startQualifier: data.startQualifier ?? "EXACT",
      endDate: data.end ? fromIsoDay(data.end) : undefined,
      endPrecision: data.end ? (data.endPrecision ?? "DAY") : undefined,
      releaseReason: data.end ? (data.releaseReason ?? "OTHER") : undefined,
      state: data.state ?? "PUBLISHED",
    },
  });
}

/** Audit entries about one record, oldest first. */
export function auditEntriesFor(entityId: string) {
  return prisma.auditEntry.findMany({ where: { entityId }, orderBy: { id: "asc" } });
}

/**
 * The PostgreSQL transaction that last wrote a row (its xmin): rows written by one transaction
 * share it, so a change and its audit entry with the same writer were committed together.
 */
export async function writerOf(table: "custody_period" | "audit_entry", id: string | bigint): Promise<string> {
  const rows =
    table === "custody_period"
      ? await prisma.$queryRaw<{ xid: string }[]>`SELECT xmin::text AS xid FROM custody_period WHERE id = ${id}::uuid`
      : await prisma.$queryRaw<{ xid: string }[]>`SELECT xmin::text AS xid FROM audit_entry WHERE id = ${id}`;
  if (rows.length !== 1) throw new Error(`no ${table} row ${id}`);
  return rows[0].xid;
}

/** Runs an action expected to fail and returns what it threw. */
export async function failureOf(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error("expected the action to be refused, but it succeeded");
}

/** The count on each of the days, measured one after another. */
export async function countsOn(days: IsoDay[]): Promise<number[]> {
  const counts: number[] = [];
  for (const day of days) counts.push((await countImprisoned(day)).count);
  return counts;
}

/** How the count on each day changed between two measurements. */
export function changes(before: number[], after: number[]): number[] {
  return after.map((count, index) => count - before[index]);
}

/** A placement (where a custody period's person is held from a day on), written directly. */
export async function createPlacement(
  custodyPeriodId: string,
  facilityId: string,
  from: IsoDay,
  options: { precision?: DatePrecision; qualifier?: DateQualifier; state?: PublicationState } = {},
) {
  return prisma.placement.create({
    data: {
      custodyPeriodId,
      facilityId,
      fromDate: fromIsoDay(from),
      fromPrecision: options.precision ?? "DAY",
      fromQualifier: options.qualifier ?? "EXACT",
      state: options.state ?? "PUBLISHED",
    },
  });
}
