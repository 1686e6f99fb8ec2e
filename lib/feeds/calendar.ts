import ical, { ICalCalendarMethod } from "ical-generator";
import type { PublicHearing } from "../data/public-hearings";
import { hearingKindLabel } from "../labels";

/**
 * An iCalendar (RFC 5545) feed of scheduled hearings, written by ical-generator (line folding,
 * escaping, CRLF). A hearing with a time is a floating local time: the record keeps the time on
 * the court's clock, not a time zone, and a calendar shows it at that wall-clock time. A hearing
 * known only to the day is an all-day event. One known only to the month or year has no place in
 * a calendar and is left out.
 */
export type CalendarHearing = PublicHearing & { updatedAt: Date };

export function hearingUid(base: URL, hearingId: string): string {
  return `hearing-${hearingId}@${base.hostname}`;
}

/**
 * ical-generator writes a floating DATE-TIME and an all-day DATE from a Date's UTC fields, so the
 * wall-clock time is given as a UTC instant: the same output whatever the server's time zone.
 */
function wallClock(day: string, time = "00:00"): Date {
  return new Date(`${day}T${time}:00Z`);
}

export function hearingsCalendar(options: { base: URL; name: string; description: string; hearings: CalendarHearing[] }): string {
  const calendar = ical({
    name: options.name,
    description: options.description,
    prodId: { company: "Habeas", product: "Hearings", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  for (const hearing of options.hearings) {
    if (hearing.date.precision !== "DAY") continue;
    const url = new URL(`/prisoners/${hearing.prisoner.slug}#event-${hearing.id}`, options.base).toString();
    const what = hearingKindLabel[hearing.kind];
    const description = [
      `${what} in the case of ${hearing.prisoner.name}.`,
      `Case: ${hearing.caseTitle}.`,
      hearing.judge ? `Judge: ${hearing.judge}.` : null,
      hearing.timeOfDay ? `Time: ${hearing.timeOfDay}, local time at the court.` : "Time not recorded.",
      url,
    ]
      .filter(Boolean)
      .join("\n");
    const common = {
      id: hearingUid(options.base, hearing.id),
      summary: `${hearing.prisoner.name}: ${what}`,
      description,
      location: hearing.court?.name ?? null,
      url,
      // The time this hearing's record last changed: DTSTAMP and LAST-MODIFIED stay put until it
      // changes, so a subscribed calendar sees an unchanged event as unchanged.
      stamp: hearing.updatedAt,
      lastModified: hearing.updatedAt,
    };
    if (hearing.timeOfDay) {
      calendar.createEvent({ ...common, start: wallClock(hearing.date.date, hearing.timeOfDay), floating: true });
    } else {
      calendar.createEvent({ ...common, start: wallClock(hearing.date.date), allDay: true });
    }
  }
  return calendar.toString();
}
