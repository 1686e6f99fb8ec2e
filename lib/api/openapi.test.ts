import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { responseValidator } from "@/scripts/test-support/openapi";

/** The served document, checked by an OpenAPI validator that shares nothing with its generator. */

async function served() {
  const response = GET();
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("application/json");
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  return response.json();
}

/** The API paths that have a route handler, as the document writes them. */
function routePaths(directory = path.resolve("app/api/v1"), prefix = ""): string[] {
  const found: string[] = [];
  for (const name of readdirSync(directory)) {
    const full = path.join(directory, name);
    if (!statSync(full).isDirectory()) continue;
    const segment = name.replace(/^\[(.+)\]$/, "{$1}");
    if (readdirSync(full).includes("route.ts")) found.push(`${prefix}/${segment}`);
    found.push(...routePaths(full, `${prefix}/${segment}`));
  }
  return found;
}

describe("the OpenAPI document at /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(await served());
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("describes exactly the routes the app serves, besides itself", async () => {
    const document = await served();
    const documented = Object.keys(document.paths).sort();
    const served_ = routePaths().filter((route) => route !== "/openapi.json").sort();
    expect(documented).toEqual(served_);
  });

  it("documents GET only, with a problem response for bad parameters", async () => {
    const document = await served();
    for (const [route, item] of Object.entries<Record<string, { responses: Record<string, unknown> }>>(document.paths)) {
      expect(Object.keys(item), route).toEqual(["get"]);
      expect(Object.keys(item.get.responses), route).toContain("400");
    }
  });

  it("takes the directory's filters for the list and the exports", async () => {
    const document = await served();
    const names = (route: string) =>
      document.paths[route].get.parameters.map((parameter: { name: string }) => parameter.name).sort();
    const filters = ["article", "category", "court", "facility", "gender", "q", "sort", "status", "year"];
    expect(names("/prisoners")).toEqual([...filters, "cursor", "limit"].sort());
    expect(names("/export/prisoners.csv")).toEqual(filters);
    expect(names("/export/prisoners.json")).toEqual(filters);
  });

  it("has response schemas that refuse a field they do not list", async () => {
    const errorsOf = responseValidator(await served());
    const count = { count: 3, day: "2014-11-01", computedAt: "2026-11-27T10:00:00.000Z", lastRecordChange: null };
    expect(errorsOf("/count", 200, count)).toEqual([]);
    expect(errorsOf("/count", 200, { ...count, internalNotes: "x" })).not.toEqual([]);
    expect(errorsOf("/count", 200, { ...count, day: "1 November 2014" })).not.toEqual([]);
  });
});
