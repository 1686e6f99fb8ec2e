import { formatPartialDate, lastDayOf, type IsoDay, type PartialDate } from "./dates";
import type { CustodyStatus } from "./data/custody-status";
import type {
  AppealResult,
  CourtReference,
  HearingKind,
  HearingStatus,
  MotionParty,
  ReleaseReason,
  Ruling,
  SentenceKind,
  TimelineEvent,
  UpdateKind,
  VerdictOutcome,
} from "./timeline";

/**
 * How the public profile says things: plain English that never claims more precision or
 * certainty than the record holds. Pure, so that the wording is tested without a page.
 */

/** The value of a <time dateTime> for a partial date: "2014-10-24", "2014-10" or "2014". */
export function dateTimeAttribute(partial: PartialDate): string {
  if (partial.precision === "YEAR") return partial.date.slice(0, 4);
  if (partial.precision === "MONTH") return partial.date.slice(0, 7);
  return partial.date;
}

/** "on 24 October 2014", "in October 2014", "in 2014". */
export function onOrIn(partial: PartialDate): string {
  return `${partial.precision === "DAY" ? "on" : "in"} ${formatPartialDate(partial)}`;
}

export const releaseReasonLabel: Record<ReleaseReason, string> = {
  SENTENCE_SERVED: "sentence served",
  ACQUITTED: "acquitted",
  CHARGES_DROPPED: "charges dropped",
  PARDON: "pardon",
  AMNESTY: "amnesty",
  CONDITIONAL_RELEASE: "conditional release",
  MEASURE_CHANGED: "preventive measure changed",
  DEATH_IN_CUSTODY: "died in custody",
  OTHER: "other reason",
};

function isReleaseReason(reason: string): reason is ReleaseReason {
  return reason in releaseReasonLabel;
}

/**
 * The person's status as one sentence. A start the sources prove only as a bound reads
 * "In custody by 17 September 2014", never "since".
 */
export function statusSentence(status: CustodyStatus): string {
  switch (status.state) {
    case "imprisoned":
    case "house-arrest": {
      const what = status.state === "imprisoned" ? "In custody" : "Under house arrest";
      if (status.sinceQualifier === "ON_OR_BEFORE") return `${what} ${formatPartialDate(status.since, "ON_OR_BEFORE")}`;
      return `${what} since ${formatPartialDate(status.since, status.sinceQualifier)}`;
    }
    case "released": {
      if (status.reason === "DEATH_IN_CUSTODY") return `Died in custody ${onOrIn(status.on)}`;
      const reason = isReleaseReason(status.reason) ? releaseReasonLabel[status.reason] : releaseReasonLabel.OTHER;
      return `Released ${onOrIn(status.on)} (${reason})`;
    }
    case "no-custody-recorded":
      return "No custody recorded";
  }
}

export const hearingKindLabel: Record<HearingKind, string> = {
  PRE_TRIAL_DETENTION: "Pre-trial detention hearing",
  DETENTION_EXTENSION: "Detention extension hearing",
  PRELIMINARY: "Preliminary hearing",
  TRIAL_SESSION: "Trial session",
  VERDICT: "Verdict hearing",
  APPEAL: "Appeal hearing",
  CASSATION: "Cassation hearing",
  CIVIL_SUIT: "Civil suit hearing",
  OTHER: "Hearing",
};

/**
 * A hearing's status as of today. A hearing still marked scheduled after its date has passed
 * says that no outcome was recorded, rather than pretending it is still to come.
 */
export function hearingStatusText(status: HearingStatus, date: PartialDate, today: IsoDay): string {
  switch (status) {
    case "SCHEDULED":
      return lastDayOf(date) < today ? "scheduled; no outcome recorded" : "scheduled";
    case "HELD":
      return "held";
    case "POSTPONED":
      return "postponed";
    case "CANCELLED":
      return "cancelled";
  }
}

export const motionPartyLabel: Record<MotionParty, string> = {
  DEFENCE: "the defence",
  PROSECUTION: "the prosecution",
  INVESTIGATION: "the investigation",
  PLAINTIFF: "the plaintiff",
  COURT: "the court",
  OTHER: "another party",
};

export { motionKindLabel } from "./labels";

export const rulingLabel: Record<Ruling, string> = {
  GRANTED: "granted",
  PARTLY_GRANTED: "partly granted",
  DISMISSED: "dismissed",
  NOT_CONSIDERED: "not considered",
  POSTPONED: "postponed",
  PENDING: "no ruling recorded",
};

export const verdictOutcomeLabel: Record<VerdictOutcome, string> = {
  CONVICTED: "Convicted",
  ACQUITTED: "Acquitted",
  CASE_DISMISSED: "Case dismissed",
};

export const sentenceKindLabel: Record<SentenceKind, string> = {
  IMPRISONMENT: "imprisonment",
  SUSPENDED: "suspended sentence",
  RESTRICTION_OF_FREEDOM: "restriction of freedom",
  CORRECTIONAL_LABOUR: "correctional labour",
  FINE: "fine",
  OTHER: "other sentence",
};

export const appealResultLabel: Record<AppealResult, string> = {
  PENDING: "pending",
  UPHELD: "verdict upheld",
  REDUCED: "sentence reduced",
  OVERTURNED: "verdict overturned",
  RETURNED_FOR_RETRIAL: "returned for retrial",
};

export const updateKindLabel: Record<UpdateKind, string> = {
  DEMONSTRATION: "Demonstration",
  AWARD: "Award",
  APPEAL: "Appeal",
  PETITION: "Petition",
  STATEMENT: "Statement",
  OTHER: "Update",
};

export const nameKindLabel: Record<"TRANSLITERATION" | "NATIVE_SCRIPT" | "ALIAS", string> = {
  TRANSLITERATION: "transliteration",
  NATIVE_SCRIPT: "native script",
  ALIAS: "also written",
};

/** "7 years and 6 months", "1 year", "6 months". */
export function sentenceTerm(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts = [
    years > 0 ? `${years} ${years === 1 ? "year" : "years"}` : null,
    rest > 0 ? `${rest} ${rest === 1 ? "month" : "months"}` : null,
  ].filter(Boolean);
  return parts.join(" and ");
}

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

/** "Azerbaijani" for "az"; the tag itself when it is not a language the runtime knows. */
export function languageName(tag: string): string {
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A court as named in running text: with its city unless the name already says it. */
export function courtName(court: CourtReference | null): string | null {
  if (!court) return null;
  return court.city && !court.name.includes(court.city) ? `${court.name}, ${court.city}` : court.name;
}

/** The one-line title of a timeline event, as the profile, feeds and citations show it. */
export function eventTitle(event: TimelineEvent): string {
  switch (event.type) {
    case "custody-start":
      if (event.qualifier === "ON_OR_BEFORE") {
        return event.custodyKind === "DETENTION"
          ? "In custody (arrest date not recorded)"
          : "Under house arrest (start date not recorded)";
      }
      return event.custodyKind === "DETENTION" ? "Arrested" : "Placed under house arrest";
    case "placement":
      return `${event.transfer ? "Transferred to" : "Held at"} ${event.facility.name}`;
    case "hearing": {
      const court = courtName(event.court);
      return `${hearingKindLabel[event.kind]}${court ? ` at ${court}` : ""}`;
    }
    case "detention-extension":
      return `Detention extended until ${formatPartialDate({ date: event.until, precision: "DAY" })}`;
    case "verdict": {
      const court = courtName(event.court);
      return `Verdict: ${verdictOutcomeLabel[event.outcome].toLowerCase()}${court ? ` (${court})` : ""}`;
    }
    case "appeal":
      return `Appeal: ${appealResultLabel[event.result]}`;
    case "decree":
      return `${event.decreeKind === "PARDON" ? "Pardoned" : "Amnestied"}: ${event.title}${event.number ? ` No. ${event.number}` : ""}`;
    case "release":
      return event.reason === "DEATH_IN_CUSTODY"
        ? "Died in custody"
        : `${event.custodyKind === "DETENTION" ? "Released" : "House arrest ended"} (${releaseReasonLabel[event.reason]})`;
    case "update":
      return `${updateKindLabel[event.updateKind]}: ${event.title}`;
  }
}
