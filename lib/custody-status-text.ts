import type { CustodyStatus } from "./data/custody-status";
import { formatPartialDate, type PartialDate, type Qualifier } from "./dates";

const releaseReasons: Record<string, string> = {
  SENTENCE_SERVED: "sentence served",
  ACQUITTED: "acquitted",
  CHARGES_DROPPED: "charges dropped",
  PARDON: "pardon",
  AMNESTY: "amnesty",
  CONDITIONAL_RELEASE: "conditional release",
  MEASURE_CHANGED: "measure of restraint changed",
};

/** "since 24 October 2014", or for a bound, "in custody by 17 September 2014": no more than is known. */
function sinceText(since: PartialDate, qualifier: Qualifier): string {
  return qualifier === "ON_OR_BEFORE"
    ? `in custody ${formatPartialDate(since, qualifier)}`
    : `since ${formatPartialDate(since, qualifier)}`;
}

/** "on 24 October 2014", "in October 2014", "in 2014". */
function onText(day: PartialDate): string {
  return `${day.precision === "DAY" ? "on" : "in"} ${formatPartialDate(day)}`;
}

/**
 * One line saying where a person stands, in plain words: "Imprisoned since 24 October 2014",
 * "Imprisoned, in custody by 17 September 2014", "Released in October 2014 (pardon)".
 * A death in custody is never called a release.
 */
export function describeCustodyStatus(status: CustodyStatus): string {
  switch (status.state) {
    case "imprisoned":
      return status.sinceQualifier === "ON_OR_BEFORE"
        ? `Imprisoned, ${sinceText(status.since, status.sinceQualifier)}`
        : `Imprisoned ${sinceText(status.since, status.sinceQualifier)}`;
    case "house-arrest":
      return status.sinceQualifier === "ON_OR_BEFORE"
        ? `Under house arrest, ${sinceText(status.since, status.sinceQualifier)}`
        : `Under house arrest ${sinceText(status.since, status.sinceQualifier)}`;
    case "released": {
      if (status.reason === "DEATH_IN_CUSTODY") return `Died in custody ${onText(status.on)}`;
      const reason = releaseReasons[status.reason];
      return `Released ${onText(status.on)}${reason ? ` (${reason})` : ""}`;
    }
    case "no-custody-recorded":
      return "No custody recorded";
  }
}
