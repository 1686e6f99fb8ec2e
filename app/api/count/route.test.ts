import { afterAll, describe, expect, it } from "vitest";
import { disconnect } from "@/lib/db/client";
import { addDays, todayUtc } from "@/lib/dates";
import { GET } from "./route";

/** The JSON count, called as Next.js calls it, against the real database. */
const get = (query = "") => GET(new Request(`http://localhost/api/count${query}`));

afterAll(async () => {
  await disconnect();
});

describe("GET /api/count", () => {
  it("answers with today's count and its provenance, and nothing else", async () => {
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(["computedAt", "count", "day", "lastRecordChange"]);
    expect(body.day).toBe(todayUtc());
    expect(Number.isInteger(body.count)).toBe(true);
    expect(Number.isNaN(Date.parse(body.computedAt))).toBe(false);
  });

  it("answers for a past date", async () => {
    const body = await (await get("?date=2014-11-01")).json();
    expect(body.day).toBe("2014-11-01");
  });

  it.each([
    ["2014-13-45", "Enter a date as YYYY-MM-DD"],
    ["1 November 2014", "Enter a date as YYYY-MM-DD"],
    ["", "Enter a date as YYYY-MM-DD"],
    [addDays(todayUtc(), 1), "known up to today"],
  ])("refuses date=%s with a 400 that says why", async (date, message) => {
    const response = await get(`?date=${encodeURIComponent(date)}`);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.message).toContain(message);
    expect(body.fieldErrors.date[0]).toContain(message);
  });
});
