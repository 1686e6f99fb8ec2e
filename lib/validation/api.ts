import { z } from "zod";
import { countQuery } from "./count";
import { directoryParams } from "./directory";

/**
 * Query parameters of the public API (/api/v1) and the exports. The prisoner filters are the
 * directory's own (lib/validation/directory.ts), so a directory address and an API call with
 * the same parameters select the same people. Unlike the directory page, which drops a bad
 * parameter and answers anyway, the API refuses the request with every problem named: a
 * program wants to know, and a silently widened query would be a wrong answer.
 */

export const API_DEFAULT_LIMIT = 50;
export const API_MAX_LIMIT = 200;

const filters = directoryParams.omit({ page: true }).shape;

export const prisonerListQuery = z.strictObject({
  ...filters,
  cursor: z.string().max(1000, { error: "is not a cursor of this list" }).optional(),
  limit: z.coerce
    .number({ error: "is not a number" })
    .int({ error: "is not a whole number" })
    .min(1, { error: "must be at least 1" })
    .max(API_MAX_LIMIT, { error: `must be at most ${API_MAX_LIMIT}` })
    .default(API_DEFAULT_LIMIT),
});
export type PrisonerListQuery = z.output<typeof prisonerListQuery>;

/** The exports take the directory's search, filters and order; no filter exports everyone. */
export const exportQuery = z.strictObject(filters);
export type ExportQuery = z.output<typeof exportQuery>;

/** Lists and statistics that describe one day: today (UTC) unless ?date= says otherwise. */
export const dayQuery = countQuery;

export const noQuery = z.strictObject({});

/**
 * The query of a request as one object for a schema: a repeated parameter keeps its first
 * value, and an empty one counts as absent, as the directory's form submits an unchosen select.
 */
export function queryOf(url: URL): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (Object.hasOwn(query, key) || value.trim() === "") continue;
    query[key] = value;
  }
  return query;
}
