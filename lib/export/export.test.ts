import { randomBytes } from "node:crypto";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/api/v1/export/prisoners.csv/route";
import { GET as exportJson } from "@/app/api/v1/export/prisoners.json/route";
import { GET as getOpenApi } from "@/app/api/v1/openapi.json/route";
import { searchDirectory } from "@/lib/data/directory";
import { disconnect, prisma } from "@/lib/db/client";
import { todayUtc } from "@/lib/dates";
import { call, withQuery } from "@/scripts/test-support/api";
import { responseValidator } from "@/scripts/test-support/openapi";
import { createCustodyPeriod, createPlacement } from "@/scripts/test-support/records";
import { exportColumns } from "./columns";
import { exportStream, openExportStream } from "./stream";

/**
 * The exports against a real database, read back by an independent CSV parser (csv-parse) and
 * JSON.parse, and compared with the directory. This file's people carry a token of its own;
 * custody events fall in 1870-1879, years no other test file uses.
 */

const token = `zzexp${randomBytes(4).toString("hex")}`;
const bulkToken = `zzbulk${randomBytes(4).toString("hex")}`;
const BULK = 3000;

const names = {
  plain: `Aynur Quliyeva ${token}`,
  awkward: `Ramil "Rami" Əliyev, Jr. ${token}`,
  formula: `=HYPERLINK("http://evil.example") ${token}`,
  plus: `+994 ${token}`,
  minus: `-Ruslan ${token}`,
  at: `@SUM(A1) ${token}`,
};
let facilitySlug = "";
let categorySlug = "";

beforeAll(async () => {
  const facility = await prisma.facility.create({
    data: { slug: `${token}-facility`, name: `Prison, "Block 2" ${token}`, kind: "PRISON" },
  });
  const category = await prisma.category.create({ data: { slug: `${token}-category`, name: `Journalist ${token}` } });
  facilitySlug = facility.slug;
  categorySlug = category.slug;
  let serial = 0;
  for (const fullName of Object.values(names)) {
    serial += 1;
    const row = await prisma.prisoner.create({
      data: { slug: `${token}-${serial}`, fullName, state: "PUBLISHED", gender: serial % 2 ? "FEMALE" : "MALE" },
    });
    if (serial <= 3) {
      const period = await createCustodyPeriod({ prisonerId: row.id, start: `187${serial}-02-03` });
      await createPlacement(period.id, facility.id, `187${serial}-02-03`);
      await prisma.prisonerCategory.create({ data: { prisonerId: row.id, categoryId: category.id } });
    } else if (serial === 4) {
      await createCustodyPeriod({ prisonerId: row.id, start: "1875-01-01", end: "1876-06-01", releaseReason: "AMNESTY" });
    }
  }
  await prisma.prisoner.create({ data: { slug: `${token}-draft`, fullName: `Draft ${token}`, state: "DRAFT" } });

  await prisma.prisoner.createMany({
    data: Array.from({ length: BULK }, (_, index) => ({
      slug: `${bulkToken}-${index}`,
      fullName: `Bulk Person ${String(index).padStart(4, "0")} ${bulkToken}`,
      state: "PUBLISHED" as const,
    })),
  });
});

afterAll(async () => {
  await disconnect();
});

type CsvRecord = Record<string, string>;

async function csvOf(query: Record<string, string>) {
  const response = await call(exportCsv, withQuery("/export/prisoners.csv", query));
  expect(response.status).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  // Decoded keeping the byte order mark, which Response.text() would silently drop.
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  // Defaults are strict: a wrong column count or a stray quote throws.
  const records: CsvRecord[] = parse(text, { bom: true, columns: true });
  return { response, text, records };
}

describe("the CSV export", () => {
  it("is RFC 4180 CSV with a BOM, one row per person the directory finds, in its order", async () => {
    const { response, text, records } = await csvOf({ q: token });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="habeas-prisoners-${todayUtc()}.csv"`);
    expect(text.startsWith("\uFEFFslug,full_name,")).toBe(true);
    expect(Buffer.from(text).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(text.endsWith("\r\n")).toBe(true);
    const directory = await searchDirectory({ q: token });
    expect(records.map((record) => record.slug)).toEqual(directory.entries.map((entry) => entry.slug));
    expect(Object.keys(records[0])).toEqual(exportColumns.map((column) => column.name));
  });

  it("keeps quotes, commas and non-Latin letters intact", async () => {
    const { records } = await csvOf({ q: token });
    const awkward = records.find((record) => record.full_name === names.awkward);
    expect(awkward?.held_at_name).toBe(`Prison, "Block 2" ${token}`);
    expect(awkward?.status).toBe("imprisoned");
    expect(awkward?.custody_since).toBe("1872-02-03");
    expect(awkward?.categories).toBe(`Journalist ${token}`);
  });

  it("defuses cells a spreadsheet would run as a formula", async () => {
    const { records } = await csvOf({ q: token });
    const cells = records.map((record) => record.full_name);
    expect(cells).toEqual(expect.arrayContaining([`'${names.formula}`, `'${names.plus}`, `'${names.minus}`, `'${names.at}`]));
    for (const record of records) for (const cell of Object.values(record)) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it("agrees with the directory's status and filters", async () => {
    const { records } = await csvOf({ q: token, status: "released" });
    expect(records.map((record) => record.full_name)).toEqual([`'${names.plus}`]);
    expect(records[0]).toMatchObject({ released_on: "1876-06-01", release_reason: "AMNESTY", held_at: "" });
    const byFacility = await csvOf({ q: token, facility: facilitySlug });
    const directory = await searchDirectory({ q: token, facility: facilitySlug });
    expect(byFacility.records.map((record) => record.slug)).toEqual(directory.entries.map((entry) => entry.slug));
    expect(byFacility.records.length).toBe(3);
    const byCategory = await csvOf({ q: token, category: categorySlug });
    expect(byCategory.records.every((record) => record.category_slugs === categorySlug)).toBe(true);
  });

  it("exports every published person when no filter is given", async () => {
    const { records } = await csvOf({});
    const everyone = await searchDirectory({});
    expect(records.length).toBe(everyone.total);
    expect(records.some((record) => record.slug === `${token}-draft`)).toBe(false);
  });

  it("refuses a parameter it does not know", async () => {
    const response = await call(exportCsv, "/export/prisoners.csv?format=xlsx");
    expect(response.status).toBe(400);
    expect((await response.json()).fieldErrors).toHaveProperty("format");
  });
});

describe("the JSON export", () => {
  it("carries the same rows with unaltered values, as the document describes", async () => {
    const response = await call(exportJson, withQuery("/export/prisoners.json", { q: token }));
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="habeas-prisoners-${todayUtc()}.json"`);
    const body = JSON.parse(await response.text());
    const errorsOf = responseValidator(await getOpenApi().json());
    expect(errorsOf("/export/prisoners.json", 200, body)).toEqual([]);
    const { records } = await csvOf({ q: token });
    expect(body.data.map((row: { slug: string }) => row.slug)).toEqual(records.map((record) => record.slug));
    expect(body.data.map((row: { full_name: string }) => row.full_name)).toContain(names.formula);
    const awkward = body.data.find((row: { full_name: string }) => row.full_name === names.awkward);
    expect(awkward.category_slugs).toEqual([categorySlug]);
  });
});

/** An export of the bulk people in batches of 100, and the size of each batch read so far. */
function bulkExport(format: "csv" | "json") {
  const batches: number[] = [];
  const stream = exportStream(
    format,
    { q: bulkToken },
    { baseUrl: new URL("http://localhost"), batchSize: 100, onBatch: (rows) => batches.push(rows) },
  );
  return { reader: stream.getReader(), batches };
}

/** The same export as a response opens it (the first batch read before answering). */
async function openedBulkExport(format: "csv" | "json") {
  const batches: number[] = [];
  const stream = await openExportStream(
    format,
    { q: bulkToken },
    { baseUrl: new URL("http://localhost"), batchSize: 100, onBatch: (rows) => batches.push(rows) },
  );
  return { stream, batches };
}

describe("streaming", () => {
  it("reads the database one batch at a time, as the reader asks", async () => {
    const { reader, batches } = bulkExport("csv");
    const decoder = new TextDecoder();
    const header = await reader.read();
    expect(decoder.decode(header.value)).toContain("slug,full_name");
    expect(batches).toEqual([]);

    let chunks = 0;
    let text = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks += 1;
      // Each chunk read has cost exactly one more batch: nothing is read ahead of the reader.
      expect(batches.length).toBe(chunks);
      text += decoder.decode(value, { stream: true });
    }
    expect(batches.length).toBe(BULK / 100);
    expect(Math.max(...batches)).toBe(100);
    const records: CsvRecord[] = parse(`${decoder.decode(header.value)}${text}`, { bom: true, columns: true });
    expect(records.length).toBe(BULK);
    expect(new Set(records.map((record) => record.slug)).size).toBe(BULK);
  });

  it("opened for a response, has read the first batch before it answers, and no more", async () => {
    const { stream, batches } = await openedBulkExport("csv");
    expect(batches).toEqual([100]);
    const text = await new Response(stream).text();
    expect(batches.length).toBe(BULK / 100);
    const records: CsvRecord[] = parse(text, { bom: true, columns: true });
    expect(records.length).toBe(BULK);
  });

  it("opened for a response and cancelled before reading, stops reading the database", async () => {
    const { stream, batches } = await openedBulkExport("json");
    await stream.cancel();
    expect(batches).toEqual([100]);
  });

  it("stops reading the database when the reader cancels", async () => {
    const { reader, batches } = bulkExport("json");
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(batches.length).toBe(1);
  });
});
