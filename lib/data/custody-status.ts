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
 * its first day, a bound ("in custody by October 2014") from the last day it can stand for, or
 * from today if that is earlier. A past count is then what the sources prove, never more
 * (docs/decisions/0004-derived-status.md).
 *
 * The SQL fragments below are that rule; other data-layer modules (the directory) compose them
 * instead of restating it.
 */

/**
 * The custody period `alias` is published and proven to have begun on or before `day`.
 *
 * For today (or later) every recorded start is proven: a source that places someone in custody
 * "by November 2026" was written on or before today, so the custody began by today. Only a
 * past day needs status_counted_from's caution.
 */
export function provenBy(day: Date, alias: Prisma.Sql = Prisma.sql`c`): Prisma.Sql {
  if (toIsoDay(day) >= todayUtc()) {
    return Prisma.sql`${alias}.state = 'PUBLISHED' AND ${alias}.start_date <= ${day}::date`;
  }
  return Prisma.sql`${alias}.state = 'PUBLISHED'
    AND status_counted_from(${alias}.start_date, ${alias}.start_precision, ${alias}.start_qualifier) <= ${day}::date`;
}

/** The custody period `alias` holds its person in detention on `day`: the rule of the count. */
export function detainedOn(day: Date, alias: Prisma.Sql = Prisma.sql`c`): Prisma.Sql {
  return Prisma.sql`${alias}.kind = 'DETENTION' AND ${provenBy(day, alias)}
    AND (${alias}.end_date IS NULL OR ${alias}.end_date > ${day}::date)`;
}

/*
 * The same rule in parts, for queries that look at many days at once (lib/data/statistics.ts):
 * a counted period counts on every day from countedFrom (included) to countedUntil (excluded,
 * NULL while open), and on no other day. detainedOn() states it per day in the form the
 * search_custody_detention_span index serves; a test checks that the two agree.
 */

/** Custody periods the count can include at all: published detention, never house arrest. */
export function countedPeriod(alias = Prisma.sql`c`): Prisma.Sql {
  return Prisma.sql`${alias}.kind = 'DETENTION' AND ${alias}.state = 'PUBLISHED'`;
}

/**
 * The first day a period counts: status_counted_from(), but never later than today once the
 * period has started (see provenBy): least(counted-from, greatest(start, today)).
 */
export function countedFrom(alias = Prisma.sql`c`): Prisma.Sql {
  const today = fromIsoDay(todayUtc());
  return Prisma.sql`least(status_counted_from(${alias}.start_date, ${alias}.start_precision, ${alias}.start_qualifier),
    greatest(${alias}.start_date, ${today}::date))`;
}

/** The first day a period no longer counts: the day of release (a day of freedom), NULL while open. */
export function countedUntil(alias = Prisma.sql`c`): Prisma.Sql {
  return Prisma.sql`${alias}.end_date`;
}

/**
 * The person whose id is `prisonerId` (a column or a parameter) is imprisoned on `day`. Every
 * query that asks "imprisoned now?" uses this fragment, so the count, the list and the
 * directory's filter cannot disagree. It does not check the person's own publication state.
 */
export function imprisonedOn(day: Date, prisonerId: Prisma.Sql = Prisma.sql`p.id`): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM custody_period held
    WHERE held.prisoner_id = ${prisonerId} AND ${detainedOn(day, Prisma.sql`held`)})`;
}

/**
 * The custody period that decides a person's status on `day`, among the published periods
 * proven to have begun by then: the one that has not ended by `day`, else the latest.
 *
 * At most one proven period is open on a day: rule_custody_no_overlap forbids two that overlap.
 * It does not forbid an empty period (released the day it began, as when a source proves only
 * the month of both), which may start later than an open one; preferring the open period keeps
 * this status in agreement with imprisonedOn() even then.
 */
export function statusPeriodOn(day: Date, prisonerId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT c.kind, c.start_date, c.start_precision, c.start_qualifier,
      c.end_date, c.end_precision, c.release_reason
    FROM custody_period c
    WHERE c.prisoner_id = ${prisonerId} AND ${provenBy(day)}
    ORDER BY (c.end_date IS NULL OR c.end_date > ${day}::date) DESC,
      c.start_date DESC, c.end_date DESC, c.id
    LIMIT 1`;
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
      WHERE p.state = 'PUBLISHED' AND ${imprisonedOn(day)}`,
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

/**
 * Everyone imprisoned on a day, by name; or, with `latest`, only the that many most recently
 * taken into custody (the home page: the full list is the directory's job).
 */
export async function listImprisoned(
  on: IsoDay = todayUtc(),
  options: { latest?: number } = {},
): Promise<ImprisonedPerson[]> {
  const day = fromIsoDay(on);
  const order = options.latest
    ? Prisma.sql`ORDER BY c.start_date DESC, p.full_name, p.id LIMIT ${options.latest}`
    : Prisma.sql`ORDER BY p.full_name, p.id`;
  const rows = await prisma.$queryRaw<PersonRow[]>`
    SELECT p.id, p.slug, p.full_name, c.start_date, c.start_precision, c.start_qualifier
    FROM prisoner p JOIN custody_period c ON c.prisoner_id = p.id
    WHERE p.state = 'PUBLISHED' AND ${detainedOn(day)}
    ${order}`;
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

/** A row of statusPeriodOn(). */
export type StatusPeriodRow = {
  kind: "DETENTION" | "HOUSE_ARREST";
  start_date: Date;
  start_precision: PartialDate["precision"];
  start_qualifier: Qualifier;
  end_date: Date | null;
  end_precision: PartialDate["precision"] | null;
  release_reason: string | null;
};

/** The status on `day` given the period statusPeriodOn() found (or none). */
export function statusFromPeriod(period: StatusPeriodRow | null | undefined, day: Date): CustodyStatus {
  if (!period) return { state: "no-custody-recorded" };
  const since: PartialDate = { date: toIsoDay(period.start_date), precision: period.start_precision };
  if (period.end_date === null || period.end_date > day) {
    return period.kind === "DETENTION"
      ? { state: "imprisoned", since, sinceQualifier: period.start_qualifier }
      : { state: "house-arrest", since, sinceQualifier: period.start_qualifier };
  }
  return {
    state: "released",
    on: { date: toIsoDay(period.end_date), precision: period.end_precision ?? "DAY" },
    reason: period.release_reason ?? "OTHER",
  };
}

/**
 * The status of one published person on a day, by the same rule as the count.
 * Returns null when there is no published person with that id.
 */
export async function custodyStatusOf(prisonerId: string, on: IsoDay = todayUtc()): Promise<CustodyStatus | null> {
  const published = await prisma.prisoner.count({ where: { id: prisonerId, state: "PUBLISHED" } });
  if (published === 0) return null;
  return custodyStatusOfAnyPerson(prisonerId, on);
}

/**
 * The same status for a person in any publication state: for the admin's preview of a draft
 * profile as it will read once published. Never for public output.
 */
export async function custodyStatusOfAnyPerson(prisonerId: string, on: IsoDay = todayUtc()): Promise<CustodyStatus> {
  const day = fromIsoDay(on);
  const [period] = await prisma.$queryRaw<StatusPeriodRow[]>(statusPeriodOn(day, Prisma.sql`${prisonerId}::uuid`));
  return statusFromPeriod(period, day);
}
