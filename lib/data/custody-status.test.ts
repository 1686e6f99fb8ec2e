import { afterAll, describe, expect, it } from "vitest";
import {
  auditEntriesFor,
  changes,
  countsOn,
  calendar,
  createCustodyPeriod,
  createPrisoner,
  testActor,
  writerOf,
} from "../../scripts/test-support/records";
import { addDays, fromIsoDay, type IsoDay } from "../dates";
import { disconnect, prisma } from "../db/client";
import { recordArrest, recordRelease } from "./custody";
import { countImprisoned, custodyStatusOf, listImprisoned } from "./custody-status";

// This file's custody events fall in 1950-1989; prisma/integrity-rules.test.ts uses 1900-1949.
const { year: uniqueYear } = calendar(1950, 1989);

afterAll(disconnect);



async function imprisonedOn(day: IsoDay): Promise<string[]> {
  return (await listImprisoned(day)).map((person) => person.slug);
}

describe("arrest", () => {
  it("counts a person from the day of arrest on, not the day before, and audits it in the same transaction", async () => {
    const arrested = `${uniqueYear()}-04-10`;
    const days = [addDays(arrested, -1), arrested, addDays(arrested, 1), addDays(arrested, 200)];
    const person = await createPrisoner();

    const before = await countsOn(days);
    const { id } = await recordArrest(testActor, { prisonerId: person.id, start: arrested });
    expect(changes(before, await countsOn(days))).toEqual([0, 1, 1, 1]);

    expect(await imprisonedOn(addDays(arrested, -1))).not.toContain(person.slug);
    expect(await imprisonedOn(addDays(arrested, 200))).toContain(person.slug);
    expect(await custodyStatusOf(person.id, arrested)).toEqual({
      state: "imprisoned",
      since: { date: arrested, precision: "DAY" },
      sinceQualifier: "EXACT",
    });
    expect(await custodyStatusOf(person.id, addDays(arrested, -1))).toEqual({ state: "no-custody-recorded" });

    const entries = await auditEntriesFor(id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "CREATE",
      entityType: "CustodyPeriod",
      actorId: null,
      actorLabel: "test",
      before: null,
    });
    expect(entries[0].after).toMatchObject({
      id,
      prisonerId: person.id,
      startDate: `${arrested}T00:00:00.000Z`,
      endDate: null,
      version: 1,
    });
    expect(await writerOf("audit_entry", entries[0].id)).toBe(await writerOf("custody_period", id));
  });
});

describe("release", () => {
  it("stops counting on the day of release, counts the day before, and audits before and after", async () => {
    const year = uniqueYear();
    const released = `${year}-06-15`;
    const days = [addDays(released, -1), released, addDays(released, 1), `${year}-11-01`];
    const person = await createPrisoner();
    const { id } = await recordArrest(testActor, { prisonerId: person.id, start: `${year}-02-01` });

    const before = await countsOn(days);
    const result = await recordRelease(testActor, {
      custodyPeriodId: id,
      version: 1,
      end: released,
      reason: "CHARGES_DROPPED",
    });
    expect(result).toEqual({ id, version: 2 });
    expect(changes(before, await countsOn(days))).toEqual([0, -1, -1, -1]);

    expect(await imprisonedOn(addDays(released, -1))).toContain(person.slug);
    expect(await imprisonedOn(released)).not.toContain(person.slug);
    expect(await custodyStatusOf(person.id, released)).toEqual({
      state: "released",
      on: { date: released, precision: "DAY" },
      reason: "CHARGES_DROPPED",
    });

    const entries = await auditEntriesFor(id);
    expect(entries.map((entry) => entry.action)).toEqual(["CREATE", "UPDATE"]);
    const update = entries[1];
    expect(update.before).toMatchObject({ id, endDate: null, releaseReason: null, version: 1 });
    expect(update.after).toMatchObject({
      id,
      endDate: `${released}T00:00:00.000Z`,
      endPrecision: "DAY",
      releaseReason: "CHARGES_DROPPED",
      version: 2,
    });
    expect(await writerOf("audit_entry", update.id)).toBe(await writerOf("custody_period", id));
  });
});

describe("a count on a past date", () => {
  it("includes exactly the detention periods covering that date", async () => {
    const year = uniqueYear();
    const on = (monthDay: string) => `${year}-${monthDay}`;
    const [rearrested, other, underHouseArrest] = [await createPrisoner(), await createPrisoner(), await createPrisoner()];
    const baseline = (await countImprisoned(on("01-01"))).count;

    await createCustodyPeriod({ prisonerId: rearrested.id, start: on("02-01"), end: on("04-01") });
    await createCustodyPeriod({ prisonerId: rearrested.id, start: on("06-01"), end: on("08-01") });
    await createCustodyPeriod({ prisonerId: other.id, start: on("03-01"), end: on("09-01") });
    await createCustodyPeriod({
      prisonerId: underHouseArrest.id,
      kind: "HOUSE_ARREST",
      start: on("02-15"),
      end: on("10-01"),
    });

    const expected: [string, number][] = [
      ["01-31", 0],
      ["02-01", 1],
      ["03-01", 2],
      ["03-31", 2],
      ["04-01", 1],
      ["05-31", 1],
      ["06-01", 2],
      ["08-01", 1],
      ["09-01", 0],
      ["12-31", 0],
    ];
    const counts = await countsOn(expected.map(([monthDay]) => on(monthDay)));
    expect(counts.map((count) => count - baseline)).toEqual(expected.map(([, change]) => change));

    const listed = (await imprisonedOn(on("06-15"))).filter((slug) =>
      [rearrested.slug, other.slug, underHouseArrest.slug].includes(slug),
    );
    expect(listed.sort()).toEqual([rearrested.slug, other.slug].sort());
  });
});

describe("pardon", () => {
  it("counts a person until the release by decree, and not from its day", async () => {
    const year = uniqueYear();
    const freed = `${year}-09-21`;
    const person = await createPrisoner();
    const { id } = await recordArrest(testActor, { prisonerId: person.id, start: `${year}-03-01` });
    const decree = await prisma.decree.create({
      data: {
        kind: "PARDON",
        title: "Test pardon decree",
        signedDate: fromIsoDay(`${year}-09-20`),
        beneficiaries: { create: { prisonerId: person.id } },
      },
    });

    const days = [addDays(freed, -1), freed];
    const before = await countsOn(days);
    await recordRelease(testActor, { custodyPeriodId: id, version: 1, end: freed, reason: "PARDON", decreeId: decree.id });
    expect(changes(before, await countsOn(days))).toEqual([0, -1]);

    expect((await custodyStatusOf(person.id, addDays(freed, -1)))?.state).toBe("imprisoned");
    expect(await custodyStatusOf(person.id, freed)).toEqual({
      state: "released",
      on: { date: freed, precision: "DAY" },
      reason: "PARDON",
    });
    const period = await prisma.custodyPeriod.findUniqueOrThrow({ where: { id } });
    expect(period).toMatchObject({ releaseReason: "PARDON", releaseDecreeId: decree.id, endDate: fromIsoDay(freed) });
    const [, update] = await auditEntriesFor(id);
    expect(update.after).toMatchObject({ releaseReason: "PARDON", releaseDecreeId: decree.id });
  });
});

describe("detention extension", () => {
  it("is stored without changing the status of an open period, even after it runs out", async () => {
    const year = uniqueYear();
    const person = await createPrisoner();
    const { id } = await recordArrest(testActor, { prisonerId: person.id, start: `${year}-02-01` });
    const until = `${year}-05-01`;
    const days = [addDays(until, -1), until, addDays(until, 1), `${year}-12-31`];

    const before = await countsOn(days);
    const extension = await prisma.detentionExtension.create({
      data: { custodyPeriodId: id, orderedOn: fromIsoDay(`${year}-03-01`), until: fromIsoDay(until) },
    });
    expect(changes(before, await countsOn(days))).toEqual([0, 0, 0, 0]);

    for (const day of days) {
      expect(await custodyStatusOf(person.id, day)).toEqual({
        state: "imprisoned",
        since: { date: `${year}-02-01`, precision: "DAY" },
        sinceQualifier: "EXACT",
      });
    }
    const period = await prisma.custodyPeriod.findUniqueOrThrow({ where: { id }, include: { extensions: true } });
    expect(period).toMatchObject({ endDate: null, version: 1 });
    expect(period.extensions).toEqual([
      expect.objectContaining({ id: extension.id, orderedOn: fromIsoDay(`${year}-03-01`), until: fromIsoDay(until) }),
    ]);
  });
});

describe("what is never counted", () => {
  it("leaves out draft people and draft or archived custody periods", async () => {
    const day = `${uniqueYear()}-05-05`;
    const control = await createPrisoner();
    const draftPerson = await createPrisoner({ state: "DRAFT" });
    const withDraftPeriod = await createPrisoner();
    const withArchivedPeriod = await createPrisoner();

    const before = await countsOn([day]);
    await createCustodyPeriod({ prisonerId: control.id, start: day });
    await createCustodyPeriod({ prisonerId: draftPerson.id, start: day });
    await createCustodyPeriod({ prisonerId: withDraftPeriod.id, start: day, state: "DRAFT" });
    await createCustodyPeriod({ prisonerId: withArchivedPeriod.id, start: day, state: "ARCHIVED" });
    // Only the published period of the published person counts.
    expect(changes(before, await countsOn([day]))).toEqual([1]);

    const listed = await imprisonedOn(day);
    expect(listed).toContain(control.slug);
    for (const hidden of [draftPerson, withDraftPeriod, withArchivedPeriod]) expect(listed).not.toContain(hidden.slug);
    expect(await custodyStatusOf(withDraftPeriod.id, day)).toEqual({ state: "no-custody-recorded" });
    expect(await custodyStatusOf(withArchivedPeriod.id, day)).toEqual({ state: "no-custody-recorded" });
  });

  it("leaves out house arrest, which the person's status still reports", async () => {
    const year = uniqueYear();
    const day = `${year}-07-07`;
    const person = await createPrisoner();

    const before = await countsOn([day]);
    const { id } = await recordArrest(testActor, { prisonerId: person.id, start: day, kind: "HOUSE_ARREST" });
    expect(changes(before, await countsOn([day]))).toEqual([0]);

    expect(await imprisonedOn(day)).not.toContain(person.slug);
    expect(await custodyStatusOf(person.id, day)).toEqual({
      state: "house-arrest",
      since: { date: day, precision: "DAY" },
      sinceQualifier: "EXACT",
    });
    await recordRelease(testActor, { custodyPeriodId: id, version: 1, end: `${year}-08-01`, reason: "MEASURE_CHANGED" });
    expect((await custodyStatusOf(person.id, `${year}-08-01`))?.state).toBe("released");
  });
});

describe("a start known only as a bound", () => {
  it("by a month counts from the last day of that month", async () => {
    const year = uniqueYear({ leap: true });
    const days = [`${year}-02-01`, `${year}-02-28`, `${year}-02-29`, `${year}-03-01`];
    const person = await createPrisoner();

    const before = await countsOn(days);
    await recordArrest(testActor, { prisonerId: person.id, start: `${year}-02`, startQualifier: "ON_OR_BEFORE" });
    expect(changes(before, await countsOn(days))).toEqual([0, 0, 1, 1]);

    expect(await custodyStatusOf(person.id, `${year}-02-28`)).toEqual({ state: "no-custody-recorded" });
    expect(await custodyStatusOf(person.id, `${year}-02-29`)).toEqual({
      state: "imprisoned",
      since: { date: `${year}-02-01`, precision: "MONTH" },
      sinceQualifier: "ON_OR_BEFORE",
    });
  });

  it("by a year counts from 31 December of that year", async () => {
    const year = uniqueYear();
    const days = [`${year}-01-01`, `${year}-06-30`, `${year}-12-30`, `${year}-12-31`];
    const person = await createPrisoner();

    const before = await countsOn(days);
    await recordArrest(testActor, { prisonerId: person.id, start: String(year), startQualifier: "ON_OR_BEFORE" });
    expect(changes(before, await countsOn(days))).toEqual([0, 0, 0, 1]);
    expect(await imprisonedOn(`${year}-12-30`)).not.toContain(person.slug);
    expect(await imprisonedOn(`${year}-12-31`)).toContain(person.slug);
  });

  it("unlike an exact month, which counts from its first day", async () => {
    const year = uniqueYear();
    const days = [`${year}-02-28`, `${year}-03-01`];
    const person = await createPrisoner();

    const before = await countsOn(days);
    await recordArrest(testActor, { prisonerId: person.id, start: `${year}-03` });
    expect(changes(before, await countsOn(days))).toEqual([0, 1]);
  });
});

describe("custodyStatusOf", () => {
  it("returns null for a draft person and for no person, and says when nothing is recorded", async () => {
    const day = `${uniqueYear()}-03-03`;
    const draft = await createPrisoner({ state: "DRAFT" });
    await createCustodyPeriod({ prisonerId: draft.id, start: day });
    const unrecorded = await createPrisoner();

    expect(await custodyStatusOf(draft.id, day)).toBeNull();
    expect(await custodyStatusOf("00000000-0000-4000-8000-000000000000", day)).toBeNull();
    expect(await custodyStatusOf(unrecorded.id, day)).toEqual({ state: "no-custody-recorded" });
  });
});

describe("a bound recorded in the current month", () => {
  it("counts the person today, though the month has not ended, and not on any earlier day", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const monthStart = `${today.slice(0, 7)}-01`;
    const person = await createPrisoner();
    const days = [addDays(monthStart, -1), addDays(today, -1), today];

    const before = await countsOn(days);
    await createCustodyPeriod({
      prisonerId: person.id,
      start: monthStart,
      startPrecision: "MONTH",
      startQualifier: "ON_OR_BEFORE",
    });
    expect(changes(before, await countsOn(days))).toEqual([0, 0, 1]);
    expect((await custodyStatusOf(person.id))?.state).toBe("imprisoned");
  });
});

describe("the count's freshness", () => {
  it("is the latest change to a published person's published custody record, not a draft's", async () => {
    const day = `${uniqueYear()}-07-07`;
    const published = await createPrisoner();
    const period = await createCustodyPeriod({ prisonerId: published.id, start: day });
    expect((await countImprisoned(day)).lastRecordChange).toEqual(period.updatedAt);

    const draft = await createPrisoner({ state: "DRAFT" });
    const draftPeriod = await createCustodyPeriod({ prisonerId: draft.id, start: day });
    const archived = await createCustodyPeriod({ prisonerId: (await createPrisoner()).id, start: day, state: "ARCHIVED" });
    expect(draftPeriod.updatedAt.getTime()).toBeGreaterThanOrEqual(period.updatedAt.getTime());
    expect(archived.updatedAt.getTime()).toBeGreaterThanOrEqual(period.updatedAt.getTime());
    expect((await countImprisoned(day)).lastRecordChange).toEqual(period.updatedAt);
  });
});

describe("the latest cases", () => {
  it("lists at most the number asked, most recently taken into custody first", async () => {
    const day = `${uniqueYear()}-05-05`;
    const earlier = await createPrisoner();
    const later = await createPrisoner();
    await createCustodyPeriod({ prisonerId: earlier.id, start: addDays(day, -3) });
    await createCustodyPeriod({ prisonerId: later.id, start: addDays(day, -1) });

    const latest = await listImprisoned(day, { latest: 1 });
    expect(latest.map((person) => person.slug)).toEqual([later.slug]);
    const all = await listImprisoned(day);
    expect(all.map((person) => person.slug)).toEqual(expect.arrayContaining([earlier.slug, later.slug]));
  });
});
