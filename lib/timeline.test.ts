import { describe, expect, it } from "vitest";
import type { PartialDate } from "./dates";
import { assembleTimeline, eventAnchor, type TimelineEvent } from "./timeline";

const on = (date: string, precision: PartialDate["precision"] = "DAY"): PartialDate => ({ date, precision });

function update(id: string, date: PartialDate): TimelineEvent {
  return { type: "update", id, anchor: eventAnchor(id), date, qualifier: "EXACT", sources: [], updateKind: "OTHER", title: id, body: null, location: null };
}

function hearing(id: string, date: PartialDate, timeOfDay: string | null = null): TimelineEvent {
  return {
    type: "hearing",
    id,
    anchor: eventAnchor(id),
    date,
    qualifier: "EXACT",
    sources: [],
    timeOfDay,
    kind: "OTHER",
    status: "HELD",
    court: null,
    judge: null,
    caseTitle: "case",
    outcome: null,
    lawyers: [],
    motions: [],
  };
}

function custodyStart(id: string, date: PartialDate): TimelineEvent {
  return { type: "custody-start", id, anchor: eventAnchor(id), date, qualifier: "ON_OR_BEFORE", sources: [], custodyKind: "DETENTION", caseTitle: null, note: null };
}

function release(id: string, date: PartialDate): TimelineEvent {
  return { type: "release", id, anchor: eventAnchor(id, "release"), date, qualifier: "EXACT", sources: [], custodyKind: "DETENTION", reason: "PARDON", decree: null };
}

function extension(id: string, date: PartialDate): TimelineEvent {
  return { type: "detention-extension", id, anchor: eventAnchor(id), date, qualifier: "EXACT", sources: [], until: "2015-02-08", court: null, hearingAnchor: null };
}

describe("the case timeline", () => {
  it("merges typed events from several groups into date order", () => {
    const timeline = assembleTimeline(
      [update("u1", on("2014-11-17")), update("u2", on("2014-10-03"))],
      [hearing("h1", on("2014-10-24"))],
      [custodyStart("c1", on("2014-09-17"))],
    );
    expect(timeline.map((event) => event.id)).toEqual(["c1", "u2", "h1", "u1"]);
  });

  it("puts an event known only to the month or year at the start of that period", () => {
    const timeline = assembleTimeline([
      hearing("day", on("2014-10-24")),
      update("month", on("2014-10-01", "MONTH")),
      update("year", on("2014-01-01", "YEAR")),
    ]);
    expect(timeline.map((event) => event.id)).toEqual(["year", "month", "day"]);
  });

  it("orders one day's events as the law makes them happen, then by the hearing's time", () => {
    const day = on("2014-10-24");
    const timeline = assembleTimeline([
      release("c1", day),
      extension("x1", day),
      hearing("afternoon", day, "15:00"),
      hearing("morning", day, "10:00"),
      custodyStart("c1", day),
    ]);
    expect(timeline.map((event) => event.anchor)).toEqual([
      "event-c1",
      "event-morning",
      "event-afternoon",
      "event-x1",
      "event-c1-release",
    ]);
  });

  it("gives the same order whatever order the records came in", () => {
    const events = [update("b", on("2014-10-24")), update("a", on("2014-10-24")), update("c", on("2014-10-24"))];
    expect(assembleTimeline(events).map((event) => event.id)).toEqual(["a", "b", "c"]);
    expect(assembleTimeline([...events].reverse()).map((event) => event.id)).toEqual(["a", "b", "c"]);
  });
});
