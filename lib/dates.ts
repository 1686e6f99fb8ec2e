/**
 * Calendar dates as the record knows them: a day, or only a month or a year, sometimes only a
 * bound ("on or before"). Stored as the first day of the known period plus its precision.
 * All calendar arithmetic is in UTC so that a date never shifts with the server's time zone.
 */
export type Precision = "DAY" | "MONTH" | "YEAR";
export type Qualifier = "EXACT" | "ON_OR_BEFORE" | "ON_OR_AFTER";

/** An ISO calendar day, "2014-10-24". */
export type IsoDay = string;

export type PartialDate = { date: IsoDay; precision: Precision };

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isValidIsoDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && toIsoDay(date) === value;
}

/** Parses "2014", "2014-10" or "2014-10-24" into the first day of that period and its precision. */
export function parsePartialDate(value: string): PartialDate | null {
  const match = PARTIAL.exec(value.trim());
  if (!match) return null;
  const [, year, month, day] = match;
  const precision: Precision = day ? "DAY" : month ? "MONTH" : "YEAR";
  const iso = `${year}-${month ?? "01"}-${day ?? "01"}`;
  return isValidIsoDay(iso) ? { date: iso, precision } : null;
}

export function toIsoDay(date: Date): IsoDay {
  return date.toISOString().slice(0, 10);
}

export function fromIsoDay(day: IsoDay): Date {
  if (!isValidIsoDay(day)) throw new RangeError(`not a calendar day: ${day}`);
  return new Date(`${day}T00:00:00Z`);
}

export function todayUtc(now: Date = new Date()): IsoDay {
  return toIsoDay(now);
}

export function addDays(day: IsoDay, days: number): IsoDay {
  const date = fromIsoDay(day);
  date.setUTCDate(date.getUTCDate() + days);
  return toIsoDay(date);
}

/** The last day a partial date can stand for: 2014-10 (MONTH) → 2014-10-31. */
export function lastDayOf(partial: PartialDate): IsoDay {
  const date = fromIsoDay(partial.date);
  if (partial.precision === "DAY") return partial.date;
  if (partial.precision === "MONTH") {
    return toIsoDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)));
  }
  return `${date.getUTCFullYear()}-12-31`;
}

/** The value of a <time dateTime> for a partial date: "2014-10-24", "2014-10" or "2014". */
export function dateTimeAttribute(partial: PartialDate): string {
  if (partial.precision === "YEAR") return partial.date.slice(0, 4);
  if (partial.precision === "MONTH") return partial.date.slice(0, 7);
  return partial.date;
}

/** The Intl locale that writes each site language's dates: en-GB gives "24 October 2014". */
const DATE_LOCALES: Record<string, string> = { en: "en-GB", az: "az", ru: "ru" };

/**
 * The grammatical form of a date: "standalone" as in a list, "genitive" after a preposition
 * such as "since". Only Russian tells them apart ("октябрь 2014 г." but "с октября 2014 г.").
 */
export type DateForm = "standalone" | "genitive";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const intlLocale = DATE_LOCALES[locale] ?? locale;
  const key = `${intlLocale}:${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(intlLocale, { ...options, timeZone: "UTC" });
    formatters.set(key, found);
  }
  return found;
}

/**
 * A partial date in a language, no more precise than it is known: "24 October 2014",
 * "October 2014", "2014"; "24 oktyabr 2014"; "24 октября 2014 г.". No qualifier: callers put
 * "by …" in their own words (see lib/i18n/wording.ts).
 */
export function formatCalendarDate(partial: PartialDate, locale = "en", form: DateForm = "standalone"): string {
  const date = fromIsoDay(partial.date);
  if (partial.precision === "YEAR") return String(date.getUTCFullYear());
  if (partial.precision === "DAY") return formatter(locale, { day: "numeric", month: "long", year: "numeric" }).format(date);
  if (form === "genitive" && locale === "ru") {
    // The month's genitive is the form Intl uses next to a day.
    const month = formatter(locale, { day: "numeric", month: "long" })
      .formatToParts(date)
      .find((part) => part.type === "month")?.value;
    if (month) return `${month} ${date.getUTCFullYear()} г.`;
  }
  return formatter(locale, { month: "long", year: "numeric" }).format(date);
}

/** "24 October 2014", "October 2014", "2014"; with a qualifier, "by 17 September 2014" (English). */
export function formatPartialDate(partial: PartialDate, qualifier: Qualifier = "EXACT"): string {
  const text = formatCalendarDate(partial, "en");
  if (qualifier === "ON_OR_BEFORE") return `by ${text}`;
  if (qualifier === "ON_OR_AFTER") return `${text} or later`;
  return text;
}

/** "09:05": hours and minutes in UTC, the same in every language. */
export function formatUtcTime(instant: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${pad(instant.getUTCHours())}:${pad(instant.getUTCMinutes())}`;
}

/** "24 October 2014, 09:05 UTC" (English; other languages word it through their catalogue). */
export function formatUtcTimestamp(instant: Date): string {
  return `${formatCalendarDate({ date: toIsoDay(instant), precision: "DAY" })}, ${formatUtcTime(instant)} UTC`;
}
