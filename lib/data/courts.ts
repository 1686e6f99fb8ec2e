import "server-only";
import { prisma } from "../db/client";
import type { CourtKind } from "../db/generated/enums";
import {
  newestHearingsFirst,
  publicHearingSelect,
  publicHearingWhere,
  publicMotionWhere,
  tallyMotions,
  toPublicHearing,
  type MotionTally,
  type PublicHearing,
} from "./public-hearings";

/**
 * Courts for the public site: only PUBLISHED courts, and in them only public hearings (the
 * hearing, its case and its person published) and published motions and judges.
 */

export type CourtSummary = {
  slug: string;
  name: string;
  aliases: string[];
  kind: CourtKind;
  city: string | null;
  hearingCount: number;
};

export async function listCourts(): Promise<CourtSummary[]> {
  const courts = await prisma.court.findMany({
    where: { state: "PUBLISHED" },
    orderBy: [{ name: "asc" }, { slug: "asc" }],
    select: {
      slug: true,
      name: true,
      aliases: true,
      kind: true,
      city: true,
      _count: { select: { hearings: { where: publicHearingWhere() } } },
    },
  });
  return courts.map(({ _count, ...court }) => ({ ...court, hearingCount: _count.hearings }));
}

export type CourtJudge = { id: string; fullName: string; hearingCount: number };

export type CourtRecord = {
  slug: string;
  name: string;
  aliases: string[];
  kind: CourtKind;
  city: string | null;
  country: string | null;
  /** Newest first. */
  hearings: PublicHearing[];
  /** Motions heard here, by who filed them and how the court ruled. */
  motionTally: MotionTally;
  /** Published judges of this court, or who presided over a public hearing here; most hearings first. */
  judges: CourtJudge[];
};

/** The public record of one court, or null when there is no published court with that slug. */
export async function getCourt(slug: string): Promise<CourtRecord | null> {
  const court = await prisma.court.findFirst({
    where: { slug, state: "PUBLISHED" },
    select: { id: true, slug: true, name: true, aliases: true, kind: true, city: true, country: true },
  });
  if (!court) return null;

  const heardHere = publicHearingWhere({ courtId: court.id });
  const [hearings, groups, judges] = await Promise.all([
    prisma.hearing.findMany({ where: heardHere, orderBy: newestHearingsFirst, select: publicHearingSelect }),
    prisma.motion.groupBy({
      by: ["filedBy", "ruling"],
      where: publicMotionWhere({ hearing: { courtId: court.id } }),
      _count: { _all: true },
      orderBy: [{ filedBy: "asc" }, { ruling: "asc" }],
    }),
    prisma.judge.findMany({
      where: { state: "PUBLISHED", OR: [{ courtId: court.id }, { hearings: { some: heardHere } }] },
      select: { id: true, fullName: true, _count: { select: { hearings: { where: heardHere } } } },
    }),
  ]);

  return {
    slug: court.slug,
    name: court.name,
    aliases: court.aliases,
    kind: court.kind,
    city: court.city,
    country: court.country,
    hearings: hearings.map(toPublicHearing),
    motionTally: tallyMotions(
      groups.map((group) => ({ filedBy: group.filedBy, ruling: group.ruling, count: group._count._all })),
    ),
    judges: judges
      .map((judge) => ({ id: judge.id, fullName: judge.fullName, hearingCount: judge._count.hearings }))
      .sort((a, b) => b.hearingCount - a.hearingCount || a.fullName.localeCompare(b.fullName, "en")),
  };
}
