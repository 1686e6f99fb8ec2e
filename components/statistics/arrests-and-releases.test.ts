import { describe, expect, it } from "vitest";
import type { Movements } from "@/lib/data/statistics";
import { defaultYear, yearsWithMovements } from "./arrests-and-releases";

const unplaced = (year: number) => ({ year, arrestsKnownOnlyToYear: 0, releasesKnownOnlyToYear: 0, arrestsKnownOnlyAsBound: 1 });

describe("the year of arrests and releases shown", () => {
  const movements: Movements = {
    months: [
      { month: "2012-05", arrests: 1, releases: 0 },
      { month: "2014-10", arrests: 0, releases: 4 },
    ],
    unplaced: [unplaced(2013), unplaced(2016)],
  };

  it("offers every year with a movement, placed in a month or not", () => {
    expect(yearsWithMovements(movements)).toEqual([2012, 2013, 2014, 2016]);
  });

  it("is by default the latest year with a movement placed in a month", () => {
    expect(defaultYear(movements, 2026)).toBe(2014);
    expect(defaultYear({ months: [], unplaced: [unplaced(2013), unplaced(2016)] }, 2026)).toBe(2016);
    expect(defaultYear({ months: [], unplaced: [] }, 2026)).toBe(2026);
  });
});
