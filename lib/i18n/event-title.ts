import type { CourtReference, TimelineEvent } from "../timeline";
import { wording, type Wording } from "./wording";

/** A court as named in running text: with its city unless the name already says it. */
export function courtName(court: CourtReference | null): string | null {
  if (!court) return null;
  return court.city && !court.name.includes(court.city) ? `${court.name}, ${court.city}` : court.name;
}

/** A decree named with its number when it has one. */
export function decreeTitle(words: Wording, title: string, number: string | null): string {
  return number ? words.t("timeline.decreeNumber", { title, number }) : title;
}

/**
 * The one-line title of a timeline event in a language, as the profile, feeds, the change log
 * and citations show it (feeds and downloaded citations speak English: `wording("en")`).
 */
export function eventTitle(event: TimelineEvent, words: Wording): string {
  const { t } = words;
  switch (event.type) {
    case "custody-start":
      if (event.qualifier === "ON_OR_BEFORE") {
        return t(event.custodyKind === "DETENTION" ? "timeline.inCustodyUndated" : "timeline.houseArrestUndated");
      }
      return t(event.custodyKind === "DETENTION" ? "timeline.arrested" : "timeline.houseArrest");
    case "placement":
      return t(event.transfer ? "timeline.transferredTo" : "timeline.heldAt", { facility: event.facility.name });
    case "hearing": {
      const court = courtName(event.court);
      const hearing = t(`enums.hearingTitle.${event.kind}`);
      return court ? t("timeline.hearingAt", { hearing, court }) : hearing;
    }
    case "detention-extension":
      return t("timeline.detentionExtended", {
        date: words.date({ date: event.until, precision: "DAY" }, "EXACT", "genitive"),
      });
    case "verdict": {
      const court = courtName(event.court);
      const outcome = t(`enums.verdictOutcome.${event.outcome}`);
      return court ? t("timeline.verdictAt", { outcome, court }) : t("timeline.verdict", { outcome });
    }
    case "appeal":
      return t("timeline.appeal", { result: t(`enums.appealResult.${event.result}`) });
    case "decree":
      return t(event.decreeKind === "PARDON" ? "timeline.pardoned" : "timeline.amnestied", {
        title: decreeTitle(words, event.title, event.number),
      });
    case "release":
      if (event.reason === "DEATH_IN_CUSTODY") return t("timeline.diedInCustody");
      return t(event.custodyKind === "DETENTION" ? "timeline.released" : "timeline.houseArrestEnded", {
        reason: words.releaseReason(event.reason),
      });
    case "update":
      return t("timeline.update", { kind: t(`enums.updateKind.${event.updateKind}`), title: event.title });
  }
}

const english = wording("en");

/** An event's title in English, for feeds, calendars, the change log and citation files. */
export function englishEventTitle(event: TimelineEvent): string {
  return eventTitle(event, english);
}
