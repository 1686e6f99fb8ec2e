import { afterAll, describe, expect, it } from "vitest";
import { calendar, createCustodyPeriod, createPlacement, createPrisoner, testActor, uniqueSlug } from "../../scripts/test-support/records";
import { addDays, todayUtc, type IsoDay } from "../dates";
import { disconnect, prisma } from "../db/client";
import type { PublicationState } from "../db/generated/client";
import { recordArrest, recordRelease } from "./custody";
import { getFacility, listFacilities } from "./facilities";

// This file's past custody events fall in 1990-1999 (custody-status.test.ts: 1950-1989).
const { year: uniqueYear } = calendar(1990, 1999);

afterAll(disconnect);

async function createFacility(options: { state?: PublicationState; postalAddress?: string } = {}) {
  return prisma.facility.create({
    data: {
      slug: uniqueSlug("facility"),
      name: "Test Detention Centre",
      kind: "PRE_TRIAL_DETENTION_CENTRE",
      city: "Testville",
      postalAddress: options.postalAddress,
      state: options.state ?? "PUBLISHED",
    },
  });
}


async function residents(slug: string, on?: IsoDay) {
  const record = await getFacility(slug, on);
  if (!record) throw new Error(`no published facility ${slug}`);
  return {
    now: record.heldNow.map((entry) => entry.prisoner.slug),
    before: record.heldBefore.map((entry) => [entry.prisoner.slug, entry.until.date, entry.ended]),
  };
}

describe("who is held at a facility today", () => {
  it("follows custody status: a released person moves from held now to held before", async () => {
    const today = todayUtc();
    const facility = await createFacility();
    const alpha = await createPrisoner({ fullName: "Alpha Resident" });
    const bravo = await createPrisoner({ fullName: "Bravo Resident" });
    const arrest = async (prisonerId: string, daysAgo: number) =>
      recordArrest(testActor, { prisonerId, start: addDays(today, -daysAgo), facilityId: facility.id });
    const alphaCustody = await arrest(alpha.id, 40);
    const bravoCustody = await arrest(bravo.id, 30);

    expect(await residents(facility.slug)).toEqual({ now: [alpha.slug, bravo.slug], before: [] });
    expect((await listFacilities()).find((entry) => entry.slug === facility.slug)?.heldCount).toBe(2);

    // The day of release is a day of freedom, as in the count.
    await recordRelease(testActor, { custodyPeriodId: alphaCustody.id, version: 1, end: today, reason: "CHARGES_DROPPED" });
    expect(await residents(facility.slug)).toEqual({ now: [bravo.slug], before: [[alpha.slug, today, "released"]] });
    expect((await listFacilities()).find((entry) => entry.slug === facility.slug)?.heldCount).toBe(1);

    await recordRelease(testActor, { custodyPeriodId: bravoCustody.id, version: 1, end: today, reason: "ACQUITTED" });
    const after = await getFacility(facility.slug);
    expect(after?.heldNow).toEqual([]);
    expect(after?.heldBefore).toEqual([
      {
        prisoner: { slug: alpha.slug, name: "Alpha Resident" },
        from: { date: addDays(today, -40), precision: "DAY" },
        fromQualifier: "EXACT",
        until: { date: today, precision: "DAY" },
        ended: "released",
      },
      {
        prisoner: { slug: bravo.slug, name: "Bravo Resident" },
        from: { date: addDays(today, -30), precision: "DAY" },
        fromQualifier: "EXACT",
        until: { date: today, precision: "DAY" },
        ended: "released",
      },
    ]);
  });
});

describe("who was held at a facility on a past day", () => {
  it("follows transfers and releases day by day", async () => {
    const year = uniqueYear();
    const on = (monthDay: string) => `${year}-${monthDay}`;
    const [first, second] = [await createFacility(), await createFacility()];
    const person = await createPrisoner();
    const period = await createCustodyPeriod({ prisonerId: person.id, start: on("03-01"), end: on("09-01") });
    await createPlacement(period.id, first.id, on("03-01"));
    await createPlacement(period.id, second.id, on("06-01"));

    expect(await residents(first.slug, on("02-28"))).toEqual({ now: [], before: [] });
    expect(await residents(first.slug, on("05-31"))).toEqual({ now: [person.slug], before: [] });
    expect(await residents(first.slug, on("06-01"))).toEqual({ now: [], before: [[person.slug, on("06-01"), "transferred"]] });
    expect(await residents(second.slug, on("06-01"))).toEqual({ now: [person.slug], before: [] });
    expect(await residents(second.slug, on("08-31"))).toEqual({ now: [person.slug], before: [] });
    expect(await residents(second.slug, on("09-01"))).toEqual({ now: [], before: [[person.slug, on("09-01"), "released"]] });
    const listed = await listFacilities(on("07-01"));
    const heldCountOf = (slug: string) => listed.find((entry) => entry.slug === slug)?.heldCount;
    expect([heldCountOf(first.slug), heldCountOf(second.slug)]).toEqual([0, 1]);
  });

  it("counts a placement known only by a bound from the last day it can stand for", async () => {
    const year = uniqueYear();
    const facility = await createFacility();
    const person = await createPrisoner();
    const period = await createCustodyPeriod({
      prisonerId: person.id,
      start: `${year}-10-01`,
      startPrecision: "MONTH",
      startQualifier: "ON_OR_BEFORE",
      end: `${year}-12-15`,
    });
    await createPlacement(period.id, facility.id, `${year}-10-01`, { precision: "MONTH", qualifier: "ON_OR_BEFORE" });

    expect((await residents(facility.slug, `${year}-10-30`)).now).toEqual([]);
    const record = await getFacility(facility.slug, `${year}-10-31`);
    expect(record?.heldNow).toEqual([
      {
        prisoner: { slug: person.slug, name: "Test Person" },
        since: { date: `${year}-10-01`, precision: "MONTH" },
        sinceQualifier: "ON_OR_BEFORE",
      },
    ]);
  });

  it("leaves out unpublished people, periods and placements, and house arrest", async () => {
    const year = uniqueYear();
    const on = (monthDay: string) => `${year}-${monthDay}`;
    const facility = await createFacility();
    const shown = await createPrisoner();
    const hidden = [
      { person: await createPrisoner({ state: "DRAFT" }), period: {}, placement: {} },
      { person: await createPrisoner(), period: { state: "DRAFT" as const }, placement: {} },
      { person: await createPrisoner(), period: {}, placement: { state: "DRAFT" as const } },
      { person: await createPrisoner(), period: { kind: "HOUSE_ARREST" as const }, placement: {} },
    ];
    for (const { person, period, placement } of [{ person: shown, period: {}, placement: {} }, ...hidden]) {
      const created = await createCustodyPeriod({ prisonerId: person.id, start: on("02-01"), end: on("08-01"), ...period });
      await createPlacement(created.id, facility.id, on("02-01"), placement);
    }
    expect(await residents(facility.slug, on("05-01"))).toEqual({ now: [shown.slug], before: [] });
    expect(await residents(facility.slug, on("12-31"))).toEqual({ now: [], before: [[shown.slug, on("08-01"), "released"]] });
  });
});

describe("which facilities are public", () => {
  it("gives the postal address of a published facility, and finds no unknown, draft or archived one", async () => {
    const published = await createFacility({ postalAddress: "Test Street 1\nTestville AZ1000" });
    const draft = await createFacility({ state: "DRAFT" });
    const archived = await createFacility({ state: "ARCHIVED" });

    expect(await getFacility(published.slug)).toMatchObject({
      slug: published.slug,
      name: "Test Detention Centre",
      kind: "PRE_TRIAL_DETENTION_CENTRE",
      city: "Testville",
      postalAddress: "Test Street 1\nTestville AZ1000",
    });
    expect(await getFacility(draft.slug)).toBeNull();
    expect(await getFacility(archived.slug)).toBeNull();
    expect(await getFacility("no-such-facility")).toBeNull();

    const slugs = (await listFacilities()).map((facility) => facility.slug);
    expect(slugs).toContain(published.slug);
    expect(slugs).not.toContain(draft.slug);
    expect(slugs).not.toContain(archived.slug);
  });
});
