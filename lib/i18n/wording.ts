import { createTranslator } from "next-intl";
import { catalogues } from "@/i18n/catalogues";
import type { Locale } from "@/i18n/routing";
import type { CustodyStatus } from "../data/custody-status";
import {
  formatCalendarDate,
  formatUtcTime,
  lastDayOf,
  toIsoDay,
  type DateForm,
  type IsoDay,
  type PartialDate,
  type Qualifier,
} from "../dates";
import type { HearingStatus, ReleaseReason } from "../timeline";

/**
 * How the public site says things in each language: the sentences that are built from the
 * record (a person's status, a date that is only a bound, a sentence's term) over the message
 * catalogues in messages/. Pure, so the wording is tested without a page; server components
 * get it for the request's language from `getWording()` (lib/i18n/server.ts).
 */
export function wording(locale: Locale) {
  const t = createTranslator({ locale, messages: catalogues[locale] });

  /** A partial date with its qualifier: "24 October 2014", "by 17 September 2014". */
  function date(partial: PartialDate, qualifier: Qualifier = "EXACT", form: DateForm = "standalone"): string {
    if (qualifier === "ON_OR_BEFORE") return t("date.onOrBefore", { date: formatCalendarDate(partial, locale, "genitive") });
    const text = formatCalendarDate(partial, locale, form);
    if (qualifier === "ON_OR_AFTER") return t("date.onOrAfter", { date: text });
    return text;
  }

  /** The date of an instant, to the day: "24 October 2014". */
  function day(instant: Date | IsoDay): string {
    return formatCalendarDate({ date: typeof instant === "string" ? instant : toIsoDay(instant), precision: "DAY" }, locale);
  }

  /** "24 October 2014, 09:05 UTC". */
  function timestamp(instant: Date): string {
    return t("date.timestamp", { date: day(instant), time: formatUtcTime(instant) });
  }

  function releaseReason(reason: string): string {
    return reason in catalogues.en.enums.releaseReason
      ? t(`enums.releaseReason.${reason as ReleaseReason}`)
      : t("enums.releaseReason.OTHER");
  }

  /** Where the person stands, as one sentence; a start known only as a bound says "by". */
  function statusSentence(status: CustodyStatus, style: "status" | "directoryStatus" = "status"): string {
    switch (status.state) {
      case "imprisoned":
      case "house-arrest": {
        const what = status.state === "imprisoned" ? "imprisoned" : "houseArrest";
        const since = formatCalendarDate(status.since, locale, "genitive");
        if (status.sinceQualifier === "ON_OR_BEFORE") return t(`${style}.${what}By`, { date: since });
        if (status.sinceQualifier === "ON_OR_AFTER") return t(`${style}.${what}From`, { date: since });
        return t(`${style}.${what}Since`, { date: since });
      }
      case "released": {
        const values = { date: formatCalendarDate(status.on, locale), precision: status.on.precision };
        if (status.reason === "DEATH_IN_CUSTODY") return t("status.diedInCustody", values);
        // The directory's one line leaves out a reason that says nothing ("other reason").
        const known = status.reason in catalogues.en.enums.releaseReason && status.reason !== "OTHER";
        if (style === "directoryStatus" && !known) return t("status.releasedNoReason", values);
        return t("status.released", { ...values, reason: releaseReason(status.reason) });
      }
      case "no-custody-recorded":
        return t("status.noCustody");
    }
  }

  /** "7 years and 6 months", "1 year", "6 months". */
  function sentenceTerm(months: number): string {
    const years = Math.floor(months / 12);
    const rest = months % 12;
    if (years > 0 && rest > 0) {
      return t("timeline.yearsAndMonths", {
        years: t("timeline.years", { count: years }),
        months: t("timeline.months", { count: rest }),
      });
    }
    return years > 0 ? t("timeline.years", { count: years }) : t("timeline.months", { count: rest });
  }

  /**
   * A hearing's status as of today. A hearing still marked scheduled after its date has passed
   * says that no outcome was recorded, rather than pretending it is still to come.
   */
  function hearingStatus(status: HearingStatus, on: PartialDate, today: IsoDay): string {
    if (status === "SCHEDULED" && lastDayOf(on) < today) return t("enums.hearingStatus.OVERDUE");
    return t(`enums.hearingStatus.${status}`);
  }

  const languageNames = new Intl.DisplayNames([locale], { type: "language" });

  /** "Azerbaijani" for "az" (in the page's language); the tag itself when the runtime does not know it. */
  function languageName(tag: string): string {
    try {
      return languageNames.of(tag) ?? tag;
    } catch {
      return tag;
    }
  }

  return { locale, t, date, day, timestamp, statusSentence, releaseReason, sentenceTerm, hearingStatus, languageName };
}

export type Wording = ReturnType<typeof wording>;
