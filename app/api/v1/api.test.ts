import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getCount } from "@/app/api/v1/count/route";
import { GET as getCourt } from "@/app/api/v1/courts/[slug]/route";
import { GET as listCourtsRoute } from "@/app/api/v1/courts/route";
import { GET as getFacility } from "@/app/api/v1/facilities/[slug]/route";
import { GET as listFacilitiesRoute } from "@/app/api/v1/facilities/route";
import { GET as getLawyer } from "@/app/api/v1/lawyers/[slug]/route";
import { GET as listLawyersRoute } from "@/app/api/v1/lawyers/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { GET as getPrisoner } from "@/app/api/v1/prisoners/[slug]/route";
import * as prisonersRoute from "@/app/api/v1/prisoners/route";
import { GET as byCategoryRoute } from "@/app/api/v1/statistics/by-category/route";
import { GET as byFacilityRoute } from "@/app/api/v1/statistics/by-facility/route";
import { GET as imprisonedRoute } from "@/app/api/v1/statistics/imprisoned/route";
import { GET as movementsRoute } from "@/app/api/v1/statistics/movements/route";
import { countImprisoned } from "@/lib/data/custody-status";
import { searchDirectory } from "@/lib/data/directory";
import { disconnect, prisma } from "@/lib/db/client";
import { todayUtc } from "@/lib/dates";
import type { DirectoryParams } from "@/lib/validation/directory";
import { call, withQuery } from "@/scripts/test-support/api";
import { createCase, createCourt, createHearing, createLawyer } from "@/scripts/test-support/hearings";
import { responseValidator } from "@/scripts/test-support/openapi";
import { createCustodyPeriod, createPlacement } from "@/scripts/test-support/records";

/**
 * The public API against a real database: every response is checked against the served OpenAPI
 * document by an independent validator, and the prisoner list against the directory itself.
 * This file's people carry a token of its own in their names and search for it; their custody
 * events fall in 1850-1869 and 2003, years no other test file uses.
 */

const token = `zzapi${randomBytes(4).toString("hex")}`;
const slugOf = (label: string) => `${token}-${label}`;
let errorsOf: ReturnType<typeof responseValidator>;

const ids = { category: "", facility: "", court: "", byPerson: {} as Record<string, string> };
const slugs = { category: slugOf("category"), facility: slugOf("facility"), court: slugOf("court"), draft: slugOf("draft") };

type Body = Record<string, unknown> & { data?: ({ slug: string } & Record<string, unknown>)[]; nextCursor?: string | null };

async function json(response: Response, path: string): Promise<Body> {
  const body = await response.json();
  const type = response.status >= 400 ? "application/problem+json" : "application/json";
  expect(errorsOf(path, response.status, body, type), `${path} ${response.status}`).toEqual([]);
  return body;
}

async function person(label: string, fullName: string, options: { state?: "DRAFT" | "PUBLISHED"; gender?: "FEMALE" | "MALE" } = {}) {
  const row = await prisma.prisoner.create({
    data: {
      slug: slugOf(label),
      fullName: `${fullName} ${token}`,
      state: options.state ?? "PUBLISHED",
      gender: options.gender ?? "UNSPECIFIED",
    },
  });
  ids.byPerson[row.slug] = row.id;
  return row;
}

beforeAll(async () => {
  errorsOf = responseValidator(await getOpenApi().json());

  const category = await prisma.category.create({ data: { slug: slugs.category, name: `Category ${token}` } });
  const facility = await prisma.facility.create({ data: { slug: slugs.facility, name: `Facility ${token}`, kind: "PRISON" } });
  const court = await createCourt({ name: `Court ${token}` });
  await prisma.court.update({ where: { id: court.id }, data: { slug: slugs.court } });
  Object.assign(ids, { category: category.id, facility: facility.id, court: court.id });

  // Names in an order that sorting by name must keep: "Əli" folds to "Eli".
  const abbas = await person("abbas", "Abbas Aliyev", { gender: "MALE" });
  const eli = await person("eli", "Əli Həsənov", { gender: "MALE" });
  const farida = await person("farida", "Farida Mammadova", { gender: "FEMALE" });
  const gunel = await person("gunel", "Gunel Ismayilova", { gender: "FEMALE" });
  const ilkin = await person("ilkin", "Ilkin Rustamzade");
  // Two people of one name: only the id orders them, and a cursor between them must hold.
  await person("javid", "Javid Qurbanov");
  await person("javid-2", "Javid Qurbanov");
  const kamal = await person("kamal", "Kamal Novruzlu");
  const leyla = await person("leyla", "Leyla Yusifova", { gender: "FEMALE" });
  const draft = await person("draft", "Draft Person", { state: "DRAFT" });

  for (const [who, start] of [
    [abbas, "1850-03-01"],
    [farida, "1852-06-15"],
    [gunel, "1852-06-15"],
    [draft, "1851-01-01"],
  ] as const) {
    const period = await createCustodyPeriod({ prisonerId: who.id, start });
    if (who !== gunel) await createPlacement(period.id, facility.id, start);
  }
  await createCustodyPeriod({ prisonerId: eli.id, start: "1853-01-10", end: "1854-02-01", releaseReason: "PARDON" });
  await createCustodyPeriod({ prisonerId: ilkin.id, start: "1855-05-05", kind: "HOUSE_ARREST" });
  await createCustodyPeriod({ prisonerId: kamal.id, start: "1856-01-01", startPrecision: "YEAR" });
  // The directory's year filter starts at 1900: one period in 2003, a year no test file uses.
  await createCustodyPeriod({ prisonerId: leyla.id, start: "2003-03-01", end: "2003-09-01", releaseReason: "SENTENCE_SERVED" });
  await prisma.prisonerCategory.createMany({
    data: [abbas, gunel, draft].map((who) => ({ prisonerId: who.id, categoryId: category.id })),
  });
  const criminalCase = await createCase(farida.id, { title: `Case ${token}` });
  const lawyer = await createLawyer({ fullName: `Lawyer ${token}` });
  await prisma.caseLawyer.create({ data: { caseId: criminalCase.id, lawyerId: lawyer.id } });
  await createHearing({
    caseId: criminalCase.id,
    courtId: court.id,
    date: "1852-07-01",
    lawyerIds: [lawyer.id],
    motions: [{ filedBy: "DEFENCE", ruling: "DISMISSED", kind: "BAIL", lawyerId: lawyer.id }],
  });
});

afterAll(async () => {
  await disconnect();
});

const { GET: listPrisoners } = prisonersRoute;

async function everyPage(query: Record<string, string | number | undefined>): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages += 1) {
    const response = await call(listPrisoners, withQuery("/prisoners", { ...query, cursor }));
    expect(response.status).toBe(200);
    const body = await json(response, "/prisoners");
    seen.push(...(body.data ?? []).map((entry) => entry.slug));
    if (!body.nextCursor) return seen;
    cursor = body.nextCursor;
  }
  throw new Error("the cursor never ended");
}

async function directorySlugs(params: Partial<DirectoryParams>): Promise<string[]> {
  const result = await searchDirectory({ ...params, q: token });
  expect(result.pageCount).toBe(1);
  return result.entries.map((entry) => entry.slug);
}

describe("GET /api/v1/prisoners", () => {
  it("lists published people only, in the directory's order, as the document says", async () => {
    const response = await call(listPrisoners, withQuery("/prisoners", { q: token }));
    expect(response.status).toBe(200);
    const body = await json(response, "/prisoners");
    const listed = (body.data ?? []).map((entry) => entry.slug);
    expect(listed).toEqual(await directorySlugs({}));
    const javids = [slugOf("javid"), slugOf("javid-2")].sort((a, b) => ids.byPerson[a].localeCompare(ids.byPerson[b]));
    expect(listed).toEqual(["abbas", "eli", "farida", "gunel", "ilkin"].map(slugOf).concat(javids, ["kamal", "leyla"].map(slugOf)));
    expect(listed).not.toContain(slugs.draft);
    expect(body.asOf).toBe(todayUtc());
    expect(body.nextCursor).toBeNull();
  });

  it.each([
    ["name", 1],
    ["name", 2],
    ["arrested", 1],
    ["arrested", 3],
  ])("walks every page sorted by %s, %i at a time, without a gap or a repeat", async (sort, limit) => {
    const walked = await everyPage({ q: token, sort, limit });
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked).toEqual(await directorySlugs({ sort: sort as DirectoryParams["sort"] }));
  });

  it.each<[string, Partial<DirectoryParams>]>([
    ["imprisoned", { status: "imprisoned" }],
    ["released", { status: "released" }],
    ["a category", { category: "" }],
    ["a facility", { facility: "" }],
    ["a court", { court: "" }],
    ["a gender", { gender: "FEMALE" }],
    ["a year", { year: 2003 }],
    ["a category and a status", { category: "", status: "imprisoned" }],
  ])("selects the same people as the directory, filtered by %s", async (_label, filter) => {
    const params: Partial<DirectoryParams> = { ...filter };
    if ("category" in params) params.category = slugs.category;
    if ("facility" in params) params.facility = slugs.facility;
    if ("court" in params) params.court = slugs.court;
    const expected = await directorySlugs(params);
    expect(expected.length).toBeGreaterThan(0);
    const walked = await everyPage({ ...(params as Record<string, string | number>), q: token, limit: 2 });
    expect(walked).toEqual(expected);
  });

  it("derives status as the directory does", async () => {
    const body = await json(await call(listPrisoners, withQuery("/prisoners", { q: token })), "/prisoners");
    const states = Object.fromEntries(
      (body.data as { slug: string; status: { state: string } }[]).map((entry) => [entry.slug, entry.status.state]),
    );
    expect(states[slugOf("abbas")]).toBe("imprisoned");
    expect(states[slugOf("eli")]).toBe("released");
    expect(states[slugOf("ilkin")]).toBe("house-arrest");
    expect(states[slugOf("javid")]).toBe("no-custody-recorded");
  });

  it.each([
    ["status=everyone", "status"],
    ["limit=0", "limit"],
    ["limit=1000", "limit"],
    ["year=abc", "year"],
    ["role=admin", "role"],
    ["constructor=x", "constructor"],
    ["cursor=not-a-cursor", "cursor"],
    [`q=${"x".repeat(101)}`, "q"],
  ])("refuses %s with problem details naming the parameter", async (query, field) => {
    const response = await call(listPrisoners, `/prisoners?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const body = await json(response, "/prisoners");
    expect(Object.keys(body.fieldErrors as object)).toContain(field);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|prisma|SELECT/i);
  });

  it("refuses a cursor from a list in another order", async () => {
    const first = await json(await call(listPrisoners, withQuery("/prisoners", { q: token, limit: 1 })), "/prisoners");
    const response = await call(listPrisoners, withQuery("/prisoners", { q: token, sort: "arrested", cursor: first.nextCursor as string }));
    expect(response.status).toBe(400);
    expect(Object.keys((await json(response, "/prisoners")).fieldErrors as object)).toEqual(["cursor"]);
  });
});

describe("GET /api/v1/prisoners/{slug}", () => {
  it("answers a published person with the public timeline", async () => {
    const slug = slugOf("farida");
    const response = await call(getPrisoner, `/prisoners/${slug}`, { params: { slug } });
    expect(response.status).toBe(200);
    const body = await json(response, "/prisoners/{slug}");
    expect(body.slug).toBe(slug);
    const types = (body.timeline as { type: string }[]).map((event) => event.type);
    expect(types).toEqual(expect.arrayContaining(["custody-start", "placement", "hearing"]));
  });

  it.each([
    ["a draft", slugs.draft],
    ["an unknown slug", slugOf("nobody")],
  ])("answers 404 for %s, the same way", async (_label, slug) => {
    const response = await call(getPrisoner, `/prisoners/${slug}`, { params: { slug } });
    expect(response.status).toBe(404);
    const body = await json(response, "/prisoners/{slug}");
    expect(body.detail).toBe("No published person has this slug.");
  });
});

describe("courts, lawyers, facilities, the count and statistics", () => {
  it("lists courts and answers one court", async () => {
    const list = await json(await call(listCourtsRoute, "/courts"), "/courts");
    expect((list.data ?? []).map((court) => court.slug)).toContain(slugs.court);
    const response = await call(getCourt, `/courts/${slugs.court}`, { params: { slug: slugs.court } });
    expect(response.status).toBe(200);
    const court = await json(response, "/courts/{slug}");
    expect((court.hearings as unknown[]).length).toBe(1);
    const missing = await call(getCourt, "/courts/none", { params: { slug: slugOf("none") } });
    expect(missing.status).toBe(404);
    await json(missing, "/courts/{slug}");
  });

  it("lists lawyers and answers one lawyer", async () => {
    const body = await json(await call(listLawyersRoute, "/lawyers"), "/lawyers");
    const mine = (body.data as unknown as { slug: string; fullName: string; clientCount: number }[]).find(
      (lawyer) => lawyer.fullName === `Lawyer ${token}`,
    );
    expect(mine?.clientCount).toBe(1);
    const slug = mine?.slug as string;
    const lawyer = await json(await call(getLawyer, `/lawyers/${slug}`, { params: { slug } }), "/lawyers/{slug}");
    expect((lawyer.clients as { prisoner: { slug: string } }[]).map((client) => client.prisoner.slug)).toEqual([slugOf("farida")]);
    expect((lawyer.motions as { ruling: string }[]).map((motion) => motion.ruling)).toEqual(["DISMISSED"]);
    const missing = await call(getLawyer, "/lawyers/none", { params: { slug: slugOf("none") } });
    expect(missing.status).toBe(404);
    await json(missing, "/lawyers/{slug}");
  });

  it("answers one facility on a day", async () => {
    const path = `/facilities/${slugs.facility}?date=1853-01-01`;
    const body = await json(await call(getFacility, path, { params: { slug: slugs.facility } }), "/facilities/{slug}");
    expect(body.on).toBe("1853-01-01");
    expect((body.heldNow as { prisoner: { slug: string } }[]).map((held) => held.prisoner.slug).sort()).toEqual(
      [slugOf("abbas"), slugOf("farida")].sort(),
    );
    const bad = await call(getFacility, `/facilities/${slugs.facility}?date=yesterday`, { params: { slug: slugs.facility } });
    expect(bad.status).toBe(400);
    await json(bad, "/facilities/{slug}");
  });

  it("lists facilities with who was held there on a day", async () => {
    const body = await json(await call(listFacilitiesRoute, "/facilities?date=1853-01-01"), "/facilities");
    expect(body.on).toBe("1853-01-01");
    const mine = (body.data as { slug: string; heldCount: number }[]).find((facility) => facility.slug === slugs.facility);
    expect(mine?.heldCount).toBe(2);
  });

  it("answers the count now and on a past day, as the count does", async () => {
    const now = await json(await call(getCount, "/count"), "/count");
    expect(now.day).toBe(todayUtc());
    const past = await json(await call(getCount, "/count?date=1852-12-31"), "/count");
    expect(past).toMatchObject({ day: "1852-12-31", count: (await countImprisoned("1852-12-31")).count });
    const future = await call(getCount, "/count?date=2999-01-01");
    expect(future.status).toBe(400);
    expect((await json(future, "/count")).fieldErrors).toHaveProperty("date");
  });

  it("answers every statistics series", async () => {
    const series = await json(await call(imprisonedRoute, "/statistics/imprisoned"), "/statistics/imprisoned");
    const day = (series.days as { day: string; count: number }[]).find((entry) => entry.day === "1852-12-31");
    expect(day?.count).toBe((await countImprisoned("1852-12-31")).count);
    await json(await call(byCategoryRoute, "/statistics/by-category?date=1852-12-31"), "/statistics/by-category");
    const byFacility = await json(await call(byFacilityRoute, "/statistics/by-facility?date=1852-12-31"), "/statistics/by-facility");
    expect((byFacility.facilities as { slug: string; count: number }[]).find((entry) => entry.slug === slugs.facility)?.count).toBe(2);
    await json(await call(movementsRoute, "/statistics/movements"), "/statistics/movements");
  });
});

describe("HTTP behaviour", () => {
  it("lets any origin read, with cache headers", async () => {
    const response = await call(listCourtsRoute, "/courts");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(response.headers.get("cache-control")).toMatch(/s-maxage=\d+/);
    expect(response.headers.get("cache-control")).toMatch(/stale-while-revalidate=\d+/);
  });

  it("answers a preflight for reading only", async () => {
    const response = prisonersRoute.OPTIONS();
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
  });

  it.each(["POST", "PUT", "PATCH", "DELETE"] as const)("refuses %s with 405 and no CORS", async (method) => {
    const response = prisonersRoute[method]();
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers 304 to a current ETag and 200 to a stale one", async () => {
    const path = withQuery("/prisoners", { q: token });
    const first = await call(listPrisoners, path);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^".+"$/);
    const again = await call(listPrisoners, path, { headers: { "If-None-Match": etag as string } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const stale = await call(listPrisoners, path, { headers: { "If-None-Match": '"stale"' } });
    expect(stale.status).toBe(200);
  });
});
