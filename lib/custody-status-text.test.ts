import { describe, expect, it } from "vitest";
import { describeCustodyStatus } from "./custody-status-text";

describe("custody status in words", () => {
  it("says since when a person is held, and only 'by' a date when that is all the source proves", () => {
    expect(
      describeCustodyStatus({ state: "imprisoned", since: { date: "2014-10-24", precision: "DAY" }, sinceQualifier: "EXACT" }),
    ).toBe("Imprisoned since 24 October 2014");
    expect(
      describeCustodyStatus({ state: "imprisoned", since: { date: "2014-09-17", precision: "DAY" }, sinceQualifier: "ON_OR_BEFORE" }),
    ).toBe("Imprisoned, in custody by 17 September 2014");
    expect(
      describeCustodyStatus({ state: "house-arrest", since: { date: "2014-01-01", precision: "YEAR" }, sinceQualifier: "EXACT" }),
    ).toBe("Under house arrest since 2014");
  });

  it("dates a release as precisely as it is known, with its reason", () => {
    expect(describeCustodyStatus({ state: "released", on: { date: "2014-10-01", precision: "MONTH" }, reason: "PARDON" })).toBe(
      "Released in October 2014 (pardon)",
    );
    expect(describeCustodyStatus({ state: "released", on: { date: "2016-03-17", precision: "DAY" }, reason: "OTHER" })).toBe(
      "Released on 17 March 2016",
    );
  });

  it("never calls a death in custody a release", () => {
    expect(
      describeCustodyStatus({ state: "released", on: { date: "2015-05-05", precision: "DAY" }, reason: "DEATH_IN_CUSTODY" }),
    ).toBe("Died in custody on 5 May 2015");
  });

  it("says when no custody is recorded", () => {
    expect(describeCustodyStatus({ state: "no-custody-recorded" })).toBe("No custody recorded");
  });
});
