import { describe, expect, it } from "vitest";
import { dateTimeAttribute, hearingStatusText, languageName, sentenceTerm, statusSentence } from "./profile-wording";

describe("profile wording", () => {
  it("says a bound as a bound, and a known start as 'since'", () => {
    expect(
      statusSentence({ state: "imprisoned", since: { date: "2014-09-17", precision: "DAY" }, sinceQualifier: "ON_OR_BEFORE" }),
    ).toBe("In custody by 17 September 2014");
    expect(
      statusSentence({ state: "imprisoned", since: { date: "2014-10-24", precision: "DAY" }, sinceQualifier: "EXACT" }),
    ).toBe("In custody since 24 October 2014");
    expect(
      statusSentence({ state: "house-arrest", since: { date: "2014-10-01", precision: "MONTH" }, sinceQualifier: "EXACT" }),
    ).toBe("Under house arrest since October 2014");
  });

  it("says when and why a person was released, to the precision known", () => {
    expect(statusSentence({ state: "released", on: { date: "2014-10-01", precision: "MONTH" }, reason: "PARDON" })).toBe(
      "Released in October 2014 (pardon)",
    );
    expect(statusSentence({ state: "released", on: { date: "2015-03-17", precision: "DAY" }, reason: "AMNESTY" })).toBe(
      "Released on 17 March 2015 (amnesty)",
    );
    expect(
      statusSentence({ state: "released", on: { date: "2016-05-02", precision: "DAY" }, reason: "DEATH_IN_CUSTODY" }),
    ).toBe("Died in custody on 2 May 2016");
    expect(statusSentence({ state: "no-custody-recorded" })).toBe("No custody recorded");
  });

  it("does not call a past hearing with no recorded outcome 'scheduled' alone", () => {
    const date = { date: "2014-10-08", precision: "DAY" } as const;
    expect(hearingStatusText("SCHEDULED", date, "2014-10-09")).toBe("scheduled; no outcome recorded");
    expect(hearingStatusText("SCHEDULED", date, "2014-10-08")).toBe("scheduled");
    expect(hearingStatusText("SCHEDULED", { date: "2014-10-01", precision: "MONTH" }, "2014-10-20")).toBe("scheduled");
    expect(hearingStatusText("HELD", date, "2026-01-01")).toBe("held");
  });

  it("writes machine-readable dates to the precision known", () => {
    expect(dateTimeAttribute({ date: "2014-10-24", precision: "DAY" })).toBe("2014-10-24");
    expect(dateTimeAttribute({ date: "2014-10-01", precision: "MONTH" })).toBe("2014-10");
    expect(dateTimeAttribute({ date: "2014-01-01", precision: "YEAR" })).toBe("2014");
  });

  it("writes sentence terms and language names as people read them", () => {
    expect(sentenceTerm(90)).toBe("7 years and 6 months");
    expect(sentenceTerm(12)).toBe("1 year");
    expect(sentenceTerm(1)).toBe("1 month");
    expect(languageName("az")).toBe("Azerbaijani");
    expect(languageName("ru")).toBe("Russian");
  });
});
