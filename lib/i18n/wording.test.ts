import { describe, expect, it } from "vitest";
import { dateTimeAttribute } from "../dates";
import { wording } from "./wording";

const en = wording("en");
const az = wording("az");
const ru = wording("ru");

describe("status in words", () => {
  it("says a bound as a bound, and a known start as 'since'", () => {
    const bound = { state: "imprisoned", since: { date: "2014-09-17", precision: "DAY" }, sinceQualifier: "ON_OR_BEFORE" } as const;
    const known = { state: "imprisoned", since: { date: "2014-10-24", precision: "DAY" }, sinceQualifier: "EXACT" } as const;
    const month = { state: "house-arrest", since: { date: "2014-10-01", precision: "MONTH" }, sinceQualifier: "EXACT" } as const;
    expect(en.statusSentence(bound)).toBe("In custody by 17 September 2014");
    expect(en.statusSentence(known)).toBe("In custody since 24 October 2014");
    expect(en.statusSentence(month)).toBe("Under house arrest since October 2014");
    expect(az.statusSentence(bound)).toBe("Ən geci 17 sentyabr 2014 tarixindən həbsdə");
    expect(az.statusSentence(known)).toBe("24 oktyabr 2014 tarixindən həbsdə");
    expect(ru.statusSentence(bound)).toBe("Под стражей не позднее чем с 17 сентября 2014 г.");
    // After "с" Russian puts the month in the genitive: "с октября", never "с октябрь".
    expect(ru.statusSentence(month)).toBe("Под домашним арестом с октября 2014 г.");
  });

  it("says when and why a person was released, to the precision known", () => {
    const pardon = { state: "released", on: { date: "2014-10-01", precision: "MONTH" }, reason: "PARDON" } as const;
    const died = { state: "released", on: { date: "2016-05-02", precision: "DAY" }, reason: "DEATH_IN_CUSTODY" } as const;
    expect(en.statusSentence(pardon)).toBe("Released in October 2014 (pardon)");
    expect(en.statusSentence({ ...pardon, on: { date: "2015-03-17", precision: "DAY" }, reason: "AMNESTY" })).toBe(
      "Released on 17 March 2015 (amnesty)",
    );
    expect(en.statusSentence(died)).toBe("Died in custody on 2 May 2016");
    expect(ru.statusSentence(pardon)).toBe("Освобождение: октябрь 2014 г. (помилование)");
    expect(az.statusSentence(died)).toBe("Həbsdə vəfat edib: 2 may 2016");
    expect(en.statusSentence({ state: "no-custody-recorded" })).toBe("No custody recorded");
    expect(ru.statusSentence({ state: "no-custody-recorded" })).toBe("Заключение не записано");
  });

  it("gives the directory's shorter line, leaving out a reason that says nothing", () => {
    const bound = { state: "imprisoned", since: { date: "2014-09-17", precision: "DAY" }, sinceQualifier: "ON_OR_BEFORE" } as const;
    expect(en.statusSentence(bound, "directoryStatus")).toBe("Imprisoned, in custody by 17 September 2014");
    expect(
      en.statusSentence({ state: "released", on: { date: "2016-03-17", precision: "DAY" }, reason: "OTHER" }, "directoryStatus"),
    ).toBe("Released on 17 March 2016");
    expect(
      en.statusSentence({ state: "released", on: { date: "2016-03-17", precision: "DAY" }, reason: "OTHER" }),
    ).toBe("Released on 17 March 2016 (other reason)");
  });
});

describe("dates, terms and hearings in words", () => {
  it("writes a date no more precisely than it is known, in each language", () => {
    expect(en.date({ date: "2014-10-24", precision: "DAY" })).toBe("24 October 2014");
    expect(en.date({ date: "2014-10-01", precision: "MONTH" }, "ON_OR_BEFORE")).toBe("by October 2014");
    expect(en.date({ date: "2014-01-01", precision: "YEAR" }, "ON_OR_AFTER")).toBe("2014 or later");
    expect(az.date({ date: "2014-10-24", precision: "DAY" })).toBe("24 oktyabr 2014");
    expect(ru.date({ date: "2014-10-01", precision: "MONTH" })).toBe("октябрь 2014 г.");
    expect(ru.date({ date: "2014-10-01", precision: "MONTH" }, "ON_OR_BEFORE")).toBe("не позднее октября 2014 г.");
    expect(en.timestamp(new Date("2014-10-24T09:05:00Z"))).toBe("24 October 2014, 09:05 UTC");
    expect(dateTimeAttribute({ date: "2014-10-01", precision: "MONTH" })).toBe("2014-10");
  });

  it("writes sentence terms with each language's plural forms", () => {
    expect(en.sentenceTerm(90)).toBe("7 years and 6 months");
    expect(en.sentenceTerm(12)).toBe("1 year");
    expect(en.sentenceTerm(1)).toBe("1 month");
    expect(ru.sentenceTerm(90)).toBe("7 лет и 6 месяцев");
    expect(ru.sentenceTerm(26)).toBe("2 года и 2 месяца");
    expect(ru.sentenceTerm(12 * 21 + 1)).toBe("21 год и 1 месяц");
    expect(az.sentenceTerm(90)).toBe("7 il 6 ay");
  });

  it("does not call a past hearing with no recorded outcome 'scheduled' alone", () => {
    const date = { date: "2014-10-08", precision: "DAY" } as const;
    expect(en.hearingStatus("SCHEDULED", date, "2014-10-09")).toBe("Scheduled; no outcome recorded");
    expect(en.hearingStatus("SCHEDULED", date, "2014-10-08")).toBe("Scheduled");
    expect(az.hearingStatus("HELD", date, "2026-01-01")).toBe("Keçirilib");
  });

  it("names languages in the page's language", () => {
    expect(en.languageName("az")).toBe("Azerbaijani");
    expect(ru.languageName("az")).toBe("азербайджанский");
    expect(en.languageName("not a tag")).toBe("not a tag");
  });
});
