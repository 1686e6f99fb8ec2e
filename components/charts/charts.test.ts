import { describe, expect, it } from "vitest";
import { countTicks, fitLabel } from "./scale";
import { stepPath, timeTicks, type StepPoint } from "./step-chart";

/** Consecutive days from a first day, with the given counts. */
function days(first: string, counts: number[]): StepPoint[] {
  const start = new Date(`${first}T00:00:00Z`).getTime();
  return counts.map((count, index) => ({ day: new Date(start + index * 86_400_000).toISOString().slice(0, 10), count }));
}

describe("count axis", () => {
  it("steps by 1, 2 or 5 times a power of ten up to at least the highest count", () => {
    expect(countTicks(0)).toEqual([0, 1]);
    expect(countTicks(4)).toEqual([0, 1, 2, 3, 4]);
    expect(countTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(countTicks(38_374)).toEqual([0, 10_000, 20_000, 30_000, 40_000]);
  });
});

describe("labels", () => {
  it("are shortened with an ellipsis only when too long", () => {
    expect(fitLabel("Baku Detention Facility", 30)).toBe("Baku Detention Facility");
    expect(fitLabel("Pre-trial detention centre no. 1", 12)).toBe("Pre-trial d…");
  });
});

describe("step line", () => {
  const y = (count: number) => count * 10;

  it("holds each count until the day it changes", () => {
    const points = days("2014-10-01", [1, 1, 2, 2, 0]);
    expect(stepPath(points, (index) => index * 100, y)).toBe("M0,10 H200 V20 H400 V0 H400");
  });

  it("draws many changes within one column as one vertical span ending at the last count", () => {
    // Five days in the same half unit: up to 5, down to 0, ending at 3.
    const points = days("2014-10-01", [2, 5, 0, 4, 3, 3]);
    expect(stepPath(points, (index) => (index < 5 ? 10 + index * 0.01 : 50), y)).toBe("M10,20 V0 V50 V30 H50");
  });

  it("draws nothing for no days", () => {
    expect(stepPath([], (index) => index, y)).toBeNull();
  });
});

describe("time axis", () => {
  it("marks 1 January every few years over a long series", () => {
    const points = [
      { day: "2014-09-17", count: 0 },
      ...days("2014-09-18", Array.from({ length: 4454 }, () => 1)),
    ];
    expect(points.at(-1)?.day).toBe("2026-11-27");
    expect(timeTicks(points).map((tick) => tick.text)).toEqual(["2015", "2020", "2025"]);
    expect(timeTicks(points)[0].index).toBe(106);
  });

  it("marks months over a short series, with the year where it changes", () => {
    const points = days("2014-09-17", Array.from({ length: 166 }, () => 1));
    expect(points.at(-1)?.day).toBe("2015-03-01");
    expect(timeTicks(points).map((tick) => tick.text)).toEqual(["Oct 2014", "Dec", "Feb 2015"]);
  });
});
