import "server-only";
import { toIsoDay, type PartialDate, type Precision, type Qualifier } from "../dates";
import type {
  AppealEvent,
  AppealResult,
  CourtReference,
  CustodyKind,
  CustodyStartEvent,
  DecreeEvent,
  DecreeKind,
  DetentionExtensionEvent,
  ReleaseEvent,
  ReleaseReason,
  SentenceKind,
  SourceCitation,
  VerdictEvent,
  VerdictOutcome,
} from "../timeline";
import { eventAnchor } from "../timeline";

/**
 * Timeline events from published rows, shared by the profile (lib/data/profile.ts) and the feeds
 * (lib/data/public-events.ts) so that one event reads the same everywhere. The caller has already
 * decided what is public: it passes a court, case title or decree only when those are published.
 */

export function partialDate(date: Date, precision: Precision): PartialDate {
  return { date: toIsoDay(date), precision };
}

type CustodyRow = {
  id: string;
  kind: CustodyKind;
  startDate: Date;
  startPrecision: Precision;
  startQualifier: Qualifier;
  endDate: Date | null;
  endPrecision: Precision | null;
  releaseReason: ReleaseReason | null;
};

export function custodyStartEvent(
  period: CustodyRow,
  details: { caseTitle: string | null; note: string | null; sources: SourceCitation[] },
): CustodyStartEvent {
  return {
    type: "custody-start",
    id: period.id,
    anchor: eventAnchor(period.id),
    date: partialDate(period.startDate, period.startPrecision),
    qualifier: period.startQualifier,
    custodyKind: period.kind,
    ...details,
  };
}

/** The end of a custody period, when it has one. */
export function releaseEvent(
  period: CustodyRow,
  decree: { title: string; number: string | null } | null,
  sources: SourceCitation[],
): ReleaseEvent | null {
  if (!period.endDate || !period.endPrecision || !period.releaseReason) return null;
  return {
    type: "release",
    id: period.id,
    anchor: eventAnchor(period.id, "release"),
    date: partialDate(period.endDate, period.endPrecision),
    qualifier: "EXACT",
    custodyKind: period.kind,
    reason: period.releaseReason,
    decree,
    sources,
  };
}

/** `hearing` is the public hearing that ordered it, with its court when published; else null. */
export function extensionEvent(
  extension: { id: string; orderedOn: Date; until: Date },
  hearing: { id: string; court: CourtReference | null } | null,
  sources: SourceCitation[],
): DetentionExtensionEvent {
  return {
    type: "detention-extension",
    id: extension.id,
    anchor: eventAnchor(extension.id),
    date: partialDate(extension.orderedOn, "DAY"),
    qualifier: "EXACT",
    until: toIsoDay(extension.until),
    court: hearing?.court ?? null,
    hearingAnchor: hearing ? eventAnchor(hearing.id) : null,
    sources,
  };
}

export function verdictEvent(
  verdict: {
    id: string;
    date: Date;
    datePrecision: Precision;
    outcome: VerdictOutcome;
    sentenceKind: SentenceKind | null;
    sentenceMonths: number | null;
    summary: string | null;
  },
  context: { court: CourtReference | null; caseTitle: string; sources: SourceCitation[] },
): VerdictEvent {
  return {
    type: "verdict",
    id: verdict.id,
    anchor: eventAnchor(verdict.id),
    date: partialDate(verdict.date, verdict.datePrecision),
    qualifier: "EXACT",
    outcome: verdict.outcome,
    sentenceKind: verdict.sentenceKind,
    sentenceMonths: verdict.sentenceMonths,
    summary: verdict.summary,
    ...context,
  };
}

/**
 * An appeal is dated by its decision, else its filing; one with neither is known only to come
 * after its verdict (`verdictDate`, "on or after").
 */
export function appealEvent(
  appeal: {
    id: string;
    filedDate: Date | null;
    decidedDate: Date | null;
    result: AppealResult;
    newSentenceMonths: number | null;
    summary: string | null;
  },
  context: { verdictId: string; verdictDate: PartialDate; court: CourtReference | null; sources: SourceCitation[] },
): AppealEvent {
  const known = appeal.decidedDate ?? appeal.filedDate;
  return {
    type: "appeal",
    id: appeal.id,
    anchor: eventAnchor(appeal.id),
    date: known ? partialDate(known, "DAY") : context.verdictDate,
    qualifier: known ? "EXACT" : "ON_OR_AFTER",
    court: context.court,
    filedOn: appeal.filedDate ? toIsoDay(appeal.filedDate) : null,
    decidedOn: appeal.decidedDate ? toIsoDay(appeal.decidedDate) : null,
    result: appeal.result,
    newSentenceMonths: appeal.newSentenceMonths,
    summary: appeal.summary,
    verdictAnchor: eventAnchor(context.verdictId),
    sources: context.sources,
  };
}

export function decreeEvent(
  decree: {
    id: string;
    kind: DecreeKind;
    title: string;
    number: string | null;
    signedDate: Date;
    signedPrecision: Precision;
    signedBy: string | null;
    url: string | null;
  },
  sources: SourceCitation[],
): DecreeEvent {
  return {
    type: "decree",
    id: decree.id,
    anchor: eventAnchor(decree.id),
    date: partialDate(decree.signedDate, decree.signedPrecision),
    qualifier: "EXACT",
    decreeKind: decree.kind,
    title: decree.title,
    number: decree.number,
    signedBy: decree.signedBy,
    url: decree.url,
    sources,
  };
}
