import "server-only";
import { prisma } from "../db/client";
import { Prisma } from "../db/generated/client";
import { fromIsoDay, todayUtc, toIsoDay, type IsoDay, type PartialDate, type Qualifier } from "../dates";

/**
 * Who is imprisoned, derived from custody events only: nothing stores "currently imprisoned".
 *
 * Imprisoned on day D = a PUBLISHED prisoner with a PUBLISHED custody period of kind DETENTION
 * that is proven to have begun on or before D, and has no end or ends after D (the day of
 * release is a day of freedom). House arrest is recorded but not counted. The exclusion
 * constraint rule_custody_no_overlap allows one period per person per day, so no one is
 * counted twice.
 *
 * "Proven to have begun" is status_counted_from() in the database: an exact start counts from
 * its first day, a bound ("in custody by October 2014") from the last day it can stand for.
 * A past count is then what the sources prove, never more (docs/decisions/0004-derived-status.md).
 */
function detainedOn(day: Date, alias = Prisma.sql`c`): Prisma.Sql {
  return Prisma.sql`${alias}.kind = 'DETENTION' AND ${alias}.state = 'PUBLISHED'
    AND status_counted_from(${alias}.start_date, ${alias}.start_precision, ${alias}.start_qualifier) <= ${day}::date
    AND (${alias}.end_date IS NULL OR ${alias}.end_date > ${day}::date)`;
}

export type ImprisonedCount = {
  count: number;
  /** The calendar day counted (UTC). */
  on: IsoDay;
  /** When this answer was computed. */
  computedAt: Date;
  /** The latest change to any published custody record: how fresh the underlying record is. */
  lastRecordChange: Date | null;
};

export async function countImprisoned(on: IsoDay = todayUtc()): Promise<ImprisonedCount> {
  const day = fromIsoDay(on);
  const [rows, latest] = await Promise.all([
    prisma.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM prisoner p
      WHERE p.state = 'PUBLISHED'
        AND EXISTS (SELECT 1 FROM custody_period c WHERE c.prisoner_id = p.id AND ${detainedOn(day)})`,
    // Newest first and stop at the first published person's: an index walk of a few rows
    // (search_custody_published_updated), where max() over a join read every period.
    prisma.$queryRaw<{ updated_at: Date }[]>`
      SELECT c.updated_at FROM custody_period c
      WHERE c.state = 'PUBLISHED'
        AND EXISTS (SELECT 1 FROM prisoner p WHERE p.id = c.prisoner_id AND p.state = 'PUBLISHED')
      ORDER BY c.updated_at DESC LIMIT 1`,
  ]);
  return { count: rows[0].count, on, computedAt: new Date(), lastRecordChange: latest[0]?.updated_at ?? null };
}

export type ImprisonedPerson = {
  id: string;
  slug: string;
  fullName: string;
  since: PartialDate;
  sinceQualifier: Qualifier;
};

type PersonRow = {
  id: string;
  slug: string;
  full_name: string;
  start_date: Date;
  start_precision: PartialDate["precision"];
  start_qualifier: Qualifier;
};

export async function listImprisoned(on: IsoDay = todayUtc()): Promise<ImprisonedPerson[]> {
  const day = fromIsoDay(on);
  const rows = await prisma.$queryRaw<PersonRow[]>`
    SELECT p.id, p.slug, p.full_name, c.start_date, c.start_precision, c.start_qualifier
    FROM prisoner p JOIN custody_period c ON c.prisoner_id = p.id
    WHERE p.state = 'PUBLISHED' AND ${detainedOn(day)}
    ORDER BY p.full_name, p.id`;
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    fullName: row.full_name,
    since: { date: toIsoDay(row.start_date), precision: row.start_precision },
    sinceQualifier: row.start_qualifier,
  }));
}

export type CustodyStatus =
  | { state: "imprisoned"; since: PartialDate; sinceQualifier: Qualifier }
  | { state: "house-arrest"; since: PartialDate; sinceQualifier: Qualifier }
  | { state: "released"; on: PartialDate; reason: string }
  | { state: "no-custody-recorded" };

type StatusRow = {
  kind: "DETENTION" | "HOUSE_ARREST";
  start_date: Date;
  start_precision: PartialDate["precision"];
  start_qualifier: Qualifier;
  end_date: Date | null;
  end_precision: PartialDate["precision"] | null;
  release_reason: string | null;
};

/**
 * The status of one published person on a day, by the same rule as the count.
 * Returns null when there is no published person with that id.
 */
export async function custodyStatusOf(prisonerId: string, on: IsoDay = todayUtc()): Promise<CustodyStatus | null> {
  const day = fromIsoDay(on);
  const published = await prisma.prisoner.count({ where: { id: prisonerId, state: "PUBLISHED" } });
  if (published === 0) return null;
  const [latest] = await prisma.$queryRaw<StatusRow[]>`
    SELECT c.kind, c.start_date, c.start_precision, c.start_qualifier, c.end_date, c.end_precision, c.release_reason
    FROM custody_period c
    WHERE c.prisoner_id = ${prisonerId}::uuid AND c.state = 'PUBLISHED'
      AND status_counted_from(c.start_date, c.start_precision, c.start_qualifier) <= ${day}::date
    ORDER BY c.start_date DESC LIMIT 1`;
  if (!latest) return { state: "no-custody-recorded" };
  const since: PartialDate = { date: toIsoDay(latest.start_date), precision: latest.start_precision };
  if (latest.end_date === null || latest.end_date > day) {
    return latest.kind === "DETENTION"
      ? { state: "imprisoned", since, sinceQualifier: latest.start_qualifier }
      : { state: "house-arrest", since, sinceQualifier: latest.start_qualifier };
  }
  return {
    state: "released",
    on: { date: toIsoDay(latest.end_date), precision: latest.end_precision ?? "DAY" },
    reason: latest.release_reason ?? "OTHER",
  };
}
