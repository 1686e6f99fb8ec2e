import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { disconnect, prisma } from "../db/client";
import { fromIsoDay, todayUtc } from "../dates";
import { listImprisoned } from "./custody-status";
import { listDirectoryChoices, searchDirectory } from "./directory";
import { RuleViolation } from "./errors";

/**
 * The directory against a real database. Files share one database, so every test makes its own
 * people, named with a token of its own, and searches for that token to see only them.
 */

afterAll(async () => {
  await disconnect();
});

type State = "DRAFT" | "PUBLISHED" | "ARCHIVED";
type Precision = "DAY" | "MONTH" | "YEAR";

type CustodyInput = {
  start: string;
  precision?: Precision;
  qualifier?: "EXACT" | "ON_OR_BEFORE";
  end?: string;
  endPrecision?: Precision;
  reason?: "PARDON" | "SENTENCE_SERVED" | "DEATH_IN_CUSTODY";
  kind?: "DETENTION" | "HOUSE_ARREST";
  state?: State;
  placements?: { facilityId: string; from: string; state?: State }[];
};

function newToken(): string {
  return `zz${randomBytes(4).toString("hex")}`;
}

let serial = 0;

async function person(data: {
  fullName: string;
  state?: State;
  gender?: "FEMALE" | "MALE" | "OTHER" | "UNSPECIFIED";
  names?: { value: string; kind?: "TRANSLITERATION" | "NATIVE_SCRIPT" | "ALIAS"; script?: string }[];
  categoryIds?: string[];
  custody?: CustodyInput[];
  privateNotes?: string;
}): Promise<{ id: string; fullName: string }> {
  serial += 1;
  const row = await prisma.prisoner.create({
    data: {
      slug: `directory-test-${randomBytes(6).toString("hex")}-${serial}`,
      fullName: data.fullName,
      state: data.state ?? "PUBLISHED",
      gender: data.gender ?? "UNSPECIFIED",
      names: data.names
        ? { create: data.names.map((name) => ({ value: name.value, kind: name.kind ?? "ALIAS", script: name.script ?? "Latn" })) }
        : undefined,
      categories: data.categoryIds ? { create: data.categoryIds.map((categoryId) => ({ categoryId })) } : undefined,
      privateRecord: data.privateNotes ? { create: { internalNotes: data.privateNotes } } : undefined,
    },
    select: { id: true, fullName: true },
  });
  for (const period of data.custody ?? []) {
    await prisma.custodyPeriod.create({
      data: {
        prisonerId: row.id,
        kind: period.kind ?? "DETENTION",
        startDate: fromIsoDay(period.start),
        startPrecision: period.precision ?? "DAY",
        startQualifier: period.qualifier ?? "EXACT",
        endDate: period.end ? fromIsoDay(period.end) : undefined,
        endPrecision: period.end ? (period.endPrecision ?? "DAY") : undefined,
        releaseReason: period.end ? (period.reason ?? "SENTENCE_SERVED") : undefined,
        state: period.state ?? "PUBLISHED",
        placements: period.placements
          ? {
              create: period.placements.map((placement) => ({
                facilityId: placement.facilityId,
                fromDate: fromIsoDay(placement.from),
                state: placement.state ?? "PUBLISHED",
              })),
            }
          : undefined,
      },
    });
  }
  return row;
}

async function caseOf(prisonerId: string, state: State = "PUBLISHED") {
  return prisma.case.create({ data: { prisonerId, title: "Test case", state }, select: { id: true } });
}

/** Names found, in the order the directory gives them. */
async function names(params: Parameters<typeof searchDirectory>[0], on?: string): Promise<string[]> {
  const result = await searchDirectory(params, on);
  return result.entries.map((entry) => entry.fullName);
}

describe("directory search by name", () => {
  it("finds a person by any recorded name form, whatever the case, diacritics or script", async () => {
    const token = newToken();
    await person({
      fullName: `Khadija Ismayilova ${token}`,
      names: [
        { value: "Xədicə İsmayılova", kind: "NATIVE_SCRIPT" },
        { value: "Хадиджа Исмаилова", kind: "TRANSLITERATION", script: "Cyrl" },
      ],
    });
    await person({ fullName: `Leyla Yunus ${token}` });

    const expected = [`Khadija Ismayilova ${token}`];
    for (const query of ["ismayilova", "ISMAYILOVA", "İsmayılova", "Исмаилова", "исмаилова", "xedice", "Xədicə", "smayil"]) {
      expect(await names({ q: `${query} ${token}` }), query).toEqual(expected);
    }
    expect(await names({ q: `${token.toUpperCase()}   khadija` })).toEqual(expected);
    expect(await names({ q: `ismayilovx ${token}` })).toEqual([]);
    expect(await names({ q: token })).toEqual([`Khadija Ismayilova ${token}`, `Leyla Yunus ${token}`]);
  });

  it("treats %, _ and \\ in a query as themselves, not as patterns", async () => {
    const token = newToken();
    await person({ fullName: `Percent ${token} 50%off` });
    await person({ fullName: `Percent ${token} 50 off` });
    await person({ fullName: `Under ${token} a_b` });
    await person({ fullName: `Under ${token} axb` });
    await person({ fullName: `Slash ${token} c\\d` });
    await person({ fullName: `Slash ${token} cd` });

    expect(await names({ q: `${token} 50%off` })).toEqual([`Percent ${token} 50%off`]);
    expect(await names({ q: `${token} a_b` })).toEqual([`Under ${token} a_b`]);
    expect(await names({ q: `${token} c\\d` })).toEqual([`Slash ${token} c\\d`]);
    expect(await names({ q: `${token} %` })).toEqual([`Percent ${token} 50%off`]);
    expect(await names({ q: `${token} _` })).toEqual([`Under ${token} a_b`]);
  });

  it("never returns drafts or archived profiles, and never matches private notes", async () => {
    const token = newToken();
    await person({ fullName: `Published ${token}`, privateNotes: `secret-${token}` });
    await person({ fullName: `Draft ${token}`, state: "DRAFT", custody: [{ start: "2015-03-02" }] });
    await person({ fullName: `Archived ${token}`, state: "ARCHIVED", custody: [{ start: "2015-03-02" }] });

    expect(await names({ q: token })).toEqual([`Published ${token}`]);
    expect(await names({ q: token, status: "imprisoned" })).toEqual([]);
    expect(await names({ q: `secret-${token}` })).toEqual([]);
    expect(await names({ q: `draft ${token}` })).toEqual([]);
  });

  it("refuses a query longer than the limit at the data layer's door", async () => {
    await expect(searchDirectory({ q: "a".repeat(101) })).rejects.toBeInstanceOf(RuleViolation);
  });
});

describe("directory status", () => {
  it("filters 'imprisoned now' by exactly the rule of the count, on any day", async () => {
    const token = newToken();
    const held = await person({ fullName: `Held ${token}`, custody: [{ start: "2014-10-24" }] });
    const bound = await person({
      fullName: `Bound ${token}`,
      custody: [{ start: "2014-10-01", precision: "MONTH", qualifier: "ON_OR_BEFORE" }],
    });
    const released = await person({
      fullName: `Released ${token}`,
      custody: [{ start: "2014-02-01", end: "2014-11-05", reason: "PARDON" }],
    });
    const houseArrest = await person({ fullName: `House ${token}`, custody: [{ start: "2014-03-01", kind: "HOUSE_ARREST" }] });
    const draftPeriod = await person({ fullName: `Draftperiod ${token}`, custody: [{ start: "2014-03-01", state: "DRAFT" }] });
    // Released the day a month-precise source dates both: an empty period, later than the open one.
    const emptyPeriod = await person({
      fullName: `Emptyperiod ${token}`,
      custody: [
        { start: "2013-01-01" },
        { start: "2014-05-01", precision: "MONTH", end: "2014-05-01", endPrecision: "MONTH", reason: "PARDON" },
      ],
    });
    const never = await person({ fullName: `Never ${token}` });
    const ours = new Set([held, bound, released, houseArrest, draftPeriod, emptyPeriod, never].map((row) => row.id));

    for (const day of ["2013-06-01", "2014-10-24", "2014-10-30", "2014-10-31", "2014-11-05", todayUtc()]) {
      const counted = (await listImprisoned(day)).filter((row) => ours.has(row.id)).map((row) => row.fullName);
      const result = await searchDirectory({ q: token, status: "imprisoned" }, day);
      expect(result.entries.map((entry) => entry.fullName).sort(), day).toEqual(counted.sort());
      expect(result.entries.every((entry) => entry.status.state === "imprisoned"), day).toBe(true);
    }

    // Today: the exact start, the bound, and the open period behind the empty one are held.
    expect(await names({ q: token, status: "imprisoned" })).toEqual([`Bound ${token}`, `Emptyperiod ${token}`, `Held ${token}`]);
    // The bound counts only from the last day of its month; the release of 5 November is ahead.
    expect(await names({ q: token, status: "imprisoned" }, "2014-10-30")).toEqual([
      `Emptyperiod ${token}`,
      `Held ${token}`,
      `Released ${token}`,
    ]);
    expect(await names({ q: token, status: "released" })).toEqual([`House ${token}`, `Released ${token}`]);
    expect(await names({ q: token, status: "released" }, "2014-11-04")).toEqual([`House ${token}`]);
    expect(await names({ q: token, status: "all" })).toHaveLength(7);
  });

  it("shows each person's status with the dates the record holds, bounds kept as bounds", async () => {
    const token = newToken();
    await person({ fullName: `Held ${token}`, custody: [{ start: "2014-10-24" }] });
    await person({
      fullName: `Bound ${token}`,
      custody: [{ start: "2014-09-17", qualifier: "ON_OR_BEFORE" }],
    });
    await person({
      fullName: `Released ${token}`,
      custody: [{ start: "2014-02-01", end: "2014-10-01", endPrecision: "MONTH", reason: "PARDON" }],
    });
    await person({ fullName: `Never ${token}` });

    const statuses = Object.fromEntries(
      (await searchDirectory({ q: token })).entries.map((entry) => [entry.fullName.split(" ")[0], entry.status]),
    );
    expect(statuses.Held).toEqual({ state: "imprisoned", since: { date: "2014-10-24", precision: "DAY" }, sinceQualifier: "EXACT" });
    expect(statuses.Bound).toEqual({
      state: "imprisoned",
      since: { date: "2014-09-17", precision: "DAY" },
      sinceQualifier: "ON_OR_BEFORE",
    });
    expect(statuses.Released).toEqual({ state: "released", on: { date: "2014-10-01", precision: "MONTH" }, reason: "PARDON" });
    expect(statuses.Never).toEqual({ state: "no-custody-recorded" });
  });
});

describe("directory filters", () => {
  it("filters by category", async () => {
    const token = newToken();
    const journalist = await prisma.category.create({ data: { slug: `journalist-${token}`, name: `Journalist ${token}` } });
    const lawyer = await prisma.category.create({ data: { slug: `lawyer-${token}`, name: `Lawyer ${token}` } });
    await person({ fullName: `Both ${token}`, categoryIds: [journalist.id, lawyer.id] });
    await person({ fullName: `Writer ${token}`, categoryIds: [journalist.id] });
    await person({ fullName: `None ${token}` });

    expect(await names({ q: token, category: journalist.slug })).toEqual([`Both ${token}`, `Writer ${token}`]);
    expect(await names({ q: token, category: lawyer.slug })).toEqual([`Both ${token}`]);
    const both = (await searchDirectory({ q: `both ${token}` })).entries[0];
    expect(both.categories).toEqual([
      { slug: journalist.slug, name: journalist.name },
      { slug: lawyer.slug, name: lawyer.name },
    ]);
  });

  it("filters by the facility a person is held in now, not where they were", async () => {
    const token = newToken();
    const first = await prisma.facility.create({ data: { slug: `first-${token}`, name: `First ${token}`, kind: "PRISON" } });
    const second = await prisma.facility.create({ data: { slug: `second-${token}`, name: `Second ${token}`, kind: "PRISON" } });
    await person({
      fullName: `Transferred ${token}`,
      custody: [{ start: "2014-01-10", placements: [{ facilityId: first.id, from: "2014-01-10" }, { facilityId: second.id, from: "2014-06-01" }] }],
    });
    await person({
      fullName: `Stayed ${token}`,
      custody: [{ start: "2014-01-10", placements: [{ facilityId: first.id, from: "2014-01-10" }] }],
    });
    await person({
      fullName: `Freed ${token}`,
      custody: [{ start: "2014-01-10", end: "2014-03-01", placements: [{ facilityId: first.id, from: "2014-01-10" }] }],
    });
    await person({
      fullName: `Unpublishedmove ${token}`,
      custody: [
        {
          start: "2014-01-10",
          placements: [
            { facilityId: first.id, from: "2014-01-10" },
            { facilityId: second.id, from: "2014-06-01", state: "DRAFT" },
          ],
        },
      ],
    });

    expect(await names({ q: token, facility: first.slug })).toEqual([`Stayed ${token}`, `Unpublishedmove ${token}`]);
    expect(await names({ q: token, facility: second.slug })).toEqual([`Transferred ${token}`]);
    // On 1 February 2014 everyone was still in the first facility.
    expect(await names({ q: token, facility: first.slug }, "2014-02-01")).toHaveLength(4);
  });

  it("filters by a court that held any published hearing in the person's published cases", async () => {
    const token = newToken();
    const court = await prisma.court.create({ data: { slug: `court-${token}`, name: `Court ${token}`, kind: "DISTRICT" } });
    const other = await prisma.court.create({ data: { slug: `other-${token}`, name: `Other ${token}`, kind: "DISTRICT" } });
    const hearing = (caseId: string, courtId: string, state: State = "PUBLISHED") =>
      prisma.hearing.create({ data: { caseId, courtId, date: fromIsoDay("2014-10-24"), kind: "TRIAL_SESSION", status: "HELD", state } });

    const heard = await person({ fullName: `Heard ${token}` });
    await hearing((await caseOf(heard.id)).id, other.id);
    await hearing((await caseOf(heard.id)).id, court.id);
    const draftHearing = await person({ fullName: `Drafthearing ${token}` });
    await hearing((await caseOf(draftHearing.id)).id, court.id, "DRAFT");
    const draftCase = await person({ fullName: `Draftcase ${token}` });
    await hearing((await caseOf(draftCase.id, "DRAFT")).id, court.id);
    const elsewhere = await person({ fullName: `Elsewhere ${token}` });
    await hearing((await caseOf(elsewhere.id)).id, other.id);

    expect(await names({ q: token, court: court.slug })).toEqual([`Heard ${token}`]);
    expect(await names({ q: token, court: other.slug })).toEqual([`Elsewhere ${token}`, `Heard ${token}`]);
  });

  it("filters by charge article, and offers only articles of published charges", async () => {
    const token = newToken();
    const libel = await prisma.criminalCodeArticle.create({ data: { article: `147.${token}`, title: "Libel" } });
    const hidden = await prisma.criminalCodeArticle.create({ data: { article: `999.${token}`, title: "Only in a draft" } });
    const charged = await person({ fullName: `Charged ${token}` });
    await prisma.charge.create({ data: { caseId: (await caseOf(charged.id)).id, articleId: libel.id } });
    const draftCharge = await person({ fullName: `Draftcharge ${token}` });
    await prisma.charge.create({ data: { caseId: (await caseOf(draftCharge.id)).id, articleId: libel.id, state: "DRAFT" } });
    const draftPerson = await person({ fullName: `Draftperson ${token}`, state: "DRAFT" });
    await prisma.charge.create({ data: { caseId: (await caseOf(draftPerson.id)).id, articleId: hidden.id } });
    await person({ fullName: `Uncharged ${token}` });

    expect(await names({ q: token, article: libel.id })).toEqual([`Charged ${token}`]);
    expect(await names({ q: token, article: hidden.id })).toEqual([]);

    const choices = await listDirectoryChoices();
    expect(choices.articles).toContainEqual({ value: libel.id, label: `Article 147.${token}: Libel` });
    expect(choices.articles.map((choice) => choice.value)).not.toContain(hidden.id);
  });

  it("filters by gender", async () => {
    const token = newToken();
    await person({ fullName: `Woman ${token}`, gender: "FEMALE" });
    await person({ fullName: `Man ${token}`, gender: "MALE" });
    await person({ fullName: `Unknown ${token}` });

    expect(await names({ q: token, gender: "FEMALE" })).toEqual([`Woman ${token}`]);
    expect(await names({ q: token, gender: "UNSPECIFIED" })).toEqual([`Unknown ${token}`]);
  });

  it("filters by the year a custody period began, and offers only years of published periods", async () => {
    const token = newToken();
    await person({ fullName: `Thirteen ${token}`, custody: [{ start: "2013-12-31", end: "2014-02-01" }] });
    await person({ fullName: `Fourteen ${token}`, custody: [{ start: "2014-01-01", precision: "YEAR", qualifier: "ON_OR_BEFORE" }] });
    await person({
      fullName: `Both ${token}`,
      custody: [{ start: "2013-03-01", end: "2013-04-01" }, { start: "2014-07-01" }],
    });
    await person({ fullName: `Draftyear ${token}`, custody: [{ start: "1961-05-05", end: "1962-01-01", state: "DRAFT" }] });

    expect(await names({ q: token, year: 2013 })).toEqual([`Both ${token}`, `Thirteen ${token}`]);
    expect(await names({ q: token, year: 2014 })).toEqual([`Both ${token}`, `Fourteen ${token}`]);
    expect(await names({ q: token, year: 1961 })).toEqual([]);

    const years = (await listDirectoryChoices()).years.map((choice) => choice.value);
    expect(years).toEqual(expect.arrayContaining([2013, 2014]));
    expect(years).not.toContain(1961);
  });

  it("combines filters with the search", async () => {
    const token = newToken();
    await person({ fullName: `Alpha ${token}`, gender: "FEMALE", custody: [{ start: "2014-05-05" }] });
    await person({ fullName: `Beta ${token}`, gender: "FEMALE", custody: [{ start: "2014-05-05", end: "2014-06-06" }] });
    await person({ fullName: `Gamma ${token}`, gender: "MALE", custody: [{ start: "2014-05-05" }] });

    expect(await names({ q: token, gender: "FEMALE", status: "imprisoned", year: 2014 })).toEqual([`Alpha ${token}`]);
  });
});

describe("directory sort and pages", () => {
  it("pages through everyone once, 20 to a page, in name order that ignores diacritics", async () => {
    const token = newToken();
    const letters = "abcdefghijklmnopqrstuvwxy".split("");
    for (const letter of [...letters].reverse()) {
      await person({ fullName: `${letter.toUpperCase()}${letter} ${token}` });
    }
    await person({ fullName: `Əli ${token}` });
    await person({ fullName: `İlqar ${token}` });

    const first = await searchDirectory({ q: token });
    const second = await searchDirectory({ q: token, page: 2 });
    expect(first.total).toBe(27);
    expect(first.pageCount).toBe(2);
    expect(first.entries).toHaveLength(20);
    expect(second.entries).toHaveLength(7);
    const all = [...first.entries, ...second.entries].map((entry) => entry.fullName);
    expect(new Set(all).size).toBe(27);
    expect(all.slice(0, 7)).toEqual([
      `Aa ${token}`,
      `Bb ${token}`,
      `Cc ${token}`,
      `Dd ${token}`,
      `Ee ${token}`,
      `Əli ${token}`,
      `Ff ${token}`,
    ]);
    expect(all.indexOf(`İlqar ${token}`)).toBe(all.indexOf(`Ii ${token}`) + 1);

    const beyond = await searchDirectory({ q: token, page: 9 });
    expect(beyond.page).toBe(2);
    expect(beyond.pageBeyondEnd).toBe(9);
    expect(beyond.entries.map((entry) => entry.fullName)).toEqual(second.entries.map((entry) => entry.fullName));
  });

  it("sorts by arrest date, newest first, people without custody last", async () => {
    const token = newToken();
    await person({ fullName: `Old ${token}`, custody: [{ start: "2010-01-05" }] });
    await person({ fullName: `Never ${token}` });
    await person({ fullName: `Recent ${token}`, custody: [{ start: "2013-01-01", end: "2013-02-01" }, { start: "2015-03-03" }] });
    await person({ fullName: `Middle ${token}`, custody: [{ start: "2012-06-01", end: "2012-08-01" }] });

    expect(await names({ q: token, sort: "arrested" })).toEqual([
      `Recent ${token}`,
      `Middle ${token}`,
      `Old ${token}`,
      `Never ${token}`,
    ]);
    expect(await names({ q: token, sort: "name" })).toEqual([`Middle ${token}`, `Never ${token}`, `Old ${token}`, `Recent ${token}`]);
  });
});
