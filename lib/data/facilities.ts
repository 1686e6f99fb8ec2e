import "server-only";
import { prisma } from "../db/client";
import { Prisma } from "../db/generated/client";
import type { DatePrecision, DateQualifier, FacilityKind } from "../db/generated/enums";
import { fromIsoDay, todayUtc, toIsoDay, type IsoDay, type PartialDate, type Qualifier } from "../dates";
import { detainedOn } from "./custody-status";
import type { PublicLink } from "./public-hearings";

/**
 * Facilities for the public site, and who is held in them, derived from custody events.
 *
 * Held at facility F on day D = imprisoned on D by the rule of custody-status.ts (detainedOn),
 * and the latest published placement of that custody period that has begun by D is at F.
 * A placement has begun from the day the sources prove, by the same status_counted_from() as
 * a custody period's start: "held there by October 2014" counts from 31 October.
 *
 * Held there before = a published placement at F in a published detention period that ended
 * by D: the person was moved on (a later placement has begun) or released (the day of release
 * is a day of freedom, as in the count). Only published people, periods and placements count.
 */

function placementBegunBy(day: Date, alias: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${alias}.state = 'PUBLISHED'
    AND status_counted_from(${alias}.from_date, ${alias}.from_precision, ${alias}.from_qualifier) <= ${day}::date`;
}

/** One row per person held on `day`, with the placement that puts them where they are. */
export function heldOn(day: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT p.id AS prisoner_id, p.slug, p.full_name,
           here.facility_id, here.from_date, here.from_precision, here.from_qualifier
    FROM prisoner p
    JOIN custody_period c ON c.prisoner_id = p.id
    JOIN LATERAL (
      SELECT pl.facility_id, pl.from_date, pl.from_precision, pl.from_qualifier
      FROM placement pl
      WHERE pl.custody_period_id = c.id AND ${placementBegunBy(day, Prisma.sql`pl`)}
      ORDER BY pl.from_date DESC, pl.id
      LIMIT 1
    ) here ON true
    WHERE p.state = 'PUBLISHED' AND ${detainedOn(day)}`;
}

export type FacilitySummary = {
  slug: string;
  name: string;
  kind: FacilityKind;
  city: string | null;
  /** People held here on the day asked about. */
  heldCount: number;
};

export async function listFacilities(on: IsoDay = todayUtc()): Promise<FacilitySummary[]> {
  const day = fromIsoDay(on);
  const [facilities, counts] = await Promise.all([
    prisma.facility.findMany({
      where: { state: "PUBLISHED" },
      orderBy: [{ name: "asc" }, { slug: "asc" }],
      select: { id: true, slug: true, name: true, kind: true, city: true },
    }),
    prisma.$queryRaw<{ facility_id: string; count: number }[]>`
      SELECT held.facility_id, count(*)::int AS count FROM (${heldOn(day)}) held GROUP BY held.facility_id`,
  ]);
  const countOf = new Map(counts.map((row) => [row.facility_id, row.count]));
  return facilities.map((facility) => ({
    slug: facility.slug,
    name: facility.name,
    kind: facility.kind,
    city: facility.city,
    heldCount: countOf.get(facility.id) ?? 0,
  }));
}

export type HeldNow = {
  prisoner: PublicLink;
  /** When this placement began. */
  since: PartialDate;
  sinceQualifier: Qualifier;
};

export type HeldBefore = {
  prisoner: PublicLink;
  from: PartialDate;
  fromQualifier: Qualifier;
  /** The day they were moved elsewhere or released. */
  until: PartialDate;
  /** Why the stay ended. */
  ended: "transferred" | "released";
};

export type FacilityRecord = {
  slug: string;
  name: string;
  aliases: string[];
  kind: FacilityKind;
  city: string | null;
  country: string;
  /** Postal address for letters to people held here. */
  postalAddress: string | null;
  /** The day the lists below are for. */
  on: IsoDay;
  /** Alphabetical. */
  heldNow: HeldNow[];
  /** Most recently ended stay first. */
  heldBefore: HeldBefore[];
};

type HeldRow = {
  slug: string;
  full_name: string;
  from_date: Date;
  from_precision: DatePrecision;
  from_qualifier: DateQualifier;
};

type StayRow = HeldRow & {
  until_date: Date;
  until_precision: DatePrecision;
  ended: "transferred" | "released";
};

/** The public record of one facility on a day, or null when there is no published facility with that slug. */
export async function getFacility(slug: string, on: IsoDay = todayUtc()): Promise<FacilityRecord | null> {
  const facility = await prisma.facility.findFirst({
    where: { slug, state: "PUBLISHED" },
    select: {
      id: true,
      slug: true,
      name: true,
      aliases: true,
      kind: true,
      city: true,
      country: true,
      postalAddress: true,
    },
  });
  if (!facility) return null;
  const day = fromIsoDay(on);

  const [held, stays] = await Promise.all([
    prisma.$queryRaw<HeldRow[]>`
      SELECT held.slug, held.full_name, held.from_date, held.from_precision, held.from_qualifier
      FROM (${heldOn(day)}) held
      WHERE held.facility_id = ${facility.id}::uuid
      ORDER BY held.full_name, held.slug`,
    prisma.$queryRaw<StayRow[]>`
      SELECT stay.* FROM (
        SELECT p.slug, p.full_name, pl.from_date, pl.from_precision, pl.from_qualifier,
               CASE WHEN next.from_date IS NOT NULL THEN next.from_date ELSE c.end_date END AS until_date,
               CASE WHEN next.from_date IS NOT NULL THEN next.from_precision ELSE c.end_precision END AS until_precision,
               CASE WHEN next.from_date IS NOT NULL THEN 'transferred' ELSE 'released' END AS ended
        FROM placement pl
        JOIN custody_period c ON c.id = pl.custody_period_id
        JOIN prisoner p ON p.id = c.prisoner_id
        LEFT JOIN LATERAL (
          SELECT n.from_date, n.from_precision
          FROM placement n
          WHERE n.custody_period_id = c.id AND n.from_date > pl.from_date AND ${placementBegunBy(day, Prisma.sql`n`)}
          ORDER BY n.from_date, n.id
          LIMIT 1
        ) next ON true
        WHERE pl.facility_id = ${facility.id}::uuid AND ${placementBegunBy(day, Prisma.sql`pl`)}
          AND c.state = 'PUBLISHED' AND c.kind = 'DETENTION' AND p.state = 'PUBLISHED'
      ) stay
      WHERE stay.ended = 'transferred' OR stay.until_date <= ${day}::date
      ORDER BY stay.until_date DESC, stay.full_name, stay.slug`,
  ]);

  return {
    slug: facility.slug,
    name: facility.name,
    aliases: facility.aliases,
    kind: facility.kind,
    city: facility.city,
    country: facility.country,
    postalAddress: facility.postalAddress,
    on,
    heldNow: held.map((row) => ({
      prisoner: { slug: row.slug, name: row.full_name },
      since: { date: toIsoDay(row.from_date), precision: row.from_precision },
      sinceQualifier: row.from_qualifier,
    })),
    heldBefore: stays.map((row) => ({
      prisoner: { slug: row.slug, name: row.full_name },
      from: { date: toIsoDay(row.from_date), precision: row.from_precision },
      fromQualifier: row.from_qualifier,
      until: { date: toIsoDay(row.until_date), precision: row.until_precision },
      ended: row.ended,
    })),
  };
}
