import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getCount } from "@/app/api/v1/count/route";
import { GET as getCourt } from "@/app/api/v1/courts/[slug]/route";
import { GET as listCourts } from "@/app/api/v1/courts/route";
import { GET as exportCsv } from "@/app/api/v1/export/prisoners.csv/route";
import { GET as exportJson } from "@/app/api/v1/export/prisoners.json/route";
import { GET as getFacility } from "@/app/api/v1/facilities/[slug]/route";
import { GET as listFacilities } from "@/app/api/v1/facilities/route";
import { GET as getLawyer } from "@/app/api/v1/lawyers/[slug]/route";
import { GET as listLawyers } from "@/app/api/v1/lawyers/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { GET as getPrisoner } from "@/app/api/v1/prisoners/[slug]/route";
import { GET as listPrisoners } from "@/app/api/v1/prisoners/route";
import { GET as byCategory } from "@/app/api/v1/statistics/by-category/route";
import { GET as byFacility } from "@/app/api/v1/statistics/by-facility/route";
import { GET as imprisoned } from "@/app/api/v1/statistics/imprisoned/route";
import { GET as movements } from "@/app/api/v1/statistics/movements/route";
import { disconnect, prisma } from "@/lib/db/client";
import { fromIsoDay } from "@/lib/dates";
import { call, withQuery } from "@/scripts/test-support/api";
import { createPlacement } from "@/scripts/test-support/records";

/**
 * Canaries: a unique string in every private field and in every kind of unpublished record
 * near a published person, then every output of the API (every list walked to its end, every
 * court, lawyer and facility, the person, the count and statistics, both exports in full, the
 * OpenAPI document)
 * searched for them. One appearing anywhere fails the test. Custody events fall in 1880-1889.
 */

const canary = (label: string) => `CANARY-${label}-${randomUUID()}`;
const CANARIES = {
  familyContact: canary("FAMILY"),
  healthDetails: canary("HEALTH"),
  internalNotes: canary("NOTES"),
  sourceIdentity: canary("SOURCE-IDENTITY"),
  sourceContact: canary("SOURCE-CONTACT"),
  sourceNotes: canary("SOURCE-NOTES"),
  draftName: canary("DRAFT-NAME"),
  draftSlug: `canary-draft-${randomUUID()}`,
  draftBiography: canary("DRAFT-BIOGRAPHY"),
  archivedName: canary("ARCHIVED-NAME"),
  draftCourt: canary("DRAFT-COURT"),
  draftFacility: canary("DRAFT-FACILITY"),
  draftLawyer: canary("DRAFT-LAWYER"),
  draftHearing: canary("DRAFT-HEARING"),
  draftCase: canary("DRAFT-CASE"),
  draftSource: canary("DRAFT-SOURCE"),
};

const publishedSlug = `canary-published-${randomUUID()}`;

beforeAll(async () => {
  const category = await prisma.category.create({ data: { slug: `canary-${randomUUID()}`, name: canary("CATEGORY-NAME-PUBLIC") } });
  const facility = await prisma.facility.create({ data: { slug: `canary-facility-${randomUUID()}`, name: "Canary Prison", kind: "PRISON" } });
  const draftFacility = await prisma.facility.create({
    data: { slug: `canary-${randomUUID()}`, name: CANARIES.draftFacility, kind: "PRISON", state: "DRAFT" },
  });
  const court = await prisma.court.create({ data: { slug: `canary-court-${randomUUID()}`, name: "Canary Court", kind: "DISTRICT" } });
  const draftCourt = await prisma.court.create({
    data: { slug: `canary-${randomUUID()}`, name: CANARIES.draftCourt, kind: "APPEAL", state: "DRAFT" },
  });
  const source = await prisma.source.create({
    data: {
      kind: "MEDIA_REPORT",
      title: "Canary report",
      privateRecord: {
        create: { identity: CANARIES.sourceIdentity, contact: CANARIES.sourceContact, notes: CANARIES.sourceNotes },
      },
    },
  });
  const draftSource = await prisma.source.create({ data: { kind: "TESTIMONY", title: CANARIES.draftSource, state: "DRAFT" } });

  const published = await prisma.prisoner.create({
    data: {
      slug: publishedSlug,
      fullName: "Canary Published Person",
      state: "PUBLISHED",
      privateRecord: {
        create: {
          familyContact: CANARIES.familyContact,
          healthDetails: CANARIES.healthDetails,
          internalNotes: CANARIES.internalNotes,
        },
      },
      categories: { create: [{ categoryId: category.id }] },
      citations: { create: [{ sourceId: source.id, excerpt: "public excerpt" }, { sourceId: draftSource.id }] },
    },
  });
  const period = await prisma.custodyPeriod.create({
    data: { prisonerId: published.id, kind: "DETENTION", startDate: fromIsoDay("1880-04-05"), startPrecision: "DAY" },
  });
  await createPlacement(period.id, facility.id, "1880-04-05");
  await createPlacement(period.id, draftFacility.id, "1881-04-05");

  const publishedCase = await prisma.case.create({ data: { prisonerId: published.id, title: "Canary case" } });
  await prisma.case.create({ data: { prisonerId: published.id, title: CANARIES.draftCase, state: "DRAFT" } });
  const draftLawyer = await prisma.lawyer.create({ data: { slug: `canary-${randomUUID()}`, fullName: CANARIES.draftLawyer, state: "DRAFT" } });
  await prisma.caseLawyer.create({ data: { caseId: publishedCase.id, lawyerId: draftLawyer.id } });
  await prisma.hearing.create({
    data: {
      caseId: publishedCase.id,
      courtId: draftCourt.id,
      date: fromIsoDay("1880-05-01"),
      kind: "PRE_TRIAL_DETENTION",
      status: "HELD",
      lawyers: { create: [{ lawyerId: draftLawyer.id }] },
    },
  });
  await prisma.hearing.create({
    data: {
      caseId: publishedCase.id,
      courtId: court.id,
      date: fromIsoDay("1880-06-01"),
      kind: "TRIAL_SESSION",
      status: "HELD",
      outcome: CANARIES.draftHearing,
      state: "DRAFT",
    },
  });

  for (const [state, fullName, slug] of [
    ["DRAFT", CANARIES.draftName, CANARIES.draftSlug],
    ["ARCHIVED", CANARIES.archivedName, `canary-archived-${randomUUID()}`],
  ] as const) {
    const hidden = await prisma.prisoner.create({
      data: { slug, fullName, state, biography: CANARIES.draftBiography, categories: { create: [{ categoryId: category.id }] } },
    });
    const hiddenPeriod = await prisma.custodyPeriod.create({
      data: { prisonerId: hidden.id, kind: "DETENTION", startDate: fromIsoDay("1880-04-05"), startPrecision: "DAY" },
    });
    await createPlacement(hiddenPeriod.id, facility.id, "1880-04-05");
  }
});

afterAll(async () => {
  await disconnect();
});

/** Every body the API serves about this file's records and everyone else. */
async function crawl(): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  const get = async (
    handler: (request: Request, context: { params: Promise<{ slug: string }> }) => Promise<Response> | Response,
    path: string,
    params?: { slug: string },
  ): Promise<string> => {
    const response = await call(handler, path, { params });
    expect(response.status, path).toBe(200);
    const text = await response.text();
    bodies.set(path, text);
    return text;
  };

  let cursor: string | undefined;
  do {
    const page = JSON.parse(await get(listPrisoners, withQuery("/prisoners", { limit: 200, cursor })));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  for (const sort of ["arrested"]) await get(listPrisoners, withQuery("/prisoners", { sort, limit: 200 }));
  await get(getPrisoner, `/prisoners/${publishedSlug}`, { slug: publishedSlug });
  const courts = JSON.parse(await get(listCourts, "/courts")) as { data: { slug: string }[] };
  for (const { slug } of courts.data) await get(getCourt, `/courts/${slug}`, { slug });
  const lawyers = JSON.parse(await get(listLawyers, "/lawyers")) as { data: { slug: string }[] };
  for (const { slug } of lawyers.data) await get(getLawyer, `/lawyers/${slug}`, { slug });
  const facilities = JSON.parse(await get(listFacilities, "/facilities")) as { data: { slug: string }[] };
  for (const { slug } of facilities.data) {
    await get(getFacility, `/facilities/${slug}`, { slug });
    await get(getFacility, `/facilities/${slug}?date=1882-01-01`, { slug });
  }
  await get(listFacilities, "/facilities?date=1882-01-01");
  await get(getCount, "/count");
  await get(getCount, "/count?date=1882-01-01");
  await get(imprisoned, "/statistics/imprisoned");
  await get(byCategory, "/statistics/by-category?date=1882-01-01");
  await get(byFacility, "/statistics/by-facility?date=1882-01-01");
  await get(movements, "/statistics/movements");
  await get(exportCsv, "/export/prisoners.csv");
  await get(exportJson, "/export/prisoners.json");
  bodies.set("/openapi.json", JSON.stringify(getOpenApi().status === 200 ? await getOpenApi().json() : null));
  return bodies;
}

describe("no draft or private field leaves through the API, the exports or the document", () => {
  it("finds no canary in any output", async () => {
    const bodies = await crawl();
    expect(bodies.size).toBeGreaterThan(15);
    const everything = [...bodies.values()].join("\n");
    // The crawl did reach the published person and their public facts.
    expect(everything).toContain(publishedSlug);
    expect(everything).toContain("Canary Court");
    for (const [path, body] of bodies) {
      for (const [label, value] of Object.entries(CANARIES)) {
        expect(body.includes(value), `${label} in ${path}`).toBe(false);
      }
    }
  });

  it("counts no unpublished person held in a published facility", async () => {
    const response = await call(listFacilities, "/facilities?date=1881-01-01");
    const body = (await response.json()) as { data: { name: string; heldCount: number }[] };
    expect(body.data.find((facility) => facility.name === "Canary Prison")?.heldCount).toBe(1);
  });

  it("answers a draft's slug as it answers a slug that never existed", async () => {
    const draft = await call(getPrisoner, `/prisoners/${CANARIES.draftSlug}`, { params: { slug: CANARIES.draftSlug } });
    const unknown = await call(getPrisoner, "/prisoners/never-existed", { params: { slug: `never-${randomUUID()}` } });
    expect(draft.status).toBe(404);
    expect(await draft.text()).toBe(await unknown.text());
  });
});
