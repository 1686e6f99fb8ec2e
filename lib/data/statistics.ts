import "server-only";
import { prisma } from "../db/client";
import { Prisma } from "../db/generated/client";
import { fromIsoDay, isValidIsoDay, todayUtc, toIsoDay, type IsoDay } from "../dates";

const DAY_MS = 24 * 60 * 60 * 1000;
import { countedFrom, countedPeriod, countedUntil, detainedOn } from "./custody-status";

/**
 * Public statistics, derived from custody events by the rule of lib/data/custody-status.ts:
 * only published people and their published detention periods. Every function returns plain
 * objects shaped for the statistics page.
 */

export type DailyCount = { day: IsoDay; count: number };

export type ImprisonedSeries = {
  /** Every day from the first day anyone is counted to the last day asked for, in order. */
  days: DailyCount[];
  /** The count on the last day of each month, and on the last day of the series. */
  monthEnds: DailyCount[];
  /** The first day with the highest count, or null when no one was ever counted. */
  peak: DailyCount | null;
};

/**
 * How many people were imprisoned on each day, from the earliest counted start to `until`
 * (today). countImprisoned(D) asks one day at a time; here one pass over the custody periods
 * answers every day at once: each counted period adds one on the day it starts to count and
 * takes one away on its day of release, and a running sum over the calendar gives the count.
 * A period that is never counted (released before a bound start can be proven) adds nothing.
 */
export async function imprisonedSeries(until: IsoDay = todayUtc()): Promise<ImprisonedSeries> {
  if (!isValidIsoDay(until)) throw new RangeError(`not a calendar day: ${until}`);
  const c = Prisma.sql`c`;
  // Every day's count comes back in one array, not a row per day: decades of days stay cheap.
  const [row] = await prisma.$queryRaw<{ first_day: string | null; counts: number[] | null }[]>`
    WITH span AS (
      SELECT ${countedFrom(c)} AS first_day, ${countedUntil(c)} AS end_day
      FROM custody_period c JOIN prisoner p ON p.id = c.prisoner_id
      WHERE p.state = 'PUBLISHED' AND ${countedPeriod(c)}
    ),
    counted AS (
      SELECT first_day, end_day FROM span WHERE end_day IS NULL OR end_day > first_day
    ),
    change AS (
      SELECT first_day AS day, 1 AS delta FROM counted
      UNION ALL
      SELECT end_day AS day, -1 AS delta FROM counted WHERE end_day IS NOT NULL
    ),
    net AS (
      SELECT day, sum(delta) AS delta FROM change WHERE day <= ${until}::date GROUP BY day
    ),
    daily AS (
      SELECT calendar.day::date AS day, sum(coalesce(net.delta, 0)) OVER (ORDER BY calendar.day) AS count
      FROM generate_series((SELECT min(day) FROM net)::timestamp, ${until}::date::timestamp, interval '1 day')
        AS calendar(day)
      LEFT JOIN net ON net.day = calendar.day::date
    )
    SELECT to_char(min(day), 'YYYY-MM-DD') AS first_day, array_agg(count::int ORDER BY day) AS counts FROM daily`;
  const days: DailyCount[] = [];
  if (row?.first_day && row.counts) {
    let time = fromIsoDay(row.first_day).getTime();
    for (const count of row.counts) {
      days.push({ day: toIsoDay(new Date(time)), count });
      time += DAY_MS;
    }
  }
  return summariseSeries(days);
}

/** Month-end counts and the peak of a series of consecutive days (exported for tests). */
export function summariseSeries(days: DailyCount[]): ImprisonedSeries {
  const monthEnds: DailyCount[] = [];
  let peak: DailyCount | null = null;
  for (const [index, entry] of days.entries()) {
    if (peak === null || entry.count > peak.count) peak = entry;
    // The days are consecutive: a month ends where the next day is in another month.
    const next = days[index + 1];
    if (next === undefined || next.day.slice(0, 7) !== entry.day.slice(0, 7)) monthEnds.push(entry);
  }
  return { days, monthEnds, peak };
}

export type CategoryCount = { slug: string; name: string; count: number };

export type ImprisonedByCategory = {
  on: IsoDay;
  /** People imprisoned on the day, each once. */
  total: number;
  /** Categories with at least one person, most people first. A person may be in several. */
  categories: CategoryCount[];
  /** People imprisoned with no category recorded. */
  uncategorised: number;
};

/** Who is imprisoned on a day (today by default), by category. */
export async function imprisonedByCategory(on: IsoDay = todayUtc()): Promise<ImprisonedByCategory> {
  const day = fromIsoDay(on);
  const held = Prisma.sql`
    SELECT DISTINCT c.prisoner_id FROM custody_period c JOIN prisoner p ON p.id = c.prisoner_id
    WHERE p.state = 'PUBLISHED' AND ${detainedOn(day)}`;
  const [categories, [totals]] = await Promise.all([
    prisma.$queryRaw<CategoryCount[]>`
      WITH held AS (${held})
      SELECT category.slug, category.name, count(*)::int AS count
      FROM held
      JOIN prisoner_category pc ON pc.prisoner_id = held.prisoner_id
      JOIN category ON category.id = pc.category_id
      GROUP BY category.id, category.slug, category.name
      ORDER BY count DESC, category.name`,
    prisma.$queryRaw<{ total: number; uncategorised: number }[]>`
      WITH held AS (${held})
      SELECT count(*)::int AS total,
             (count(*) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM prisoner_category pc WHERE pc.prisoner_id = held.prisoner_id)))::int AS uncategorised
      FROM held`,
  ]);
  return { on, total: totals.total, categories, uncategorised: totals.uncategorised };
}

export type FacilityCount = { slug: string; name: string; count: number };

export type ImprisonedByFacility = {
  on: IsoDay;
  /** People imprisoned on the day; every one of them is in exactly one facility or in notRecorded. */
  total: number;
  /** Facilities holding at least one person, most people first. */
  facilities: FacilityCount[];
  /** People whose place of detention on the day is not recorded publicly. */
  notRecorded: number;
};

/**
 * Where the people imprisoned on a day (today by default) are held: the latest published
 * placement of their custody period that has begun by that day. A placement known only as a
 * bound ("held there by October 2014") counts from the last day it can stand for, as custody
 * starts do; until then the earlier placement stands.
 */
export async function imprisonedByFacility(on: IsoDay = todayUtc()): Promise<ImprisonedByFacility> {
  const day = fromIsoDay(on);
  // Set-based rather than a subquery per person: one pass over the placements of the held.
  const rows = await prisma.$queryRaw<{ slug: string | null; name: string | null; count: number }[]>`
    WITH held AS MATERIALIZED (
      SELECT c.id FROM custody_period c JOIN prisoner p ON p.id = c.prisoner_id
      WHERE p.state = 'PUBLISHED' AND ${detainedOn(day)}
    ),
    latest AS (
      SELECT DISTINCT ON (pl.custody_period_id) pl.custody_period_id, pl.facility_id
      FROM placement pl JOIN held ON held.id = pl.custody_period_id
      WHERE pl.state = 'PUBLISHED'
        AND status_counted_from(pl.from_date, pl.from_precision, pl.from_qualifier) <= ${day}::date
      ORDER BY pl.custody_period_id, pl.from_date DESC
    )
    SELECT facility.slug, facility.name, count(*)::int AS count
    FROM held
    LEFT JOIN latest ON latest.custody_period_id = held.id
    LEFT JOIN facility ON facility.id = latest.facility_id AND facility.state = 'PUBLISHED'
    GROUP BY facility.id, facility.slug, facility.name
    ORDER BY count DESC, facility.name`;
  const facilities: FacilityCount[] = [];
  let notRecorded = 0;
  for (const row of rows) {
    if (row.slug === null || row.name === null) notRecorded += row.count;
    else facilities.push({ slug: row.slug, name: row.name, count: row.count });
  }
  const total = rows.reduce((sum, row) => sum + row.count, 0);
  return { on, total, facilities, notRecorded };
}

/** "2014-10" */
export type IsoMonth = string;

export type MonthlyMovement = { month: IsoMonth; arrests: number; releases: number };

/** Arrests and releases of one year that cannot be placed in a month. */
export type UnplacedMovement = {
  year: number;
  /** Detention begun in this year, the source giving only the year. */
  arrestsKnownOnlyToYear: number;
  /** Released in this year, the source giving only the year. */
  releasesKnownOnlyToYear: number;
  /**
   * Arrest date not known: the source proves only custody by a date in this year (or that it
   * began on or after one), so the arrest may fall in an earlier month or year.
   */
  arrestsKnownOnlyAsBound: number;
};

export type Movements = {
  /** Months with at least one arrest or release placed in them, in order. */
  months: MonthlyMovement[];
  /** Years with arrests or releases not placed in any month, in order. */
  unplaced: UnplacedMovement[];
};

type MovementRow = {
  movement: "arrest" | "release";
  placed: "month" | "year" | "bound";
  year: number;
  month: number | null;
  count: number;
};

/**
 * New arrests and releases: the published detention periods the count is made of, by the
 * month they began and the month they ended. A date known to the day or the month is placed
 * in its month. A date known only to the year is counted for that year but placed in no month,
 * and so is an arrest known only as a bound ("in custody by 17 September 2014"): the arrest
 * itself may be months earlier.
 */
export async function arrestsAndReleases(): Promise<Movements> {
  const c = Prisma.sql`c`;
  const rows = await prisma.$queryRaw<MovementRow[]>`
    WITH period AS (
      SELECT c.start_date, c.start_precision, c.start_qualifier, c.end_date, c.end_precision
      FROM custody_period c JOIN prisoner p ON p.id = c.prisoner_id
      WHERE p.state = 'PUBLISHED' AND ${countedPeriod(c)}
    ),
    movement AS (
      SELECT 'arrest' AS movement,
             CASE WHEN start_qualifier <> 'EXACT' THEN 'bound'
                  WHEN start_precision = 'YEAR' THEN 'year'
                  ELSE 'month' END AS placed,
             start_date AS day
      FROM period
      UNION ALL
      SELECT 'release' AS movement,
             CASE WHEN end_precision = 'YEAR' THEN 'year' ELSE 'month' END AS placed,
             end_date AS day
      FROM period WHERE end_date IS NOT NULL
    )
    SELECT movement, placed,
           extract(year FROM day)::int AS year,
           CASE WHEN placed = 'month' THEN extract(month FROM day)::int END AS month,
           count(*)::int AS count
    FROM movement
    GROUP BY 1, 2, 3, 4
    ORDER BY 3, 4`;
  return shapeMovements(rows);
}

function shapeMovements(rows: MovementRow[]): Movements {
  const months = new Map<IsoMonth, MonthlyMovement>();
  const unplaced = new Map<number, UnplacedMovement>();
  for (const row of rows) {
    if (row.placed === "month" && row.month !== null) {
      const month = `${String(row.year).padStart(4, "0")}-${String(row.month).padStart(2, "0")}`;
      const entry = months.get(month) ?? { month, arrests: 0, releases: 0 };
      if (row.movement === "arrest") entry.arrests += row.count;
      else entry.releases += row.count;
      months.set(month, entry);
      continue;
    }
    const entry = unplaced.get(row.year) ?? {
      year: row.year,
      arrestsKnownOnlyToYear: 0,
      releasesKnownOnlyToYear: 0,
      arrestsKnownOnlyAsBound: 0,
    };
    if (row.placed === "bound") entry.arrestsKnownOnlyAsBound += row.count;
    else if (row.movement === "arrest") entry.arrestsKnownOnlyToYear += row.count;
    else entry.releasesKnownOnlyToYear += row.count;
    unplaced.set(row.year, entry);
  }
  return {
    months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    unplaced: [...unplaced.values()].sort((a, b) => a.year - b.year),
  };
}
