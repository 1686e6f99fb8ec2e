import { z } from "zod";
import {
  AppealResult,
  CourtKind,
  CustodyKind,
  DatePrecision,
  DateQualifier,
  DecreeKind,
  FacilityKind,
  HearingKind,
  HearingStatus,
  MotionKind,
  MotionParty,
  NameKind,
  ReleaseReason,
  Ruling,
  SentenceKind,
  UpdateKind,
  VerdictOutcome,
} from "../db/generated/enums";

/**
 * The shapes of every public API response, in zod. They serve twice: each route handler passes
 * its data through its schema's parse (zod objects keep only the keys they list, so a field
 * added to the data layer reaches no client until it is added here), and the OpenAPI document
 * is generated from them (lib/api/openapi.ts), so document and responses cannot drift apart.
 *
 * Every schema meant for the document is registered with an id; it becomes
 * #/components/schemas/<id>.
 */

export const apiRegistry = z.registry<{ id: string; description?: string }>();

function named<Schema extends z.ZodType>(id: string, schema: Schema, description?: string): Schema {
  apiRegistry.add(schema, description ? { id, description } : { id });
  return schema;
}

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).meta({ format: "date", examples: ["2014-10-24"] });
const instant = z.string().meta({ format: "date-time" });
const slug = z.string().meta({ examples: ["leyla-yunus"] });

export const partialDateSchema = named(
  "PartialDate",
  z.object({
    date: isoDay.meta({ description: "The day, or the first day of the month or year when only that is known." }),
    precision: z.enum(DatePrecision),
  }),
  "A date known to the day, the month or the year. Never more precise than the source.",
);

const qualifier = z.enum(DateQualifier);

export const custodyStatusSchema = named(
  "CustodyStatus",
  z.discriminatedUnion("state", [
    z.object({ state: z.literal("imprisoned"), since: partialDateSchema, sinceQualifier: qualifier }),
    z.object({ state: z.literal("house-arrest"), since: partialDateSchema, sinceQualifier: qualifier }),
    z.object({ state: z.literal("released"), on: partialDateSchema, reason: z.string() }),
    z.object({ state: z.literal("no-custody-recorded") }),
  ]),
  "Derived from the published custody events on the day asked for (today, UTC, by default): see the data dictionary at /data.",
);

const categorySchema = named("Category", z.object({ slug, name: z.string() }));
const linkSchema = named("Link", z.object({ slug, name: z.string() }), "A public record: its slug and name.");

export const problemSchema = named(
  "Problem",
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string().optional(),
    fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
  }),
  "RFC 9457 problem details; fieldErrors names every parameter refused and why.",
);

// Prisoners

export const prisonerSummarySchema = named(
  "PrisonerSummary",
  z.object({
    slug,
    fullName: z.string(),
    status: custodyStatusSchema,
    categories: z.array(categorySchema),
  }),
);

export const prisonerListSchema = named(
  "PrisonerList",
  z.object({
    data: z.array(prisonerSummarySchema),
    asOf: isoDay.meta({ description: "The day status is derived for (UTC)." }),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: "Pass as ?cursor= with the same parameters for the next page; null on the last page." }),
  }),
);

const citationSchema = named(
  "SourceCitation",
  z.object({
    id: z.string(),
    excerpt: z.string().nullable(),
    locator: z.string().nullable(),
    source: z.object({
      id: z.string(),
      title: z.string(),
      publisher: z.string().nullable(),
      url: z.string().nullable(),
      published: partialDateSchema.nullable(),
      archivedCopy: z.string().nullable(),
    }),
  }),
);
const sources = z.array(citationSchema);

const courtReference = z.object({ name: z.string(), city: z.string().nullable() }).nullable();
const lawyerReference = z.object({ id: z.string(), fullName: z.string(), profileSlug: z.string().nullable() });

const eventBase = {
  id: z.string(),
  anchor: z.string().meta({ description: "The event's element id on the profile page: link to it as #anchor." }),
  date: partialDateSchema,
  qualifier,
  sources,
};

/** What the public sees of any motion: who filed it, what, and the ruling. */
const motionFields = {
  id: z.string(),
  filedBy: z.enum(MotionParty),
  kind: z.enum(MotionKind),
  description: z.string().nullable(),
  ruling: z.enum(Ruling),
  rulingNote: z.string().nullable(),
};

const motionItem = z.object({ ...motionFields, anchor: z.string(), lawyer: lawyerReference.nullable(), sources });

export const timelineEventSchema = named(
  "TimelineEvent",
  z.discriminatedUnion("type", [
    z.object({
      ...eventBase,
      type: z.literal("custody-start"),
      custodyKind: z.enum(CustodyKind),
      caseTitle: z.string().nullable(),
      note: z.string().nullable(),
    }),
    z.object({
      ...eventBase,
      type: z.literal("placement"),
      transfer: z.boolean(),
      facility: z.object({ name: z.string(), city: z.string().nullable() }),
    }),
    z.object({
      ...eventBase,
      type: z.literal("hearing"),
      timeOfDay: z.string().nullable(),
      kind: z.enum(HearingKind),
      status: z.enum(HearingStatus),
      court: courtReference,
      judge: z.string().nullable(),
      caseTitle: z.string(),
      outcome: z.string().nullable(),
      lawyers: z.array(lawyerReference),
      motions: z.array(motionItem),
    }),
    z.object({
      ...eventBase,
      type: z.literal("detention-extension"),
      until: isoDay,
      court: courtReference,
      hearingAnchor: z.string().nullable(),
    }),
    z.object({
      ...eventBase,
      type: z.literal("verdict"),
      court: courtReference,
      caseTitle: z.string(),
      outcome: z.enum(VerdictOutcome),
      sentenceKind: z.enum(SentenceKind).nullable(),
      sentenceMonths: z.int().nullable(),
      summary: z.string().nullable(),
    }),
    z.object({
      ...eventBase,
      type: z.literal("appeal"),
      court: courtReference,
      filedOn: isoDay.nullable(),
      decidedOn: isoDay.nullable(),
      result: z.enum(AppealResult),
      newSentenceMonths: z.int().nullable(),
      summary: z.string().nullable(),
      verdictAnchor: z.string(),
    }),
    z.object({
      ...eventBase,
      type: z.literal("decree"),
      decreeKind: z.enum(DecreeKind),
      title: z.string(),
      number: z.string().nullable(),
      signedBy: z.string().nullable(),
      url: z.string().nullable(),
    }),
    z.object({
      ...eventBase,
      type: z.literal("release"),
      custodyKind: z.enum(CustodyKind),
      reason: z.enum(ReleaseReason),
      decree: z.object({ title: z.string(), number: z.string().nullable() }).nullable(),
    }),
    z.object({
      ...eventBase,
      type: z.literal("update"),
      updateKind: z.enum(UpdateKind),
      title: z.string(),
      body: z.string().nullable(),
      location: z.string().nullable(),
    }),
  ]),
  "One public, sourced event of a person's record, oldest first in the timeline.",
);

export const prisonerSchema = named(
  "Prisoner",
  z.object({
    slug,
    fullName: z.string(),
    names: z.array(
      z.object({
        value: z.string(),
        kind: z.enum(NameKind),
        script: z.string(),
        language: z.string().nullable(),
      }),
    ),
    biography: z.string().nullable(),
    portrait: z
      .object({
        src: z.string(),
        altText: z.string().nullable(),
        width: z.int(),
        height: z.int(),
        credit: z.string(),
        licence: z.string(),
      })
      .nullable(),
    status: custodyStatusSchema,
    categories: z.array(categorySchema),
    affiliations: z.array(
      z.object({
        id: z.string(),
        organization: z.string(),
        organizationUrl: z.string().nullable(),
        role: z.string().nullable(),
        since: partialDateSchema.nullable(),
        sources,
      }),
    ),
    recognitions: z.array(
      z.object({
        id: z.string(),
        organization: z.string(),
        url: z.string().nullable(),
        since: partialDateSchema.nullable(),
        sources,
      }),
    ),
    cases: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        caseNumber: z.string().nullable(),
        prosecutingBody: z.string().nullable(),
        summary: z.string().nullable(),
        charges: z.array(
          z.object({
            id: z.string(),
            article: z.object({ number: z.string(), code: z.string(), title: z.string().nullable() }).nullable(),
            description: z.string().nullable(),
            sources,
          }),
        ),
        sources,
      }),
    ),
    heldAt: z
      .object({
        facility: z.object({ name: z.string(), city: z.string().nullable(), postalAddress: z.string().nullable() }),
        since: partialDateSchema,
        qualifier,
      })
      .nullable(),
    lawyers: z.array(lawyerReference.extend({ since: partialDateSchema.nullable() })),
    defends: z.array(z.object({ slug, fullName: z.string() })),
    sources,
    timeline: z.array(timelineEventSchema),
    lastUpdated: instant,
    asOf: isoDay,
  }),
  "One published person's public record with the full public timeline.",
);

// Courts, lawyers, facilities

const motionSchema = z.object({ ...motionFields, lawyer: linkSchema.nullable() });

export const hearingSchema = named(
  "Hearing",
  z.object({
    id: z.string(),
    date: partialDateSchema,
    timeOfDay: z.string().nullable(),
    kind: z.enum(HearingKind),
    status: z.enum(HearingStatus),
    outcome: z.string().nullable(),
    prisoner: linkSchema,
    caseTitle: z.string(),
    court: linkSchema.nullable(),
    judge: z.string().nullable(),
    motions: z.array(motionSchema),
  }),
);

const rulingCounts = z.object(Object.fromEntries(Object.values(Ruling).map((ruling) => [ruling, z.int()])));

const courtFields = {
  slug,
  name: z.string(),
  aliases: z.array(z.string()),
  kind: z.enum(CourtKind),
  city: z.string().nullable(),
};

export const courtSummarySchema = named("CourtSummary", z.object({ ...courtFields, hearingCount: z.int() }));

export const courtSchema = named(
  "Court",
  z.object({
    ...courtFields,
    country: z.string().nullable(),
    hearings: z.array(hearingSchema),
    motionTally: z.object({
      rows: z.array(z.object({ filedBy: z.enum(MotionParty), byRuling: rulingCounts, total: z.int() })),
      totals: z.object({ byRuling: rulingCounts, total: z.int() }),
    }),
    judges: z.array(z.object({ id: z.string(), fullName: z.string(), hearingCount: z.int() })),
  }),
);

export const lawyerSummarySchema = named(
  "LawyerSummary",
  z.object({
    slug,
    fullName: z.string(),
    aliases: z.array(z.string()),
    clientCount: z.int(),
    prosecutedAs: linkSchema.nullable(),
  }),
);

export const lawyerSchema = named(
  "Lawyer",
  z.object({
    slug,
    fullName: z.string(),
    aliases: z.array(z.string()),
    prosecutedAs: linkSchema.nullable().meta({ description: "The lawyer's own profile, when they are prosecuted too." }),
    clients: z.array(
      z.object({
        prisoner: linkSchema,
        cases: z.array(z.object({ title: z.string(), caseNumber: z.string().nullable(), since: partialDateSchema.nullable() })),
      }),
    ),
    hearings: z.array(hearingSchema),
    motions: z.array(
      z.object({ ...motionFields, hearingDate: partialDateSchema, prisoner: linkSchema, court: linkSchema.nullable() }),
    ),
  }),
  "One published lawyer: the published people they defend, the public hearings they attended, the motions they filed.",
);

export const facilitySummarySchema = named(
  "FacilitySummary",
  z.object({
    slug,
    name: z.string(),
    kind: z.enum(FacilityKind),
    city: z.string().nullable(),
    heldCount: z.int().meta({ description: "People held here on the day asked for." }),
  }),
);

export const facilitySchema = named(
  "Facility",
  z.object({
    slug,
    name: z.string(),
    aliases: z.array(z.string()),
    kind: z.enum(FacilityKind),
    city: z.string().nullable(),
    country: z.string(),
    postalAddress: z.string().nullable().meta({ description: "For letters to people held here." }),
    on: isoDay,
    heldNow: z.array(z.object({ prisoner: linkSchema, since: partialDateSchema, sinceQualifier: qualifier })),
    heldBefore: z.array(
      z.object({
        prisoner: linkSchema,
        from: partialDateSchema,
        fromQualifier: qualifier,
        until: partialDateSchema,
        ended: z.enum(["transferred", "released"]),
      }),
    ),
  }),
  "One published place of detention: who is held there on the day asked for, and who was before.",
);

const list = <Item extends z.ZodType>(id: string, item: Item) => named(id, z.object({ data: z.array(item) }));
export const courtListSchema = list("CourtList", courtSummarySchema);
export const lawyerListSchema = list("LawyerList", lawyerSummarySchema);
export const facilityListSchema = named(
  "FacilityList",
  z.object({ data: z.array(facilitySummarySchema), on: isoDay }),
);

// The count and statistics

export const countSchema = named(
  "Count",
  z.object({
    count: z.int(),
    day: isoDay,
    computedAt: instant,
    lastRecordChange: instant.nullable(),
  }),
  "Published people with a custody period in detention on the day (not house arrest): see /data.",
);

const dailyCount = named("DailyCount", z.object({ day: isoDay, count: z.int() }));

export const imprisonedSeriesSchema = named(
  "ImprisonedSeries",
  z.object({ days: z.array(dailyCount), monthEnds: z.array(dailyCount), peak: dailyCount.nullable() }),
);

const slugCount = z.object({ slug, name: z.string(), count: z.int() });

export const byCategorySchema = named(
  "ImprisonedByCategory",
  z.object({ on: isoDay, total: z.int(), categories: z.array(slugCount), uncategorised: z.int() }),
);

export const byFacilitySchema = named(
  "ImprisonedByFacility",
  z.object({ on: isoDay, total: z.int(), facilities: z.array(slugCount), notRecorded: z.int() }),
);

export const movementsSchema = named(
  "Movements",
  z.object({
    months: z.array(z.object({ month: z.string().meta({ examples: ["2014-10"] }), arrests: z.int(), releases: z.int() })),
    unplaced: z.array(
      z.object({
        year: z.int(),
        arrestsKnownOnlyToYear: z.int(),
        releasesKnownOnlyToYear: z.int(),
        arrestsKnownOnlyAsBound: z.int(),
      }),
    ),
  }),
);
