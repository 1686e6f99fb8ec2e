import { createHash } from "node:crypto";
import type { z } from "zod";
import { isDatabaseUnavailable, RuleViolation } from "../data/errors";
import { fieldErrorsOf, type FieldErrors } from "../validation/common";
import { queryOf } from "../validation/api";

/**
 * How every /api/v1 route answers: JSON through a response schema, problem details on failure,
 * cache headers, an ETag, and CORS open to any origin for reading only.
 *
 * Everything here is public and the same for every caller (no cookie is read), so shared caches
 * may keep it: a surge of readers when a case is in the news then costs one render per minute.
 */

/** How long a shared cache may serve a response fresh, and then stale while it refetches. */
export const cachePolicies = {
  /** Lists, records and the count: a change shows within a minute. */
  standard: "public, max-age=60, s-maxage=60, stale-while-revalidate=300",
  /** The document and the exports change rarely or are expensive. */
  long: "public, max-age=300, s-maxage=3600, stale-while-revalidate=86400",
} as const;

export type CachePolicy = keyof typeof cachePolicies;

const READ_METHODS = "GET, HEAD, OPTIONS";

/** Headers that let any site read the API from a browser, for reading only. */
export const corsHeaders: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": READ_METHODS,
  "Access-Control-Expose-Headers": "ETag, Link, Content-Disposition",
};

/** A refusal the caller can act on, answered as application/problem+json. */
export class ApiProblem extends Error {
  constructor(
    readonly status: 400 | 404,
    readonly title: string,
    readonly detail?: string,
    readonly fieldErrors?: FieldErrors,
  ) {
    super(title);
  }
}

export function problemResponse(problem: {
  status: number;
  title: string;
  detail?: string;
  fieldErrors?: FieldErrors;
}, extraHeaders: Record<string, string> = {}): Response {
  const body = {
    type: "about:blank",
    title: problem.title,
    status: problem.status,
    ...(problem.detail ? { detail: problem.detail } : {}),
    ...(problem.fieldErrors ? { fieldErrors: problem.fieldErrors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: {
      ...corsHeaders,
      "Content-Type": "application/problem+json",
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...extraHeaders,
    },
  });
}

/** The request's query checked by `schema`; every refused parameter is named in a 400. */
export function parseQuery<Schema extends z.ZodType>(request: Request, schema: Schema): z.output<Schema> {
  const result = schema.safeParse(queryOf(new URL(request.url)));
  if (!result.success) {
    const fieldErrors = fieldErrorsOf(result.error);
    // A strict object reports unknown parameters as one form-level error; name each as a field.
    const unknown = result.error.issues.flatMap((issue) => (issue.code === "unrecognized_keys" ? issue.keys : []));
    if (unknown.length > 0) {
      delete fieldErrors._form;
      for (const key of unknown) fieldErrors[key] = ["is not a parameter of this endpoint"];
    }
    throw new ApiProblem(400, "Invalid query parameters", "See fieldErrors for each parameter refused.", fieldErrors);
  }
  return result.data;
}

function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const value = tag.trim();
    return value === "*" || value === etag || value === `W/${etag}`;
  });
}

/**
 * A 200 whose body is `data` as `schema` reads it: only the keys the schema lists are sent.
 * With an ETag, so a client or cache that has this exact body gets a 304 instead.
 */
export function jsonResponse<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  data: z.input<Schema>,
  cache: CachePolicy = "standard",
): Response {
  const body = JSON.stringify(schema.parse(data));
  const etag = etagOf(body);
  const headers = {
    ...corsHeaders,
    "Cache-Control": cachePolicies[cache],
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
  };
  if (matches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
}

/**
 * Runs a handler, turning refusals into problem details and anything unexpected into a bare 500:
 * no stack trace or database message leaves the server.
 */
export async function answer(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiProblem) return problemResponse(error);
    if (error instanceof RuleViolation) {
      return problemResponse({ status: 400, title: "Invalid query parameters", fieldErrors: error.fieldErrors });
    }
    if (isDatabaseUnavailable(error)) {
      console.error(`api: the database is unavailable (${(error as Error).message.split("\n").pop()})`);
      return problemResponse({ status: 503, title: "Service unavailable", detail: "The database cannot be reached just now; try again shortly." }, { "Retry-After": "30" });
    }
    console.error("api: unexpected error", error);
    return problemResponse({ status: 500, title: "Internal error" });
  }
}

export function notFound(what: string): ApiProblem {
  return new ApiProblem(404, "Not found", `No published ${what} has this slug.`);
}

/**
 * The GET of a read route: its query checked by `query`, its data loaded and sent through
 * `schema`. `load` answers null for a record that is not published (a 404 naming `what`).
 */
export function readRoute<Query extends z.ZodType, Schema extends z.ZodType, Params extends Record<string, string>>(
  query: Query,
  schema: Schema,
  load: (query: z.output<Query>, params: Params) => Promise<z.input<Schema> | null>,
  what = "record",
) {
  return async function GET(request: Request, context?: { params: Promise<Params> }): Promise<Response> {
    return answer(async () => {
      const parsed = parseQuery(request, query);
      const data = await load(parsed, ((await context?.params) ?? {}) as Params);
      if (data === null) throw notFound(what);
      return jsonResponse(request, schema, data);
    });
  };
}

/** The answer to a CORS preflight: reading is allowed from anywhere, nothing else. */
export function OPTIONS(): Response {
  return new Response(null, {
    status: 204,
    headers: { ...corsHeaders, "Access-Control-Max-Age": "86400", "Access-Control-Allow-Headers": "If-None-Match" , Allow: READ_METHODS },
  });
}

/** Writing is not part of the public API: 405, and no CORS headers, so no browser may try. */
export function methodNotAllowed(): Response {
  return new Response(JSON.stringify({ type: "about:blank", title: "Method not allowed", status: 405 }), {
    status: 405,
    headers: { Allow: READ_METHODS, "Content-Type": "application/problem+json", "Cache-Control": "no-store" },
  });
}

/** The handlers every read-only route exports besides its GET. */
export const readOnly = {
  OPTIONS,
  POST: methodNotAllowed,
  PUT: methodNotAllowed,
  PATCH: methodNotAllowed,
  DELETE: methodNotAllowed,
};
