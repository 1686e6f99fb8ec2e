import { createHash } from "node:crypto";
import { isDatabaseUnavailable } from "../data/errors";
import { publicBaseUrl } from "../site-url";

/** The site's public origin for absolute links in a feed (HABEAS_PUBLIC_URL, else the request's host). */
export function baseUrlOf(request: Request): URL {
  return publicBaseUrl(process.env.HABEAS_PUBLIC_URL, {
    host: request.headers.get("host"),
    forwardedHost: request.headers.get("x-forwarded-host"),
    forwardedProto: request.headers.get("x-forwarded-proto"),
  });
}

/** Public documents may be cached briefly by browsers and shared caches; they hold nothing per user. */
const CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=600";

function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch === "*" || ifNoneMatch.split(",").some((candidate) => candidate.trim().replace(/^W\//, "") === etag);
}

/**
 * A public document with validators: a strong ETag from the body itself and Last-Modified from
 * the records it shows. A conditional request for an unchanged document gets 304 and no body.
 */
export function publicDocument(
  request: Request,
  body: string,
  options: { contentType: string; lastModified: Date; filename?: string },
): Response {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
  // HTTP dates have whole seconds.
  const lastModified = new Date(Math.floor(options.lastModified.getTime() / 1000) * 1000);
  const headers = new Headers({
    "Content-Type": options.contentType,
    "Cache-Control": CACHE_CONTROL,
    ETag: etag,
    "Last-Modified": lastModified.toUTCString(),
    "X-Content-Type-Options": "nosniff",
    "Access-Control-Allow-Origin": "*",
  });
  if (options.filename) headers.set("Content-Disposition", `inline; filename="${options.filename}"`);
  const ifNoneMatch = request.headers.get("if-none-match");
  const ifModifiedSince = request.headers.get("if-modified-since");
  const notModified = ifNoneMatch
    ? matches(ifNoneMatch, etag)
    : ifModifiedSince !== null && !Number.isNaN(Date.parse(ifModifiedSince)) && lastModified.getTime() <= Date.parse(ifModifiedSince);
  if (notModified) return new Response(null, { status: 304, headers });
  return new Response(request.method === "HEAD" ? null : body, { status: 200, headers });
}

export function notFoundDocument(): Response {
  return new Response("Not found\n", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=60" },
  });
}

/** `?limit=N` within 1..max, else the default. */
export function limitOf(request: Request, fallback = 50, max = 200): number {
  const raw = new URL(request.url).searchParams.get("limit");
  if (!raw || !/^\d{1,4}$/.test(raw)) return fallback;
  return Math.max(1, Math.min(max, Number(raw)));
}

/**
 * A document rendered from the database, or 503 with Retry-After when the database cannot be
 * reached (a feed reader or calendar then tries again later instead of logging a server error).
 */
export async function unlessDatabaseDown(render: () => Promise<Response>): Promise<Response> {
  try {
    return await render();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    console.error(`feeds: the database is unavailable (${(error as Error).message.split("\n").pop()})`);
    return new Response("The database cannot be reached just now; try again shortly.\n", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "30", "Cache-Control": "no-store" },
    });
  }
}
