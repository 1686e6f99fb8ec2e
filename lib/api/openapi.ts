import { z } from "zod";
import { exportColumns } from "../export/columns";
import { dayQuery, exportQuery, noQuery, prisonerListQuery } from "../validation/api";
import { parameterLabels } from "../validation/directory";
import * as schemas from "./schemas";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the handlers parse
 * their queries and responses with (zod's own JSON Schema output, draft 2020-12, which is the
 * dialect of OpenAPI 3.1). Only the paths and prose are written here.
 */

type JsonObject = Record<string, unknown>;
type QuerySchema = z.ZodObject;

const REF = (id: string) => ({ $ref: `#/components/schemas/${id}` });

const parameterDescriptions: Record<string, string> = {
  ...Object.fromEntries(Object.entries(parameterLabels).map(([key, label]) => [key, `${label}, as in the directory.`])),
  q: "Words that must each appear in some recorded form of the name (any script, diacritics ignored).",
  status: "imprisoned: in detention today; released: in custody before, not now; all: everyone.",
  category: "A category slug (see /api/v1/prisoners results).",
  facility: "A facility slug: people held there now.",
  court: "A court slug: people with a public hearing there.",
  article: "A criminal code article id: people charged under it.",
  year: "People whose custody began in this year.",
  sort: "name: by name; arrested: most recent arrest first.",
  cursor: "Opaque: the nextCursor of the previous page. Valid only with the same sort.",
  limit: "Results per page.",
  date: "A past day, YYYY-MM-DD (UTC); today when absent.",
};

/** One query parameter per property of a strict zod query schema, as clients send them. */
function parametersOf(query: QuerySchema): JsonObject[] {
  const json = z.toJSONSchema(query, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, JsonObject>;
  };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: false,
    description: parameterDescriptions[name],
    schema: name === "date" ? { ...schema, format: "date" } : schema,
  }));
}

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: REF("Problem") } },
});

function read(options: {
  summary: string;
  description?: string;
  operationId: string;
  tag: string;
  query: QuerySchema;
  schema: string;
  slug?: boolean;
}): JsonObject {
  const parameters = parametersOf(options.query);
  if (options.slug) {
    parameters.unshift({ name: "slug", in: "path", required: true, schema: { type: "string", maxLength: 120 } });
  }
  return {
    get: {
      summary: options.summary,
      ...(options.description ? { description: options.description } : {}),
      operationId: options.operationId,
      tags: [options.tag],
      parameters,
      responses: {
        "200": {
          description: "OK",
          headers: {
            ETag: { schema: { type: "string" } },
            "Cache-Control": { schema: { type: "string" } },
          },
          content: { "application/json": { schema: REF(options.schema) } },
        },
        "304": { description: "Not modified: the If-None-Match ETag is current." },
        "400": problem("A query parameter was refused; fieldErrors names each."),
        ...(options.slug ? { "404": problem("No published record has this slug (drafts are never found).") } : {}),
      },
    },
  };
}

function download(format: "csv" | "json"): JsonObject {
  const row = {
    type: "object",
    properties: Object.fromEntries(exportColumns.map((column) => [column.name, column.jsonSchema])),
    required: exportColumns.map((column) => column.name),
    additionalProperties: false,
  };
  return {
    get: {
      summary: `Published people as ${format.toUpperCase()}`,
      description:
        "Streamed. The same search and filters as the directory; none exports everyone. Every column is described at /data.",
      operationId: `exportPrisoners${format === "csv" ? "Csv" : "Json"}`,
      tags: ["Exports"],
      parameters: parametersOf(exportQuery),
      responses: {
        "200": {
          description: "The file, with a dated name in Content-Disposition.",
          headers: { "Content-Disposition": { schema: { type: "string" } } },
          content:
            format === "csv"
              ? { "text/csv": { schema: { type: "string" } } }
              : {
                  "application/json": {
                    schema: {
                      type: "object",
                      properties: {
                        generatedOn: { type: "string", format: "date" },
                        columns: { type: "array", items: { type: "string" } },
                        data: { type: "array", items: row },
                      },
                      required: ["generatedOn", "columns", "data"],
                    },
                  },
                },
        },
        "400": problem("A query parameter was refused; fieldErrors names each."),
        "429": problem("Too many exports at once from this address or in all; try again after Retry-After seconds."),
        "503": problem("The database cannot be reached just now; try again after Retry-After seconds."),
      },
    },
  };
}

/** Component schemas from the registry, refs pointing into #/components/schemas. */
function componentSchemas(): Record<string, JsonObject> {
  const generated = z.toJSONSchema(schemas.apiRegistry, {
    target: "draft-2020-12",
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, JsonObject> };
  return Object.fromEntries(
    Object.entries(generated.schemas).map(([id, schema]) => [
      id,
      // Each schema stands alone in zod's output; in the document, the dialect and the
      // address are the document's own.
      Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema" && key !== "$id")),
    ]),
  );
}

let cached: JsonObject | null = null;

export function openApiDocument(): JsonObject {
  cached ??= {
    openapi: "3.1.0",
    info: {
      title: "Habeas public API",
      version: "1.0.0",
      description:
        "Read-only JSON about published records of political prisoners: people and their timelines, courts, lawyers, places of detention, the count and statistics. Drafts and private facts are never served. Status is derived from dated custody events; see /data for the rules. Free to read from any origin (CORS), cached for a minute.",
      license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
    },
    jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base",
    servers: [{ url: "/api/v1" }],
    tags: [
      { name: "Prisoners" },
      { name: "Courts" },
      { name: "Lawyers" },
      { name: "Facilities" },
      { name: "Count" },
      { name: "Statistics" },
      { name: "Exports" },
    ],
    paths: {
      "/prisoners": read({
        summary: "Search published people",
        description:
          "The directory's search and filters; cursor pagination in the directory's order (name, or most recent arrest). Walk pages by passing nextCursor back until it is null.",
        operationId: "listPrisoners",
        tag: "Prisoners",
        query: prisonerListQuery,
        schema: "PrisonerList",
      }),
      "/prisoners/{slug}": read({
        summary: "One published person with the full public timeline",
        operationId: "getPrisoner",
        tag: "Prisoners",
        query: noQuery,
        schema: "Prisoner",
        slug: true,
      }),
      "/courts": read({ summary: "Published courts", operationId: "listCourts", tag: "Courts", query: noQuery, schema: "CourtList" }),
      "/courts/{slug}": read({
        summary: "One published court with its public hearings",
        operationId: "getCourt",
        tag: "Courts",
        query: noQuery,
        schema: "Court",
        slug: true,
      }),
      "/lawyers": read({ summary: "Published lawyers", operationId: "listLawyers", tag: "Lawyers", query: noQuery, schema: "LawyerList" }),
      "/lawyers/{slug}": read({
        summary: "One published lawyer with their clients, hearings and motions",
        operationId: "getLawyer",
        tag: "Lawyers",
        query: noQuery,
        schema: "Lawyer",
        slug: true,
      }),
      "/facilities": read({
        summary: "Published places of detention and how many each held on a day",
        operationId: "listFacilities",
        tag: "Facilities",
        query: dayQuery,
        schema: "FacilityList",
      }),
      "/facilities/{slug}": read({
        summary: "One published place of detention: who is held there on a day, and who was before",
        operationId: "getFacility",
        tag: "Facilities",
        query: dayQuery,
        schema: "Facility",
        slug: true,
      }),
      "/count": read({
        summary: "How many are imprisoned, now or on a past day",
        operationId: "getCount",
        tag: "Count",
        query: dayQuery,
        schema: "Count",
      }),
      "/statistics/imprisoned": read({
        summary: "The count on every day",
        operationId: "getImprisonedSeries",
        tag: "Statistics",
        query: noQuery,
        schema: "ImprisonedSeries",
      }),
      "/statistics/by-category": read({
        summary: "Imprisoned on a day, by category",
        operationId: "getImprisonedByCategory",
        tag: "Statistics",
        query: dayQuery,
        schema: "ImprisonedByCategory",
      }),
      "/statistics/by-facility": read({
        summary: "Imprisoned on a day, by place of detention",
        operationId: "getImprisonedByFacility",
        tag: "Statistics",
        query: dayQuery,
        schema: "ImprisonedByFacility",
      }),
      "/statistics/movements": read({
        summary: "Arrests and releases per month",
        operationId: "getMovements",
        tag: "Statistics",
        query: noQuery,
        schema: "Movements",
      }),
      "/export/prisoners.csv": download("csv"),
      "/export/prisoners.json": download("json"),
    },
    components: { schemas: componentSchemas() },
  };
  return cached;
}
