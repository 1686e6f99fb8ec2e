import type { IsoDay, PartialDate, Qualifier } from "./dates";

/**
 * A person's case timeline: every public, typed event of their record in one list.
 * Pure: the data layer (lib/data/profile.ts) fills it from published rows only, and the page
 * renders it. Each event keeps the precision its date is known to and the sources behind it.
 */

export type SourceCitation = {
  /** The citation's id: one source supporting this one fact. */
  id: string;
  /** The passage of the source that supports the fact. */
  excerpt: string | null;
  /** Where in the source: page, paragraph, timestamp. */
  locator: string | null;
  source: {
    id: string;
    title: string;
    publisher: string | null;
    url: string | null;
    published: PartialDate | null;
    /** A durable copy: a web archive URL or the path of a file kept with the data set. */
    archivedCopy: string | null;
  };
};

/** A lawyer as the public may see them; a link when the lawyer has a published profile. */
export type LawyerReference = { id: string; fullName: string; profileSlug: string | null };

export type CourtReference = { name: string; city: string | null };

export type CustodyKind = "DETENTION" | "HOUSE_ARREST";
export type ReleaseReason =
  | "SENTENCE_SERVED"
  | "ACQUITTED"
  | "CHARGES_DROPPED"
  | "PARDON"
  | "AMNESTY"
  | "CONDITIONAL_RELEASE"
  | "MEASURE_CHANGED"
  | "DEATH_IN_CUSTODY"
  | "OTHER";
export type HearingKind =
  | "PRE_TRIAL_DETENTION"
  | "DETENTION_EXTENSION"
  | "PRELIMINARY"
  | "TRIAL_SESSION"
  | "VERDICT"
  | "APPEAL"
  | "CASSATION"
  | "CIVIL_SUIT"
  | "OTHER";
export type HearingStatus = "SCHEDULED" | "HELD" | "POSTPONED" | "CANCELLED";
export type MotionParty = "DEFENCE" | "PROSECUTION" | "INVESTIGATION" | "PLAINTIFF" | "COURT" | "OTHER";
export type MotionKind =
  | "EXTEND_DETENTION"
  | "HOUSE_ARREST"
  | "BAIL"
  | "HOUSE_ARREST_OR_BAIL"
  | "MEDICAL_EXAMINATION"
  | "RELEASE"
  | "RECUSAL"
  | "ADJOURNMENT"
  | "OTHER";
export type Ruling = "GRANTED" | "PARTLY_GRANTED" | "DISMISSED" | "NOT_CONSIDERED" | "POSTPONED" | "PENDING";
export type VerdictOutcome = "CONVICTED" | "ACQUITTED" | "CASE_DISMISSED";
export type SentenceKind =
  | "IMPRISONMENT"
  | "SUSPENDED"
  | "RESTRICTION_OF_FREEDOM"
  | "CORRECTIONAL_LABOUR"
  | "FINE"
  | "OTHER";
export type AppealResult = "PENDING" | "UPHELD" | "REDUCED" | "OVERTURNED" | "RETURNED_FOR_RETRIAL";
export type DecreeKind = "PARDON" | "AMNESTY";
export type UpdateKind = "DEMONSTRATION" | "AWARD" | "APPEAL" | "PETITION" | "STATEMENT" | "OTHER";

type EventBase = {
  /** The id of the record the event comes from. */
  id: string;
  /** The element id of the event on the profile: its permalink is #anchor. Stable across edits. */
  anchor: string;
  date: PartialDate;
  qualifier: Qualifier;
  sources: SourceCitation[];
};

/** The start of a custody period: an arrest, or the earliest date a source shows custody. */
export type CustodyStartEvent = EventBase & {
  type: "custody-start";
  custodyKind: CustodyKind;
  caseTitle: string | null;
  note: string | null;
};

/** Where the person is held from a date on: the first placement of a period, then transfers. */
export type PlacementEvent = EventBase & {
  type: "placement";
  transfer: boolean;
  facility: { name: string; city: string | null };
};

export type MotionItem = {
  id: string;
  anchor: string;
  filedBy: MotionParty;
  lawyer: LawyerReference | null;
  kind: MotionKind;
  description: string | null;
  ruling: Ruling;
  rulingNote: string | null;
  sources: SourceCitation[];
};

export type HearingEvent = EventBase & {
  type: "hearing";
  /** Local time at the court, "HH:MM", when known. */
  timeOfDay: string | null;
  kind: HearingKind;
  status: HearingStatus;
  court: CourtReference | null;
  judge: string | null;
  caseTitle: string;
  outcome: string | null;
  lawyers: LawyerReference[];
  motions: MotionItem[];
};

export type DetentionExtensionEvent = EventBase & {
  type: "detention-extension";
  until: IsoDay;
  court: CourtReference | null;
  /** The hearing that ordered it, when that hearing is public. */
  hearingAnchor: string | null;
};

export type VerdictEvent = EventBase & {
  type: "verdict";
  court: CourtReference | null;
  caseTitle: string;
  outcome: VerdictOutcome;
  sentenceKind: SentenceKind | null;
  sentenceMonths: number | null;
  summary: string | null;
};

export type AppealEvent = EventBase & {
  type: "appeal";
  court: CourtReference | null;
  filedOn: IsoDay | null;
  decidedOn: IsoDay | null;
  result: AppealResult;
  newSentenceMonths: number | null;
  summary: string | null;
  verdictAnchor: string;
};

export type DecreeEvent = EventBase & {
  type: "decree";
  decreeKind: DecreeKind;
  title: string;
  number: string | null;
  signedBy: string | null;
  url: string | null;
};

export type ReleaseEvent = EventBase & {
  type: "release";
  custodyKind: CustodyKind;
  reason: ReleaseReason;
  decree: { title: string; number: string | null } | null;
};

export type UpdateEvent = EventBase & {
  type: "update";
  updateKind: UpdateKind;
  title: string;
  body: string | null;
  location: string | null;
};

export type TimelineEvent =
  | CustodyStartEvent
  | PlacementEvent
  | HearingEvent
  | DetentionExtensionEvent
  | VerdictEvent
  | AppealEvent
  | DecreeEvent
  | ReleaseEvent
  | UpdateEvent;

/** The element id of an event or motion; a release shares its custody period's record id. */
export function eventAnchor(recordId: string, suffix?: "release"): string {
  return suffix ? `event-${recordId}-${suffix}` : `event-${recordId}`;
}

/**
 * Within one day, events follow the order in which the law makes them happen: a person is in
 * custody, then held somewhere, then heard; a hearing orders an extension; a decree releases.
 */
const ORDER_WITHIN_A_DAY: Record<TimelineEvent["type"], number> = {
  "custody-start": 0,
  placement: 1,
  hearing: 2,
  "detention-extension": 3,
  verdict: 4,
  appeal: 5,
  decree: 6,
  release: 7,
  update: 8,
};

function timeOf(event: TimelineEvent): string {
  return event.type === "hearing" && event.timeOfDay ? event.timeOfDay : "";
}

/**
 * Date order. A date known only to the month or year sorts at the first day of that period
 * (where it is stored), so "October 2014" comes before "24 October 2014": the imprecise event
 * opens the period it may fall in. Ties are broken by the order above, the hearing's time and
 * finally the anchor, so the same record always gives the same list.
 */
export function compareEvents(a: TimelineEvent, b: TimelineEvent): number {
  return (
    a.date.date.localeCompare(b.date.date) ||
    ORDER_WITHIN_A_DAY[a.type] - ORDER_WITHIN_A_DAY[b.type] ||
    timeOf(a).localeCompare(timeOf(b)) ||
    a.anchor.localeCompare(b.anchor)
  );
}

/** Merges the typed events of a record into one list in date order. */
export function assembleTimeline(...groups: TimelineEvent[][]): TimelineEvent[] {
  return groups.flat().sort(compareEvents);
}
