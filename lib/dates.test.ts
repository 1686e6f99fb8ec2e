import { describe, expect, it } from "vitest";
import { formatPartialDate, formatUtcTimestamp, isValidIsoDay, lastDayOf, parsePartialDate } from "./dates";

describe("partial dates", () => {
  it("keeps the precision the source gives", () => {
    expect(parsePartialDate("2014-10-24")).toEqual({ date: "2014-10-24", precision: "DAY" });
    expect(parsePartialDate("2013-11")).toEqual({ date: "2013-11-01", precision: "MONTH" });
    expect(parsePartialDate("2014")).toEqual({ date: "2014-01-01", precision: "YEAR" });
  });

  it("refuses days that do not exist and other formats", () => {
    expect(parsePartialDate("2015-02-29")).toBeNull();
    expect(parsePartialDate("2014-13")).toBeNull();
    expect(parsePartialDate("24.10.2014")).toBeNull();
    expect(isValidIsoDay("2016-02-29")).toBe(true);
  });

  it("knows the last day a partial date can stand for", () => {
    expect(lastDayOf({ date: "2015-02-01", precision: "MONTH" })).toBe("2015-02-28");
    expect(lastDayOf({ date: "2014-01-01", precision: "YEAR" })).toBe("2014-12-31");
  });

  it("formats as people read dates, with bounds said aloud", () => {
    expect(formatPartialDate({ date: "2014-10-24", precision: "DAY" })).toBe("24 October 2014");
    expect(formatPartialDate({ date: "2014-10-01", precision: "MONTH" }, "ON_OR_BEFORE")).toBe("by October 2014");
  });

  it("writes an instant as a day and a time in UTC, whatever the server's zone", () => {
    expect(formatUtcTimestamp(new Date("2014-10-24T09:05:59Z"))).toBe("24 October 2014, 09:05 UTC");
    expect(formatUtcTimestamp(new Date("2014-10-24T23:30:00-02:00"))).toBe("25 October 2014, 01:30 UTC");
  });
});
