import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendar, changes, countsOn, createCustodyPeriod, createPlacement, createPrisoner, uniqueSlug } from "../../scripts/test-support/records";
import { addDays, fromIsoDay, lastDayOf, type IsoDay } from "../dates";
import { disconnect, prisma } from "../db/client";
import type { PublicationState } from "../db/generated/client";
import { countImprisoned } from "./custody-status";
import {
  arrestsAndReleases,
  imprisonedByCategory,
  imprisonedByFacility,
  imprisonedSeries,
  summariseSeries,
  type ImprisonedSeries,
} from "./statistics";

// This file's custody events fall in 1800-1849. Other files may hold people in custody on
// these days too (their years are their own, but an open period lasts), so counts here are
// measured against what was already there. 1800 holds one short period so that every day of
// this file's years is in the daily series.
const SERIES_START = "1800-01-01";
const { year: uniqueYear } = calendar(1801, 1849);

beforeAll(async () => {
  const anchor = await createPrisoner({ fullName: "Test Anchor" });
  await createCustodyPeriod({ prisonerId: anchor.id, start: SERIES_START, end: "1800-01-02" });
});

afterAll(disconnect);

const DAY_MS = 24 * 60 * 60 * 1000;

/** The series' count on a day, checking that the series has that very day where expected. */
function seriesOn(series: ImprisonedSeries, day: IsoDay): number {
  const index = (fromIsoDay(day).getTime() - fromIsoDay(series.days[0].day).getTime()) / DAY_MS;
  const entry = series.days[index];
  expect(entry?.day).toBe(day);
  return entry.count;
}

async function seriesCounts(days: IsoDay[]): Promise<number[]> {
  const series = await imprisonedSeries();
  return days.map((day) => seriesOn(series, day));
}



function everyDayOf(year: number): IsoDay[] {
  const days: IsoDay[] = [];
  for (let day = `${year}-01-01`; day.startsWith(String(year)); day = addDays(day, 1)) days.push(day);
  return days;
}


describe("the daily series", () => {
  it("agrees with countImprisoned before an arrest, on its day, during, on the day of release and after", async () => {
    const year = uniqueYear();
    const on = (monthDay: string) => `${year}-${monthDay}`;
    const days = ["03-09", "03-10", "03-11", "05-01", "07-19", "07-20", "07-21", "09-01", "12-31"].map(on);
    const before = await seriesCounts(days);

    const [first, second] = [await createPrisoner(), await createPrisoner()];
    await createCustodyPeriod({ prisonerId: first.id, start: on("03-10"), end: on("07-20") });
    await createCustodyPeriod({ prisonerId: second.id, start: on("05-01"), end: on("09-01") });

    const after = await seriesCounts(days);
    expect(changes(before, after)).toEqual([0, 1, 1, 2, 2, 1, 1, 0, 0]);
    expect(after).toEqual(await countsOn(days));
  });

  it("counts a start known only as a bound by a month from the last day of that month", async () => {
    const year = uniqueYear();
    const lastOfFebruary = lastDayOf({ date: `${year}-02-01`, precision: "MONTH" });
    const days = [`${year}-02-01`, addDays(lastOfFebruary, -1), lastOfFebruary, `${year}-03-01`, `${year}-06-01`];
    const before = await seriesCounts(days);

    const person = await createPrisoner();
    await createCustodyPeriod({
      prisonerId: person.id,
      start: `${year}-02-01`,
      startPrecision: "MONTH",
      startQualifier: "ON_OR_BEFORE",
      end: `${year}-06-01`,
    });

    const after = await seriesCounts(days);
    expect(changes(before, after)).toEqual([0, 0, 1, 1, 0]);
    expect(after).toEqual(await countsOn(days));
  });

  it("leaves out draft people, draft and archived periods and house arrest", async () => {
    const year = uniqueYear();
    const [start, end] = [`${year}-04-04`, `${year}-08-08`];
    const days = [addDays(start, -1), start, `${year}-06-06`, end];
    const before = await seriesCounts(days);

    const [control, draftPerson, withDraftPeriod, withArchivedPeriod, underHouseArrest] = [
      await createPrisoner(),
      await createPrisoner({ state: "DRAFT" }),
      await createPrisoner(),
      await createPrisoner(),
      await createPrisoner(),
    ];
    await createCustodyPeriod({ prisonerId: control.id, start, end });
    await createCustodyPeriod({ prisonerId: draftPerson.id, start, end });
    await createCustodyPeriod({ prisonerId: withDraftPeriod.id, start, end, state: "DRAFT" });
    await createCustodyPeriod({ prisonerId: withArchivedPeriod.id, start, end, state: "ARCHIVED" });
    await createCustodyPeriod({ prisonerId: underHouseArrest.id, start, end, kind: "HOUSE_ARREST" });

    const after = await seriesCounts(days);
    expect(changes(before, after)).toEqual([0, 1, 1, 0]);
    expect(after).toEqual(await countsOn(days));
  });

  it("adds nothing on any day for a period released before its bound start can be proven", async () => {
    const year = uniqueYear();
    const days = everyDayOf(year);
    const before = await seriesCounts(days);

    // As in the demo data's pardon: in custody "by October", released in October.
    const pardoned = await createPrisoner();
    await createCustodyPeriod({
      prisonerId: pardoned.id,
      start: `${year}-10-01`,
      startPrecision: "MONTH",
      startQualifier: "ON_OR_BEFORE",
      end: `${year}-10-01`,
      endPrecision: "MONTH",
    });
    const boundByYear = await createPrisoner();
    await createCustodyPeriod({
      prisonerId: boundByYear.id,
      start: `${year}-01-01`,
      startPrecision: "YEAR",
      startQualifier: "ON_OR_BEFORE",
      end: `${year}-06-15`,
    });

    const after = await seriesCounts(days);
    expect(after).toEqual(before);
    const sample = [`${year}-06-14`, `${year}-06-15`, `${year}-10-01`, `${year}-10-31`, `${year}-12-31`];
    expect(await countsOn(sample)).toEqual(sample.map((day) => after[days.indexOf(day)]));
  });

  it("equals countImprisoned on every day it changes and the day before, across the whole record", async () => {
    const series = await imprisonedSeries();
    expect(series.days[0].day <= SERIES_START).toBe(true);
    const checked: IsoDay[] = [series.days[0].day];
    for (let index = 1; index < series.days.length; index += 1) {
      if (series.days[index].count !== series.days[index - 1].count) {
        checked.push(series.days[index - 1].day, series.days[index].day);
      }
    }
    expect(checked.length).toBeGreaterThan(10);
    const expected = await countsOn(checked);
    expect(checked.map((day) => seriesOn(series, day))).toEqual(expected);
    expect(series.days.at(-1)?.count).toBe((await countImprisoned()).count);
  });

  it("summarises the last day of each month, the last day, and the first peak", () => {
    const days = ["2016-02-27", "2016-02-28", "2016-02-29", "2016-03-01", "2016-03-02"].map((day, index) => ({
      day,
      count: [1, 3, 2, 3, 0][index],
    }));
    expect(summariseSeries(days)).toEqual({
      days,
      monthEnds: [
        { day: "2016-02-29", count: 2 },
        { day: "2016-03-02", count: 0 },
      ],
      peak: { day: "2016-02-28", count: 3 },
    });
    expect(summariseSeries([])).toEqual({ days: [], monthEnds: [], peak: null });
  });
});

describe("arrests and releases per month", () => {
  it("places day and month dates in their month, and counts year-only dates and bounds apart", async () => {
    const year = uniqueYear();
    const nextYear = uniqueYear();
    expect(nextYear).toBe(year + 1);
    const people = await Promise.all(Array.from({ length: 7 }, () => createPrisoner()));
    const draftPerson = await createPrisoner({ state: "DRAFT" });
    const [byDay, byMonth, byYear, byBound, draftPeriod, houseArrest, stillHeld] = people;

    await createCustodyPeriod({ prisonerId: byDay.id, start: `${year}-03-05`, end: `${year}-06-15` });
    await createCustodyPeriod({ prisonerId: byMonth.id, start: `${year}-03-01`, startPrecision: "MONTH", end: `${year}-06-01`, endPrecision: "MONTH" });
    await createCustodyPeriod({ prisonerId: byYear.id, start: `${year}-01-01`, startPrecision: "YEAR", end: `${year}-11-20` });
    await createCustodyPeriod({
      prisonerId: byBound.id,
      start: `${year}-04-10`,
      startQualifier: "ON_OR_BEFORE",
      end: `${nextYear}-01-01`,
      endPrecision: "YEAR",
    });
    await createCustodyPeriod({ prisonerId: stillHeld.id, start: `${nextYear}-02-02`, end: `${nextYear}-12-31` });
    // None of these is a detention the count includes.
    await createCustodyPeriod({ prisonerId: draftPerson.id, start: `${year}-03-20`, end: `${year}-06-20` });
    await createCustodyPeriod({ prisonerId: draftPeriod.id, start: `${year}-03-21`, end: `${year}-06-21`, state: "DRAFT" });
    await createCustodyPeriod({ prisonerId: houseArrest.id, start: `${year}-03-22`, end: `${year}-06-22`, kind: "HOUSE_ARREST" });

    const { months, unplaced } = await arrestsAndReleases();
    const mine = (key: string) => key.startsWith(`${year}-`) || key.startsWith(`${nextYear}-`);
    expect(months.filter((entry) => mine(entry.month))).toEqual([
      { month: `${year}-03`, arrests: 2, releases: 0 },
      { month: `${year}-06`, arrests: 0, releases: 2 },
      { month: `${year}-11`, arrests: 0, releases: 1 },
      { month: `${nextYear}-02`, arrests: 1, releases: 0 },
      { month: `${nextYear}-12`, arrests: 0, releases: 1 },
    ]);
    expect(unplaced.filter((entry) => entry.year === year || entry.year === nextYear)).toEqual([
      { year, arrestsKnownOnlyToYear: 1, releasesKnownOnlyToYear: 0, arrestsKnownOnlyAsBound: 1 },
      { year: nextYear, arrestsKnownOnlyToYear: 0, releasesKnownOnlyToYear: 1, arrestsKnownOnlyAsBound: 0 },
    ]);
    const ordered = months.map((entry) => entry.month);
    expect(ordered).toEqual([...ordered].sort());
  });
});

async function createCategory() {
  const suffix = randomUUID();
  return prisma.category.create({ data: { slug: `category-${suffix}`, name: `Test category ${suffix}` } });
}

async function categorise(prisonerId: string, categoryIds: string[]) {
  await prisma.prisonerCategory.createMany({ data: categoryIds.map((categoryId) => ({ prisonerId, categoryId })) });
}

describe("imprisoned by category", () => {
  it("counts each person imprisoned on the day in each of their categories, and those with none", async () => {
    const year = uniqueYear();
    const day = `${year}-05-05`;
    const already = await imprisonedByCategory(day);
    const [journalists, defenders] = [await createCategory(), await createCategory()];
    const [both, journalist, none, draft, released, houseArrest] = [
      await createPrisoner(),
      await createPrisoner(),
      await createPrisoner(),
      await createPrisoner({ state: "DRAFT" }),
      await createPrisoner(),
      await createPrisoner(),
    ];
    await categorise(both.id, [journalists.id, defenders.id]);
    await categorise(journalist.id, [journalists.id]);
    await categorise(draft.id, [journalists.id]);
    await categorise(released.id, [journalists.id]);
    await categorise(houseArrest.id, [journalists.id]);
    for (const held of [both, journalist, none, draft]) {
      await createCustodyPeriod({ prisonerId: held.id, start: `${year}-01-10`, end: `${year}-09-09` });
    }
    await createCustodyPeriod({ prisonerId: released.id, start: `${year}-01-10`, end: day });
    await createCustodyPeriod({ prisonerId: houseArrest.id, start: `${year}-01-10`, end: `${year}-09-09`, kind: "HOUSE_ARREST" });

    const result = await imprisonedByCategory(day);
    expect(result.on).toBe(day);
    expect(result.total).toBe(already.total + 3);
    expect(result.total).toBe((await countImprisoned(day)).count);
    expect(result.uncategorised).toBe(already.uncategorised + 1);
    const ours = new Set([journalists.slug, defenders.slug]);
    expect(result.categories.filter((entry) => ours.has(entry.slug))).toEqual([
      { slug: journalists.slug, name: journalists.name, count: 2 },
      { slug: defenders.slug, name: defenders.name, count: 1 },
    ]);

    const dayBefore = await imprisonedByCategory(addDays(day, -1));
    expect(dayBefore.categories.find((entry) => entry.slug === journalists.slug)?.count).toBe(3);
  });
});

async function createFacility(state: PublicationState = "PUBLISHED") {
  return prisma.facility.create({
    data: { slug: uniqueSlug("facility"), name: `Test facility ${randomUUID()}`, kind: "PRISON", state },
  });
}


describe("imprisoned by facility", () => {
  it("places each person in the facility of their latest published placement begun by the day", async () => {
    const year = uniqueYear();
    const on = (monthDay: string) => `${year}-${monthDay}`;
    // Whoever other test files hold on these days, before this test adds its own.
    const others = new Map<string, { total: number; notRecorded: number }>();
    for (const monthDay of ["04-30", "05-01", "06-29", "06-30"]) {
      const { total, notRecorded } = await imprisonedByFacility(on(monthDay));
      others.set(monthDay, { total, notRecorded });
    }
    const [first, second, unpublished] = [await createFacility(), await createFacility(), await createFacility("DRAFT")];
    const [transferred, draftTransfer, unplaced, atUnpublished, boundTransfer] = await Promise.all(
      Array.from({ length: 5 }, () => createPrisoner()),
    );
    const periods = new Map<string, string>();
    for (const person of [transferred, draftTransfer, unplaced, atUnpublished, boundTransfer]) {
      const { id } = await createCustodyPeriod({ prisonerId: person.id, start: on("02-01"), end: on("12-01") });
      periods.set(person.id, id);
    }
    const periodOf = (person: { id: string }) => periods.get(person.id) as string;
    await createPlacement(periodOf(transferred), first.id, on("02-01"));
    await createPlacement(periodOf(transferred), second.id, on("05-01"));
    await createPlacement(periodOf(draftTransfer), first.id, on("02-01"));
    await createPlacement(periodOf(draftTransfer), second.id, on("04-01"), { state: "DRAFT" });
    await createPlacement(periodOf(atUnpublished), unpublished.id, on("02-01"));
    await createPlacement(periodOf(boundTransfer), first.id, on("02-01"));
    // "Held in the second facility by June": from 30 June on.
    await createPlacement(periodOf(boundTransfer), second.id, on("06-01"), { precision: "MONTH", qualifier: "ON_OR_BEFORE" });

    const expected: [string, { first: number; second: number; notRecorded: number }][] = [
      ["04-30", { first: 3, second: 0, notRecorded: 2 }],
      ["05-01", { first: 2, second: 1, notRecorded: 2 }],
      ["06-29", { first: 2, second: 1, notRecorded: 2 }],
      ["06-30", { first: 1, second: 2, notRecorded: 2 }],
    ];
    for (const [monthDay, counts] of expected) {
      const day = on(monthDay);
      const result = await imprisonedByFacility(day);
      const before = others.get(monthDay)!;
      const countAt = (facility: { slug: string }) =>
        result.facilities.find((entry) => entry.slug === facility.slug)?.count ?? 0;
      expect({ day, first: countAt(first), second: countAt(second), notRecorded: result.notRecorded - before.notRecorded }).toEqual({
        day,
        ...counts,
      });
      expect(result.facilities.some((entry) => entry.slug === unpublished.slug)).toBe(false);
      expect(result.total).toBe(before.total + 5);
      expect(result.facilities.reduce((sum, entry) => sum + entry.count, result.notRecorded)).toBe(result.total);
      expect(result.total).toBe((await countImprisoned(day)).count);
    }
    const byName = (await imprisonedByFacility(on("06-30"))).facilities;
    expect(byName.find((entry) => entry.slug === second.slug)?.name).toBe(second.name);
  });
});
