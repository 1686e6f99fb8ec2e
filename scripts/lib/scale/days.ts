import type { Precision } from "../../../lib/dates";

/**
 * Calendar days as integers (days since 1970-01-01, UTC): the generator does its date
 * arithmetic on numbers and formats them once, which keeps a million rows fast.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(iso: string): Day {
  const time = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(time)) throw new RangeError(`not a calendar day: ${iso}`);
  return Math.round(time / MS_PER_DAY);
}

const isoCache = new Map<Day, string>();

export function isoOf(day: Day): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

/** The first day of the period a precision keeps: the 1st of the month, or 1 January. */
export function truncate(day: Day, precision: Precision): Day {
  if (precision === "DAY") return day;
  const date = new Date(day * MS_PER_DAY);
  const month = precision === "MONTH" ? date.getUTCMonth() : 0;
  return Math.round(Date.UTC(date.getUTCFullYear(), month, 1) / MS_PER_DAY);
}

/** Whether a stored day is what its precision allows (rule_date_matches_precision). */
export function matchesPrecision(day: Day, precision: Precision): boolean {
  return truncate(day, precision) === day;
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}
