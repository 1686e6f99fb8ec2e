import "server-only";
import { prisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { fromIsoDay, todayUtc, type IsoDay } from "../dates";
import {
  compareEvents,
  eventAnchor,
  type CourtReference,
  type HearingEvent,
  type TimelineEvent,
} from "../timeline";
import { appealEvent, custodyStartEvent, decreeEvent, extensionEvent, partialDate, releaseEvent, verdictEvent } from "./timeline-events";
import { newestHearingsFirst, publicHearingSelect, publicHearingWhere, toPublicHearing, type PublicHearing } from "./public-hearings";

/**
 * Public events across people, newest first: what the feeds publish (arrests, hearings with
 * their rulings, detention extensions, verdicts, appeals, pardons and amnesties, releases).
 *
 * Every query names its fields and requires the record, its case and the person to be
 * PUBLISHED, as lib/data/profile.ts does for one person; private tables are never selected.
 * Courts, judges and decrees are named only when published. Sources are left to the profile,
 * which every entry links to.
 */

const PUBLISHED = "PUBLISHED" as const;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const FEED_LIMIT_MAX = 200;

export type PublicEventPerson = { slug: string; fullName: string };

export type PublicEvent = {
  event: TimelineEvent;
  prisoner: PublicEventPerson;
  /** The published court the event happened at, when there is one (for per-court feeds). */
  courtSlug: string | null;
  /** The latest change to the record behind the event (or its parent record). */
  updated: Date;
};

export type EventScope = { prisonerSlug?: string; courtSlug?: string };

const courtSelect = { select: { slug: true, name: true, city: true, state: true } } satisfies Prisma.CourtDefaultArgs;
type CourtRow = Prisma.CourtGetPayload<typeof courtSelect> | null;

const personSelect = { select: { slug: true, fullName: true } } satisfies Prisma.PrisonerDefaultArgs;

function publishedCourt(court: CourtRow): (CourtReference & { slug: string }) | null {
  return court && court.state === PUBLISHED ? { slug: court.slug, name: court.name, city: court.city } : null;
}

/** A published person, optionally by slug. */
function personWhere(scope: EventScope): Prisma.PrisonerWhereInput {
  return scope.prisonerSlug ? { state: PUBLISHED, slug: scope.prisonerSlug } : { state: PUBLISHED };
}

function courtWhere(scope: EventScope): Prisma.CourtWhereInput | undefined {
  return scope.courtSlug ? { slug: scope.courtSlug, state: PUBLISHED } : undefined;
}

async function custodyEvents(scope: EventScope, limit: number): Promise<PublicEvent[]> {
  // Arrests and releases happen at no court: a per-court feed has none.
  if (scope.courtSlug) return [];
  const select = {
    id: true,
    kind: true,
    startDate: true,
    startPrecision: true,
    startQualifier: true,
    endDate: true,
    endPrecision: true,
    releaseReason: true,
    updatedAt: true,
    prisoner: personSelect,
    case: { select: { title: true, state: true } },
    releaseDecree: { select: { title: true, number: true, state: true } },
  } satisfies Prisma.CustodyPeriodSelect;
  const where = { state: PUBLISHED, prisoner: personWhere(scope) } satisfies Prisma.CustodyPeriodWhereInput;
  const [starts, ends] = await Promise.all([
    prisma.custodyPeriod.findMany({ where, select, orderBy: [{ startDate: "desc" }, { id: "asc" }], take: limit }),
    prisma.custodyPeriod.findMany({
      where: { ...where, endDate: { not: null } },
      select,
      orderBy: [{ endDate: "desc" }, { id: "asc" }],
      take: limit,
    }),
  ]);
  const events: PublicEvent[] = starts.map((period) => ({
    event: custodyStartEvent(period, {
      caseTitle: period.case && period.case.state === PUBLISHED ? period.case.title : null,
      // The note stays on the profile: a feed carries what happened, not commentary.
      note: null,
      sources: [],
    }),
    prisoner: period.prisoner,
    courtSlug: null,
    updated: period.updatedAt,
  }));
  for (const period of ends) {
    const decree = period.releaseDecree;
    const event = releaseEvent(period, decree && decree.state === PUBLISHED ? { title: decree.title, number: decree.number } : null, []);
    if (event) events.push({ event, prisoner: period.prisoner, courtSlug: null, updated: period.updatedAt });
  }
  return events;
}

async function hearingEvents(scope: EventScope, limit: number): Promise<PublicEvent[]> {
  const rows = await prisma.hearing.findMany({
    where: publicHearingWhere({ case: { prisoner: personWhere(scope) }, court: courtWhere(scope) }),
    orderBy: newestHearingsFirst,
    take: limit,
    // The court with its city, as the profile names it.
    select: { ...publicHearingSelect, updatedAt: true, court: courtSelect },
  });
  return rows.map((row) => {
    const court = publishedCourt(row.court);
    const event: HearingEvent = {
      type: "hearing",
      id: row.id,
      anchor: eventAnchor(row.id),
      date: partialDate(row.date, row.datePrecision),
      qualifier: "EXACT",
      timeOfDay: row.timeOfDay,
      kind: row.kind,
      status: row.status,
      court,
      judge: row.judge && row.judge.state === PUBLISHED ? row.judge.fullName : null,
      caseTitle: row.case.title,
      outcome: row.outcome,
      lawyers: [],
      motions: row.motions.map((motion) => ({ ...motion, anchor: eventAnchor(motion.id), lawyer: null, sources: [] })),
      sources: [],
    };
    return { event, prisoner: row.case.prisoner, courtSlug: court?.slug ?? null, updated: row.updatedAt };
  });
}

async function extensionEvents(scope: EventScope, limit: number): Promise<PublicEvent[]> {
  const court = courtWhere(scope);
  const rows = await prisma.detentionExtension.findMany({
    where: {
      state: PUBLISHED,
      custodyPeriod: { state: PUBLISHED, prisoner: personWhere(scope) },
      ...(court ? { hearing: publicHearingWhere({ court }) } : {}),
    },
    orderBy: [{ orderedOn: "desc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true,
      orderedOn: true,
      until: true,
      custodyPeriod: { select: { updatedAt: true, prisoner: personSelect } },
      hearing: {
        select: { id: true, state: true, case: { select: { state: true } }, court: courtSelect },
      },
    },
  });
  return rows.map((row) => {
    const hearing = row.hearing;
    const hearingPublic = hearing !== null && hearing.state === PUBLISHED && hearing.case.state === PUBLISHED;
    const hearingCourt = hearingPublic ? publishedCourt(hearing.court) : null;
    return {
      event: extensionEvent(row, hearingPublic ? { id: hearing.id, court: hearingCourt } : null, []),
      prisoner: row.custodyPeriod.prisoner,
      courtSlug: hearingCourt?.slug ?? null,
      updated: row.custodyPeriod.updatedAt,
    };
  });
}

async function verdictEvents(scope: EventScope, limit: number): Promise<PublicEvent[]> {
  const court = courtWhere(scope);
  const caseWhere = { state: PUBLISHED, prisoner: personWhere(scope) } satisfies Prisma.CaseWhereInput;
  const caseSelect = { select: { title: true, updatedAt: true, prisoner: personSelect } };
  const [verdicts, appeals] = await Promise.all([
    prisma.verdict.findMany({
      where: { state: PUBLISHED, case: caseWhere, ...(court ? { court } : {}) },
      orderBy: [{ date: "desc" }, { id: "asc" }],
      take: limit,
      select: {
        id: true,
        date: true,
        datePrecision: true,
        outcome: true,
        sentenceKind: true,
        sentenceMonths: true,
        summary: true,
        court: courtSelect,
        case: caseSelect,
      },
    }),
    prisma.appeal.findMany({
      // An appeal is dated by its decision, else its filing; one with neither has no place in a dated feed.
      where: {
        state: PUBLISHED,
        verdict: { state: PUBLISHED, case: caseWhere },
        OR: [{ decidedDate: { not: null } }, { filedDate: { not: null } }],
        ...(court ? { court } : {}),
      },
      orderBy: [{ decidedDate: { sort: "desc", nulls: "last" } }, { filedDate: "desc" }, { id: "asc" }],
      take: limit,
      select: {
        id: true,
        verdictId: true,
        filedDate: true,
        decidedDate: true,
        result: true,
        newSentenceMonths: true,
        summary: true,
        court: courtSelect,
        verdict: { select: { date: true, datePrecision: true, case: caseSelect } },
      },
    }),
  ]);
  const events: PublicEvent[] = verdicts.map((row) => {
    const verdictCourt = publishedCourt(row.court);
    return {
      event: verdictEvent(row, { court: verdictCourt, caseTitle: row.case.title, sources: [] }),
      prisoner: row.case.prisoner,
      courtSlug: verdictCourt?.slug ?? null,
      updated: row.case.updatedAt,
    };
  });
  for (const row of appeals) {
    const appealCourt = publishedCourt(row.court);
    const verdictDate = partialDate(row.verdict.date, row.verdict.datePrecision);
    const event = appealEvent(row, { verdictId: row.verdictId, verdictDate, court: appealCourt, sources: [] });
    const criminalCase = row.verdict.case;
    events.push({ event, prisoner: criminalCase.prisoner, courtSlug: appealCourt?.slug ?? null, updated: criminalCase.updatedAt });
  }
  return events;
}

async function decreeEvents(scope: EventScope, limit: number): Promise<PublicEvent[]> {
  if (scope.courtSlug) return [];
  const rows = await prisma.decreeBeneficiary.findMany({
    where: { decree: { state: PUBLISHED }, prisoner: personWhere(scope) },
    orderBy: [{ decree: { signedDate: "desc" } }, { decreeId: "asc" }, { prisonerId: "asc" }],
    take: limit,
    select: {
      prisoner: { select: { slug: true, fullName: true, updatedAt: true } },
      decree: {
        select: { id: true, kind: true, title: true, number: true, signedDate: true, signedPrecision: true, signedBy: true, url: true },
      },
    },
  });
  return rows.map(({ prisoner, decree }) => ({
    event: decreeEvent(decree, []),
    prisoner: { slug: prisoner.slug, fullName: prisoner.fullName },
    courtSlug: null,
    // A decree row keeps no change time: the day it was signed stands for it.
    updated: decree.signedDate,
  }));
}

/** The timeline's order reversed (within a day too: the extension a hearing ordered comes before it). */
function newestFirst(a: PublicEvent, b: PublicEvent): number {
  return compareEvents(b.event, a.event) || a.prisoner.slug.localeCompare(b.prisoner.slug);
}

/**
 * The latest public events, newest first by the day they happened, at most `limit` (1-200).
 * Scoped to one person or one court by slug; an unknown, draft or archived slug gives an empty
 * list, as does a malformed one.
 */
export async function listPublicEvents(scope: EventScope = {}, limit = 50): Promise<PublicEvent[]> {
  const take = Math.max(1, Math.min(FEED_LIMIT_MAX, Math.trunc(limit)));
  for (const slug of [scope.prisonerSlug, scope.courtSlug]) {
    if (slug !== undefined && (slug.length > 120 || !SLUG.test(slug))) return [];
  }
  const groups = await Promise.all([
    custodyEvents(scope, take),
    hearingEvents(scope, take),
    extensionEvents(scope, take),
    verdictEvents(scope, take),
    decreeEvents(scope, take),
  ]);
  return groups.flat().sort(newestFirst).slice(0, take);
}

/** The published court with a slug, as the per-court feed titles it; null otherwise. */
export async function publicCourtName(slug: string): Promise<{ slug: string; name: string } | null> {
  if (slug.length > 120 || !SLUG.test(slug)) return null;
  return prisma.court.findFirst({ where: { slug, state: PUBLISHED }, select: { slug: true, name: true } });
}

/** The published person with a slug, as feeds title them; null otherwise. */
export async function publicPersonName(slug: string): Promise<PublicEventPerson | null> {
  if (slug.length > 120 || !SLUG.test(slug)) return null;
  return prisma.prisoner.findFirst({ where: { slug, state: PUBLISHED }, select: personSelect.select });
}

/**
 * Scheduled public hearings from `today` on, soonest first, for calendars; with the time their
 * record last changed (a calendar's SEQUENCE/LAST-MODIFIED).
 */
export async function listUpcomingHearings(
  scope: { prisonerSlug?: string } = {},
  today: IsoDay = todayUtc(),
  limit = 500,
): Promise<(PublicHearing & { updatedAt: Date })[]> {
  if (scope.prisonerSlug !== undefined && (scope.prisonerSlug.length > 120 || !SLUG.test(scope.prisonerSlug))) return [];
  const rows = await prisma.hearing.findMany({
    where: publicHearingWhere({
      status: "SCHEDULED",
      date: { gte: fromIsoDay(today) },
      ...(scope.prisonerSlug ? { case: { prisoner: { slug: scope.prisonerSlug } } } : {}),
    }),
    orderBy: [{ date: "asc" }, { timeOfDay: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: Math.max(1, Math.min(1000, limit)),
    select: { ...publicHearingSelect, updatedAt: true },
  });
  return rows.map((row) => ({ ...toPublicHearing(row), updatedAt: row.updatedAt }));
}
