import "server-only";
import { prisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { todayUtc, toIsoDay, type IsoDay, type PartialDate, type Precision, type Qualifier } from "../dates";
import {
  assembleTimeline,
  eventAnchor,
  type CourtReference,
  type HearingEvent,
  type LawyerReference,
  type PlacementEvent,
  type SourceCitation,
  type TimelineEvent,
  type UpdateEvent,
} from "../timeline";
import { custodyStatusOf, custodyStatusOfAnyPerson, type CustodyStatus } from "./custody-status";
import { isUuid } from "./admin/engine";
import { publicMotionFields } from "./public-hearings";
import { appealEvent, custodyStartEvent, decreeEvent, extensionEvent, partialDate, releaseEvent, verdictEvent } from "./timeline-events";

/**
 * The public profile of one person: what the page at /prisoners/[slug] shows, and nothing more.
 *
 * Every query here selects its fields explicitly. A row is shown only when it is PUBLISHED and
 * so is the person (and, for a hearing's motions, the hearing; for charges and hearings, the
 * case). Names of courts, judges, facilities and lawyers appear only when those records are
 * published too. The private tables are never selected (not even joined):
 * see docs/decisions/0005-private-facts-in-separate-tables.md and profile.test.ts.
 */

const PUBLISHED = "PUBLISHED" as const;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const citationSelect = {
  where: { source: { state: PUBLISHED } },
  orderBy: { id: "asc" },
  select: {
    id: true,
    excerpt: true,
    locator: true,
    source: {
      select: {
        id: true,
        title: true,
        publisher: true,
        url: true,
        publishedDate: true,
        publishedPrecision: true,
        archivedCopy: true,
        createdAt: true,
      },
    },
  },
} satisfies Prisma.Prisoner$citationsArgs;

const courtSelect = { select: { name: true, city: true, state: true } } satisfies Prisma.CourtDefaultArgs;

const lawyerSelect = {
  select: { id: true, fullName: true, state: true, prisoner: { select: { slug: true, state: true } } },
} satisfies Prisma.LawyerDefaultArgs;

const profileSelect = {
  id: true,
  slug: true,
  fullName: true,
  biography: true,
  updatedAt: true,
  names: { orderBy: [{ kind: "asc" }, { value: "asc" }], select: { value: true, kind: true, script: true, language: true } },
  categories: { orderBy: { category: { name: "asc" } }, select: { category: { select: { slug: true, name: true } } } },
  affiliations: {
    orderBy: { organization: { name: "asc" } },
    select: {
      id: true,
      role: true,
      sinceDate: true,
      sincePrecision: true,
      organization: { select: { name: true, url: true } },
      citations: citationSelect,
    },
  },
  recognitions: {
    where: { state: PUBLISHED },
    orderBy: { organization: { name: "asc" } },
    select: {
      id: true,
      sinceDate: true,
      sincePrecision: true,
      url: true,
      organization: { select: { name: true, url: true } },
      citations: citationSelect,
    },
  },
  portrait: {
    select: {
      altText: true,
      width: true,
      height: true,
      credit: true,
      licence: true,
      state: true,
      createdAt: true,
    },
  },
  citations: citationSelect,
  cases: {
    where: { state: PUBLISHED },
    orderBy: [{ openedDate: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      title: true,
      caseNumber: true,
      prosecutingBody: true,
      summary: true,
      updatedAt: true,
      citations: citationSelect,
      charges: {
        where: { state: PUBLISHED },
        orderBy: [{ article: { article: "asc" } }, { description: "asc" }],
        select: {
          id: true,
          description: true,
          article: { select: { article: true, code: true, title: true } },
          citations: citationSelect,
        },
      },
      lawyers: {
        where: { lawyer: { state: PUBLISHED } },
        select: { sinceDate: true, sincePrecision: true, lawyer: lawyerSelect },
      },
      hearings: {
        where: { state: PUBLISHED },
        select: {
          id: true,
          date: true,
          datePrecision: true,
          timeOfDay: true,
          kind: true,
          status: true,
          outcome: true,
          updatedAt: true,
          court: courtSelect,
          judge: { select: { fullName: true, state: true } },
          lawyers: { where: { lawyer: { state: PUBLISHED } }, select: { lawyer: lawyerSelect } },
          motions: {
            where: { state: PUBLISHED },
            orderBy: { position: "asc" },
            select: {
              ...publicMotionFields,
              lawyer: lawyerSelect,
              citations: citationSelect,
            },
          },
          citations: citationSelect,
        },
      },
      verdicts: {
        where: { state: PUBLISHED },
        select: {
          id: true,
          date: true,
          datePrecision: true,
          outcome: true,
          sentenceKind: true,
          sentenceMonths: true,
          summary: true,
          court: courtSelect,
          citations: citationSelect,
          appeals: {
            where: { state: PUBLISHED },
            select: {
              id: true,
              filedDate: true,
              decidedDate: true,
              result: true,
              newSentenceMonths: true,
              summary: true,
              court: courtSelect,
              citations: citationSelect,
            },
          },
        },
      },
    },
  },
  custodyPeriods: {
    where: { state: PUBLISHED },
    orderBy: { startDate: "asc" },
    select: {
      id: true,
      kind: true,
      startDate: true,
      startPrecision: true,
      startQualifier: true,
      endDate: true,
      endPrecision: true,
      releaseReason: true,
      note: true,
      updatedAt: true,
      case: { select: { title: true, state: true } },
      releaseDecree: { select: { title: true, number: true, state: true } },
      citations: citationSelect,
      placements: {
        where: { state: PUBLISHED, facility: { state: PUBLISHED } },
        orderBy: { fromDate: "asc" },
        select: {
          id: true,
          fromDate: true,
          fromPrecision: true,
          fromQualifier: true,
          facility: { select: { name: true, city: true, postalAddress: true } },
          citations: citationSelect,
        },
      },
      extensions: {
        where: { state: PUBLISHED },
        select: {
          id: true,
          orderedOn: true,
          until: true,
          hearing: { select: { id: true, state: true, case: { select: { state: true } }, court: courtSelect } },
          citations: citationSelect,
        },
      },
    },
  },
  pardons: {
    where: { decree: { state: PUBLISHED } },
    select: {
      decree: {
        select: {
          id: true,
          kind: true,
          title: true,
          number: true,
          signedDate: true,
          signedPrecision: true,
          signedBy: true,
          url: true,
          citations: citationSelect,
        },
      },
    },
  },
  updates: {
    where: { update: { state: PUBLISHED } },
    select: {
      update: {
        select: {
          id: true,
          kind: true,
          title: true,
          body: true,
          date: true,
          datePrecision: true,
          location: true,
          updatedAt: true,
          citations: citationSelect,
        },
      },
    },
  },
  asLawyer: {
    select: {
      state: true,
      cases: {
        where: { case: { state: PUBLISHED, prisoner: { state: PUBLISHED } } },
        select: { case: { select: { prisoner: { select: { slug: true, fullName: true } } } } },
      },
    },
  },
} satisfies Prisma.PrisonerSelect;

type CitationRow = Prisma.CitationGetPayload<typeof citationSelect>;
type CourtRow = Prisma.CourtGetPayload<typeof courtSelect> | null;
type LawyerRow = Prisma.LawyerGetPayload<typeof lawyerSelect>;

export type NameForm = {
  value: string;
  kind: "TRANSLITERATION" | "NATIVE_SCRIPT" | "ALIAS";
  /** ISO 15924 script code, e.g. Latn, Cyrl. */
  script: string;
  /** BCP 47 language tag, e.g. az, ru; null when not recorded. */
  language: string | null;
};

export type PrisonerProfile = {
  id: string;
  slug: string;
  fullName: string;
  names: NameForm[];
  biography: string | null;
  /** Only a published portrait, with its credit and licence; otherwise nothing. */
  portrait: { src: string; altText: string | null; width: number; height: number; credit: string; licence: string } | null;
  status: CustodyStatus;
  categories: { slug: string; name: string }[];
  affiliations: {
    id: string;
    organization: string;
    organizationUrl: string | null;
    role: string | null;
    since: PartialDate | null;
    sources: SourceCitation[];
  }[];
  recognitions: {
    id: string;
    organization: string;
    url: string | null;
    since: PartialDate | null;
    sources: SourceCitation[];
  }[];
  cases: {
    id: string;
    title: string;
    caseNumber: string | null;
    prosecutingBody: string | null;
    summary: string | null;
    charges: {
      id: string;
      article: { number: string; code: string; title: string | null } | null;
      description: string | null;
      sources: SourceCitation[];
    }[];
    sources: SourceCitation[];
  }[];
  /** Where the person is held now: the latest placement of the custody period in force. */
  heldAt: {
    facility: { name: string; city: string | null; postalAddress: string | null };
    since: PartialDate;
    qualifier: Qualifier;
  } | null;
  lawyers: (LawyerReference & { since: PartialDate | null })[];
  /** When the person is also a lawyer: the published people they defend. */
  defends: { slug: string; fullName: string }[];
  /** Sources cited for the person's record itself. */
  sources: SourceCitation[];
  timeline: TimelineEvent[];
  /** The latest change to any public record shown on the profile. */
  lastUpdated: Date;
  /** The day the profile describes (UTC): status and "scheduled" hearings are as of this day. */
  asOf: IsoDay;
};

function optionalPartialDate(date: Date | null, precision: Precision | null): PartialDate | null {
  return date && precision ? partialDate(date, precision) : null;
}

function sourcesOf(citations: CitationRow[]): SourceCitation[] {
  return citations.map((citation) => ({
    id: citation.id,
    excerpt: citation.excerpt,
    locator: citation.locator,
    source: {
      id: citation.source.id,
      title: citation.source.title,
      publisher: citation.source.publisher,
      url: citation.source.url,
      published: optionalPartialDate(citation.source.publishedDate, citation.source.publishedPrecision),
      archivedCopy: citation.source.archivedCopy,
    },
  }));
}

function courtOf(court: CourtRow): CourtReference | null {
  return court && court.state === PUBLISHED ? { name: court.name, city: court.city } : null;
}

function lawyerOf(lawyer: LawyerRow | null): LawyerReference | null {
  if (!lawyer || lawyer.state !== PUBLISHED) return null;
  const profileSlug = lawyer.prisoner && lawyer.prisoner.state === PUBLISHED ? lawyer.prisoner.slug : null;
  return { id: lawyer.id, fullName: lawyer.fullName, profileSlug };
}

/** Where a portrait's image is served (app/prisoners/[slug]/portrait/route.ts). */
export function portraitPath(slug: string): string {
  return `/prisoners/${slug}/portrait`;
}

type ProfileRow = Prisma.PrisonerGetPayload<{ select: typeof profileSelect }>;

function timelineOf(row: ProfileRow): TimelineEvent[] {
  const custody: TimelineEvent[] = [];
  for (const period of row.custodyPeriods) {
    const sources = sourcesOf(period.citations);
    const caseTitle = period.case && period.case.state === PUBLISHED ? period.case.title : null;
    custody.push(custodyStartEvent(period, { caseTitle, note: period.note, sources }));
    period.placements.forEach((placement, index) => {
      const event: PlacementEvent = {
        type: "placement",
        id: placement.id,
        anchor: eventAnchor(placement.id),
        date: partialDate(placement.fromDate, placement.fromPrecision),
        qualifier: placement.fromQualifier,
        transfer: index > 0,
        facility: { name: placement.facility.name, city: placement.facility.city },
        sources: sourcesOf(placement.citations),
      };
      custody.push(event);
    });
    for (const extension of period.extensions) {
      const hearing = extension.hearing;
      const hearingPublic = hearing !== null && hearing.state === PUBLISHED && hearing.case.state === PUBLISHED;
      custody.push(
        extensionEvent(extension, hearingPublic ? { id: hearing.id, court: courtOf(hearing.court) } : null, sourcesOf(extension.citations)),
      );
    }
    const decree = period.releaseDecree;
    const release = releaseEvent(
      period,
      decree && decree.state === PUBLISHED ? { title: decree.title, number: decree.number } : null,
      sources,
    );
    if (release) custody.push(release);
  }

  const court: TimelineEvent[] = [];
  for (const criminalCase of row.cases) {
    for (const hearing of criminalCase.hearings) {
      const event: HearingEvent = {
        type: "hearing",
        id: hearing.id,
        anchor: eventAnchor(hearing.id),
        date: partialDate(hearing.date, hearing.datePrecision),
        qualifier: "EXACT",
        timeOfDay: hearing.timeOfDay,
        kind: hearing.kind,
        status: hearing.status,
        court: courtOf(hearing.court),
        judge: hearing.judge && hearing.judge.state === PUBLISHED ? hearing.judge.fullName : null,
        caseTitle: criminalCase.title,
        outcome: hearing.outcome,
        lawyers: hearing.lawyers.flatMap(({ lawyer }) => lawyerOf(lawyer) ?? []),
        motions: hearing.motions.map((motion) => ({
          id: motion.id,
          anchor: eventAnchor(motion.id),
          filedBy: motion.filedBy,
          lawyer: lawyerOf(motion.lawyer),
          kind: motion.kind,
          description: motion.description,
          ruling: motion.ruling,
          rulingNote: motion.rulingNote,
          sources: sourcesOf(motion.citations),
        })),
        sources: sourcesOf(hearing.citations),
      };
      court.push(event);
    }
    for (const verdict of criminalCase.verdicts) {
      const event = verdictEvent(verdict, {
        court: courtOf(verdict.court),
        caseTitle: criminalCase.title,
        sources: sourcesOf(verdict.citations),
      });
      court.push(event);
      for (const appeal of verdict.appeals) {
        court.push(
          appealEvent(appeal, {
            verdictId: verdict.id,
            verdictDate: event.date,
            court: courtOf(appeal.court),
            sources: sourcesOf(appeal.citations),
          }),
        );
      }
    }
  }

  const decrees = row.pardons.map(({ decree }) => decreeEvent(decree, sourcesOf(decree.citations)));

  const updates = row.updates.map(({ update }): UpdateEvent => ({
    type: "update",
    id: update.id,
    anchor: eventAnchor(update.id),
    date: partialDate(update.date, update.datePrecision),
    qualifier: "EXACT",
    updateKind: update.kind,
    title: update.title,
    body: update.body,
    location: update.location,
    sources: sourcesOf(update.citations),
  }));

  return assembleTimeline(custody, court, decrees, updates);
}

/** The custody period in force on the day, by the same rule as the status: the latest open one. */
function heldAtOf(row: ProfileRow, today: IsoDay): PrisonerProfile["heldAt"] {
  const inForce = row.custodyPeriods
    .filter((period) => toIsoDay(period.startDate) <= today && (!period.endDate || toIsoDay(period.endDate) > today))
    .at(-1);
  const placement = inForce?.placements.filter((candidate) => toIsoDay(candidate.fromDate) <= today).at(-1);
  if (!placement) return null;
  return {
    facility: placement.facility,
    since: partialDate(placement.fromDate, placement.fromPrecision),
    qualifier: placement.fromQualifier,
  };
}

function lawyersOf(row: ProfileRow): PrisonerProfile["lawyers"] {
  const byId = new Map<string, PrisonerProfile["lawyers"][number]>();
  for (const criminalCase of row.cases) {
    for (const link of criminalCase.lawyers) {
      const lawyer = lawyerOf(link.lawyer);
      if (lawyer && !byId.has(lawyer.id)) {
        byId.set(lawyer.id, { ...lawyer, since: optionalPartialDate(link.sinceDate, link.sincePrecision) });
      }
    }
  }
  return [...byId.values()].sort((a, b) => a.fullName.localeCompare(b.fullName));
}

function defendsOf(row: ProfileRow): PrisonerProfile["defends"] {
  if (!row.asLawyer || row.asLawyer.state !== PUBLISHED) return [];
  const bySlug = new Map(row.asLawyer.cases.map(({ case: defended }) => [defended.prisoner.slug, defended.prisoner]));
  bySlug.delete(row.slug);
  return [...bySlug.values()].sort((a, b) => a.fullName.localeCompare(b.fullName));
}

function lastUpdatedOf(row: ProfileRow): Date {
  const times: Date[] = [row.updatedAt];
  const cited = (citations: CitationRow[]) => citations.forEach((citation) => times.push(citation.source.createdAt));
  cited(row.citations);
  if (row.portrait && row.portrait.state === PUBLISHED) times.push(row.portrait.createdAt);
  row.affiliations.forEach((affiliation) => cited(affiliation.citations));
  row.recognitions.forEach((recognition) => cited(recognition.citations));
  for (const criminalCase of row.cases) {
    times.push(criminalCase.updatedAt);
    cited(criminalCase.citations);
    criminalCase.charges.forEach((charge) => cited(charge.citations));
    for (const hearing of criminalCase.hearings) {
      times.push(hearing.updatedAt);
      cited(hearing.citations);
      hearing.motions.forEach((motion) => cited(motion.citations));
    }
    for (const verdict of criminalCase.verdicts) {
      cited(verdict.citations);
      verdict.appeals.forEach((appeal) => cited(appeal.citations));
    }
  }
  for (const period of row.custodyPeriods) {
    times.push(period.updatedAt);
    cited(period.citations);
    period.placements.forEach((placement) => cited(placement.citations));
    period.extensions.forEach((extension) => cited(extension.citations));
  }
  row.pardons.forEach(({ decree }) => cited(decree.citations));
  for (const { update } of row.updates) {
    times.push(update.updatedAt);
    cited(update.citations);
  }
  return new Date(Math.max(...times.map((time) => time.getTime())));
}

/**
 * The public profile for a slug, or null when there is no published person with it (unknown,
 * draft or archived alike: the public cannot tell them apart).
 */
export async function publicProfileBySlug(slug: string, today: IsoDay = todayUtc()): Promise<PrisonerProfile | null> {
  if (slug.length > 120 || !SLUG.test(slug)) return null;
  const row = await prisma.prisoner.findFirst({ where: { slug, state: PUBLISHED }, select: profileSelect });
  if (!row) return null;
  const status = await custodyStatusOf(row.id, today);
  if (!status) return null;
  return profileOf(row, status, today);
}

/**
 * The admin's preview: the profile of a person who may still be a draft, exactly as the public
 * will see it once they are published. Everything else follows the public rules (only
 * published cases, hearings, sources…; never the private tables). Never for public output.
 */
export async function previewProfileById(id: string, today: IsoDay = todayUtc()): Promise<PrisonerProfile | null> {
  if (!isUuid(id)) return null;
  const row = await prisma.prisoner.findFirst({ where: { id, state: { in: ["DRAFT", PUBLISHED] } }, select: profileSelect });
  if (!row) return null;
  return profileOf(row, await custodyStatusOfAnyPerson(row.id, today), today);
}

function profileOf(row: ProfileRow, status: CustodyStatus, today: IsoDay): PrisonerProfile {
  return {
    id: row.id,
    slug: row.slug,
    fullName: row.fullName,
    names: row.names,
    biography: row.biography,
    portrait:
      row.portrait && row.portrait.state === PUBLISHED
        ? {
            src: portraitPath(row.slug),
            altText: row.portrait.altText,
            width: row.portrait.width,
            height: row.portrait.height,
            credit: row.portrait.credit,
            licence: row.portrait.licence,
          }
        : null,
    status,
    categories: row.categories.map(({ category }) => category),
    affiliations: row.affiliations.map((affiliation) => ({
      id: affiliation.id,
      organization: affiliation.organization.name,
      organizationUrl: affiliation.organization.url,
      role: affiliation.role,
      since: optionalPartialDate(affiliation.sinceDate, affiliation.sincePrecision),
      sources: sourcesOf(affiliation.citations),
    })),
    recognitions: row.recognitions.map((recognition) => ({
      id: recognition.id,
      organization: recognition.organization.name,
      url: recognition.url ?? recognition.organization.url,
      since: optionalPartialDate(recognition.sinceDate, recognition.sincePrecision),
      sources: sourcesOf(recognition.citations),
    })),
    cases: row.cases.map((criminalCase) => ({
      id: criminalCase.id,
      title: criminalCase.title,
      caseNumber: criminalCase.caseNumber,
      prosecutingBody: criminalCase.prosecutingBody,
      summary: criminalCase.summary,
      charges: criminalCase.charges.map((charge) => ({
        id: charge.id,
        article: charge.article
          ? { number: charge.article.article, code: charge.article.code, title: charge.article.title }
          : null,
        description: charge.description,
        sources: sourcesOf(charge.citations),
      })),
      sources: sourcesOf(criminalCase.citations),
    })),
    heldAt: status.state === "imprisoned" || status.state === "house-arrest" ? heldAtOf(row, today) : null,
    lawyers: lawyersOf(row),
    defends: defendsOf(row),
    sources: sourcesOf(row.citations),
    timeline: timelineOf(row),
    lastUpdated: lastUpdatedOf(row),
    asOf: today,
  };
}

export type ProfileSummary = { slug: string; fullName: string; status: CustodyStatus };

/** Name and status only, for link previews (OpenGraph image). Null exactly when the profile is. */
export async function publicProfileSummaryBySlug(
  slug: string,
  today: IsoDay = todayUtc(),
): Promise<ProfileSummary | null> {
  if (slug.length > 120 || !SLUG.test(slug)) return null;
  const row = await prisma.prisoner.findFirst({
    where: { slug, state: PUBLISHED },
    select: { id: true, slug: true, fullName: true },
  });
  if (!row) return null;
  const status = await custodyStatusOf(row.id, today);
  return status ? { slug: row.slug, fullName: row.fullName, status } : null;
}

/**
 * The stored file of the published portrait of a person who may still be a draft, for the
 * workspace's preview (the public image route serves published people only). Never public.
 */
export async function previewPortraitFileById(id: string): Promise<{ storageKey: string; mimeType: string } | null> {
  if (!isUuid(id)) return null;
  return prisma.portrait.findFirst({
    where: { state: PUBLISHED, prisoner: { id, state: { in: ["DRAFT", PUBLISHED] } } },
    select: { storageKey: true, mimeType: true },
  });
}

/** The stored file of a published person's published portrait, for the image route. */
export async function publicPortraitFileBySlug(
  slug: string,
): Promise<{ storageKey: string; mimeType: string } | null> {
  if (slug.length > 120 || !SLUG.test(slug)) return null;
  return prisma.portrait.findFirst({
    where: { state: PUBLISHED, prisoner: { slug, state: PUBLISHED } },
    select: { storageKey: true, mimeType: true },
  });
}
