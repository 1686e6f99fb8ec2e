import "server-only";
import { prisma } from "../db/client";
import type { MotionKind, MotionParty, Ruling } from "../db/generated/enums";
import { toIsoDay, type PartialDate } from "../dates";
import {
  newestHearingsFirst,
  publicHearingSelect,
  publicMotionFields,
  publicHearingWhere,
  publicMotionWhere,
  toPublicHearing,
  type PublicHearing,
  type PublicLink,
} from "./public-hearings";

/**
 * Lawyers for the public site: only PUBLISHED lawyers, and of their work only what concerns
 * published people: cases that are published and against a published person, public hearings,
 * published motions. A lawyer who is also prosecuted is linked to their profile only when that
 * profile is published.
 */

const publicCase = { state: "PUBLISHED", prisoner: { state: "PUBLISHED" } } as const;

export type LawyerSummary = {
  slug: string;
  fullName: string;
  aliases: string[];
  /** Published people this lawyer defends. */
  clientCount: number;
  /** Set when the lawyer is also a published person in the record. */
  prosecutedAs: PublicLink | null;
};

export async function listLawyers(): Promise<LawyerSummary[]> {
  const lawyers = await prisma.lawyer.findMany({
    where: { state: "PUBLISHED" },
    orderBy: [{ fullName: "asc" }, { slug: "asc" }],
    select: {
      slug: true,
      fullName: true,
      aliases: true,
      prisoner: { select: { slug: true, fullName: true, state: true } },
      cases: { where: { case: publicCase }, select: { case: { select: { prisonerId: true } } } },
    },
  });
  return lawyers.map((lawyer) => ({
    slug: lawyer.slug,
    fullName: lawyer.fullName,
    aliases: lawyer.aliases,
    clientCount: new Set(lawyer.cases.map((entry) => entry.case.prisonerId)).size,
    prosecutedAs: prosecutedAs(lawyer.prisoner),
  }));
}

function prosecutedAs(prisoner: { slug: string; fullName: string; state: string } | null): PublicLink | null {
  return prisoner && prisoner.state === "PUBLISHED" ? { slug: prisoner.slug, name: prisoner.fullName } : null;
}

export type LawyerClient = {
  prisoner: PublicLink;
  /** The cases against this person in which the lawyer defends them. */
  cases: { title: string; caseNumber: string | null; since: PartialDate | null }[];
};

export type LawyerMotion = {
  id: string;
  filedBy: MotionParty;
  kind: MotionKind;
  description: string | null;
  ruling: Ruling;
  rulingNote: string | null;
  hearingDate: PartialDate;
  prisoner: PublicLink;
  court: PublicLink | null;
};

export type LawyerRecord = {
  slug: string;
  fullName: string;
  aliases: string[];
  prosecutedAs: PublicLink | null;
  /** Alphabetical by name. */
  clients: LawyerClient[];
  /** Hearings the lawyer attended, newest first. */
  hearings: PublicHearing[];
  /** Motions the lawyer filed, newest hearing first. */
  motions: LawyerMotion[];
};

/** The public record of one lawyer, or null when there is no published lawyer with that slug. */
export async function getLawyer(slug: string): Promise<LawyerRecord | null> {
  const lawyer = await prisma.lawyer.findFirst({
    where: { slug, state: "PUBLISHED" },
    select: {
      id: true,
      slug: true,
      fullName: true,
      aliases: true,
      prisoner: { select: { slug: true, fullName: true, state: true } },
    },
  });
  if (!lawyer) return null;

  const [cases, hearings, motions] = await Promise.all([
    prisma.caseLawyer.findMany({
      where: { lawyerId: lawyer.id, case: publicCase },
      select: {
        sinceDate: true,
        sincePrecision: true,
        case: {
          select: { title: true, caseNumber: true, prisoner: { select: { id: true, slug: true, fullName: true } } },
        },
      },
      orderBy: [{ case: { prisoner: { fullName: "asc" } } }, { case: { title: "asc" } }],
    }),
    prisma.hearing.findMany({
      where: publicHearingWhere({ lawyers: { some: { lawyerId: lawyer.id } } }),
      orderBy: newestHearingsFirst,
      select: publicHearingSelect,
    }),
    prisma.motion.findMany({
      where: publicMotionWhere({ lawyerId: lawyer.id }),
      orderBy: [{ hearing: { date: "desc" } }, { hearingId: "asc" }, { position: "asc" }],
      select: {
        ...publicMotionFields,
        hearing: {
          select: {
            date: true,
            datePrecision: true,
            court: { select: { slug: true, name: true, state: true } },
            case: { select: { prisoner: { select: { slug: true, fullName: true } } } },
          },
        },
      },
    }),
  ]);

  const clients = new Map<string, LawyerClient>();
  for (const entry of cases) {
    const person = entry.case.prisoner;
    const client = clients.get(person.id) ?? { prisoner: { slug: person.slug, name: person.fullName }, cases: [] };
    client.cases.push({
      title: entry.case.title,
      caseNumber: entry.case.caseNumber,
      since:
        entry.sinceDate && entry.sincePrecision
          ? { date: toIsoDay(entry.sinceDate), precision: entry.sincePrecision }
          : null,
    });
    clients.set(person.id, client);
  }

  return {
    slug: lawyer.slug,
    fullName: lawyer.fullName,
    aliases: lawyer.aliases,
    prosecutedAs: prosecutedAs(lawyer.prisoner),
    clients: [...clients.values()],
    hearings: hearings.map(toPublicHearing),
    motions: motions.map((motion) => {
      const court = motion.hearing.court;
      return {
        id: motion.id,
        filedBy: motion.filedBy,
        kind: motion.kind,
        description: motion.description,
        ruling: motion.ruling,
        rulingNote: motion.rulingNote,
        hearingDate: { date: toIsoDay(motion.hearing.date), precision: motion.hearing.datePrecision },
        prisoner: { slug: motion.hearing.case.prisoner.slug, name: motion.hearing.case.prisoner.fullName },
        court: court && court.state === "PUBLISHED" ? { slug: court.slug, name: court.name } : null,
      };
    }),
  };
}
