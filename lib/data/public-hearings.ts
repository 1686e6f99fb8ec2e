import "server-only";
import type { Prisma } from "../db/generated/client";
import type { HearingKind, HearingStatus, MotionKind, MotionParty, Ruling } from "../db/generated/enums";
import { toIsoDay, type PartialDate } from "../dates";

/**
 * What makes a hearing public, shared by every page that lists hearings (courts, lawyers):
 * the hearing, its case and the person the case is against are all PUBLISHED. A motion is
 * public when it is PUBLISHED and its hearing is.
 */
export function publicHearingWhere(extra: Prisma.HearingWhereInput = {}): Prisma.HearingWhereInput {
  return {
    AND: [extra, { state: "PUBLISHED", case: { state: "PUBLISHED", prisoner: { state: "PUBLISHED" } } }],
  };
}

export function publicMotionWhere(extra: Prisma.MotionWhereInput = {}): Prisma.MotionWhereInput {
  return { AND: [extra, { state: "PUBLISHED", hearing: publicHearingWhere() }] };
}

/** A link to a public page: the slug and the name to show. */
export type PublicLink = { slug: string; name: string };

export type PublicMotion = {
  id: string;
  filedBy: MotionParty;
  kind: MotionKind;
  description: string | null;
  ruling: Ruling;
  rulingNote: string | null;
  /** The lawyer who filed it, when known and published. */
  lawyer: PublicLink | null;
};

export type PublicHearing = {
  id: string;
  date: PartialDate;
  /** Local time at the court, "HH:MM". */
  timeOfDay: string | null;
  kind: HearingKind;
  status: HearingStatus;
  outcome: string | null;
  prisoner: PublicLink;
  caseTitle: string;
  court: PublicLink | null;
  judge: string | null;
  motions: PublicMotion[];
};

/** Newest first; on one day, the later hearing first, hearings without a time last, then by name. */
export const newestHearingsFirst: Prisma.HearingOrderByWithRelationInput[] = [
  { date: "desc" },
  { timeOfDay: { sort: "desc", nulls: "last" } },
  { case: { prisoner: { fullName: "asc" } } },
  { id: "asc" },
];

const published = { state: true } as const;

/** What the public sees of a motion: who filed it, what, and the ruling. */
export const publicMotionFields = {
  id: true,
  filedBy: true,
  kind: true,
  description: true,
  ruling: true,
  rulingNote: true,
} satisfies Prisma.MotionSelect;

export const publicHearingSelect = {
  id: true,
  date: true,
  datePrecision: true,
  timeOfDay: true,
  kind: true,
  status: true,
  outcome: true,
  court: { select: { slug: true, name: true, ...published } },
  judge: { select: { fullName: true, ...published } },
  case: { select: { title: true, prisoner: { select: { slug: true, fullName: true } } } },
  motions: {
    where: { state: "PUBLISHED" },
    orderBy: { position: "asc" },
    select: {
      ...publicMotionFields,
      lawyer: { select: { slug: true, fullName: true, ...published } },
    },
  },
} satisfies Prisma.HearingSelect;

type HearingRow = Prisma.HearingGetPayload<{ select: typeof publicHearingSelect }>;

/** Only a published court, judge or lawyer is named. */
function ifPublished<T extends { state: string }>(row: T | null): T | null {
  return row && row.state === "PUBLISHED" ? row : null;
}

export function toPublicHearing(row: HearingRow): PublicHearing {
  const court = ifPublished(row.court);
  return {
    id: row.id,
    date: { date: toIsoDay(row.date), precision: row.datePrecision },
    timeOfDay: row.timeOfDay,
    kind: row.kind,
    status: row.status,
    outcome: row.outcome,
    prisoner: { slug: row.case.prisoner.slug, name: row.case.prisoner.fullName },
    caseTitle: row.case.title,
    court: court ? { slug: court.slug, name: court.name } : null,
    judge: ifPublished(row.judge)?.fullName ?? null,
    motions: row.motions.map((motion) => {
      const lawyer = ifPublished(motion.lawyer);
      return {
        id: motion.id,
        filedBy: motion.filedBy,
        kind: motion.kind,
        description: motion.description,
        ruling: motion.ruling,
        rulingNote: motion.rulingNote,
        lawyer: lawyer ? { slug: lawyer.slug, name: lawyer.fullName } : null,
      };
    }),
  };
}

/** Columns of a tally, in the order a reader expects: decided for, against, not decided. */
export const RULINGS: readonly Ruling[] = ["GRANTED", "PARTLY_GRANTED", "DISMISSED", "NOT_CONSIDERED", "POSTPONED", "PENDING"];
export const PARTIES: readonly MotionParty[] = ["DEFENCE", "PROSECUTION", "INVESTIGATION", "PLAINTIFF", "COURT", "OTHER"];

export type RulingCounts = Record<Ruling, number>;

export type MotionTally = {
  /** One row per party that filed at least one motion, in PARTIES order. */
  rows: { filedBy: MotionParty; byRuling: RulingCounts; total: number }[];
  totals: { byRuling: RulingCounts; total: number };
};

function zeroCounts(): RulingCounts {
  return Object.fromEntries(RULINGS.map((ruling) => [ruling, 0])) as RulingCounts;
}

/** Builds a tally from counts grouped by party and ruling. */
export function tallyMotions(groups: { filedBy: MotionParty; ruling: Ruling; count: number }[]): MotionTally {
  const byParty = new Map<MotionParty, RulingCounts>();
  const totals = zeroCounts();
  for (const group of groups) {
    const counts = byParty.get(group.filedBy) ?? zeroCounts();
    counts[group.ruling] += group.count;
    totals[group.ruling] += group.count;
    byParty.set(group.filedBy, counts);
  }
  const sum = (counts: RulingCounts) => RULINGS.reduce((total, ruling) => total + counts[ruling], 0);
  return {
    rows: PARTIES.filter((party) => byParty.has(party)).map((party) => {
      const byRuling = byParty.get(party) as RulingCounts;
      return { filedBy: party, byRuling, total: sum(byRuling) };
    }),
    totals: { byRuling: totals, total: sum(totals) },
  };
}
