import { randomUUID, timingSafeEqual } from "node:crypto";
import type { NextRequest } from "next/server";
import { withFreshNonce } from "../security/csp";
import { publicPageCache, type CacheOutcome, type CachedResponse } from "./page-cache";

/**
 * Serves public pages from the page cache (lib/cache/page-cache.ts), for proxy.ts.
 *
 * On a miss the page is rendered by this same server through a loopback request that carries a
 * per-process secret header, no cookies and no credentials: whatever visitor caused the miss, the
 * stored page is the anonymous public page (security item 14). Pages depending on the query
 * string (the directory's search and filters) are cached per normalised query, like any other.
 *
 * Returns null when the request is not for the cache (not a public page, not a GET, a signed-in
 * visitor, the loopback itself, development): the caller then goes on as it would without it.
 */

export const CACHE_STATUS_HEADER = "x-habeas-cache";
const FILL_HEADER = "x-habeas-cache-fill";

/**
 * Public pages: home, directory, profiles, courts, lawyers, facilities, statistics, and the
 * pages whose text is fixed but whose header shows the live count (about, data dictionary,
 * developers) and the citation page of a profile's event, with or without a two-letter locale
 * prefix (/az/prisoners). Not the files below a profile (portrait, preview image), not a
 * profile's change log, not /api, not /admin.
 */
const PUBLIC_PAGE =
  /^(?:\/[a-z]{2})?(?:|\/statistics|\/about|\/data|\/developers|\/(?:prisoners|courts|lawyers|facilities)(?:\/[^/]+)?|\/prisoners\/[^/]+\/cite\/[^/]+)\/?$/;

/** Headers the rendered page depends on, besides the URL: they are part of the key and sent on. */
const VARY_HEADERS = [
  "host",
  "x-forwarded-host",
  "x-forwarded-proto",
  "next-url",
  "accept",
];

/** Not kept with a stored response: they describe one transfer, not the page. */
const TRANSFER_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date"]);

/**
 * Instructions from the proxy to the server (x-middleware-rewrite: /en/prisoners when the
 * language routing rewrote an unprefixed English address, x-middleware-next, …). The server
 * echoes them on the rendered response; sent back from the proxy they would be obeyed again,
 * and a relative rewrite target there is an invalid URL (every English page answered 500).
 */
const PROXY_DIRECTIVE = /^x-middleware-/i;

/** The headers of a rendered page worth keeping with it in the cache. */
export function storedHeaders(headers: Headers): [string, string][] {
  const kept: [string, string][] = [];
  headers.forEach((value, name) => {
    if (!TRANSFER_HEADERS.has(name) && !PROXY_DIRECTIVE.test(name)) kept.push([name, value]);
  });
  return kept;
}

/** A signed-in visitor always gets a fresh render, in case a page ever shows something per user. */
const SESSION_COOKIE = /(^|[._-])session|auth/i;

const globalForSecret = globalThis as unknown as { [key: symbol]: string | undefined };
const SECRET_KEY = Symbol.for("habeas.publicPageCache.fillSecret");
const fillSecret = (): string => (globalForSecret[SECRET_KEY] ??= randomUUID());

function isFill(request: NextRequest): boolean {
  const given = request.headers.get(FILL_HEADER);
  if (!given) return false;
  const expected = Buffer.from(fillSecret());
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Where this server answers itself: HABEAS_INTERNAL_ORIGIN, or the loopback on the port next start set. */
function internalOrigin(): string | null {
  if (process.env.HABEAS_INTERNAL_ORIGIN) return process.env.HABEAS_INTERNAL_ORIGIN.replace(/\/$/, "");
  return process.env.PORT ? `http://127.0.0.1:${process.env.PORT}` : null;
}

export function isCacheablePublicPage(pathname: string): boolean {
  return PUBLIC_PAGE.test(pathname);
}

/** The query with its parameters in a stable order (values of one name keep their order), minus Next's `_rsc` marker. */
export function normalisedQuery(searchParams: URLSearchParams): string {
  const entries = [...searchParams.entries()].filter(([name]) => name !== "_rsc");
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(entries).toString();
}

function cacheKey(request: NextRequest, variant: string): string {
  const url = request.nextUrl;
  return JSON.stringify([variant, url.pathname, normalisedQuery(url.searchParams), ...VARY_HEADERS.map((name) => request.headers.get(name) ?? "")]);
}

function hasSession(request: NextRequest): boolean {
  if (request.headers.has("authorization")) return true;
  return request.cookies.getAll().some((cookie) => SESSION_COOKIE.test(cookie.name));
}

function storable(response: CachedResponse): boolean {
  return response.status === 200 && !response.headers.some(([name]) => name === "set-cookie");
}

async function renderThroughLoopback(origin: string, request: NextRequest): Promise<CachedResponse> {
  const headers = new Headers({ [FILL_HEADER]: fillSecret(), "accept-encoding": "identity" });
  for (const name of VARY_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const url = request.nextUrl;
  const response = await fetch(`${origin}${url.pathname}${url.search}`, { headers, redirect: "manual", cache: "no-store" });
  const body = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, headers: storedHeaders(response.headers), body, storedAt: Date.now() };
}

/**
 * A stored response sent to one request. It goes out uncompressed from here: the server drops a
 * proxy response's Content-Encoding and Content-Length (next-server.js: the body "may have been
 * transparently decoded") and compresses what the client accepts itself, so a body compressed
 * once at fill time cannot be sent as it is (docs/decisions/0020-light-public-pages.md).
 */
function responseFrom(stored: CachedResponse, outcome: CacheOutcome): Response {
  // The page's nonce is this response's own, not the one it was rendered with (decision 0021).
  const fresh = withFreshNonce(stored);
  const headers = new Headers(fresh.headers);
  headers.set(CACHE_STATUS_HEADER, outcome);
  return new Response(fresh.body.byteLength > 0 ? (fresh.body as Uint8Array<ArrayBuffer>) : null, { status: stored.status, headers });
}

/** Whether this request may be answered from the cache at all, and if so under which key. */
/**
 * The client router's requests for a page's RSC payload (prefetches and navigations) are left
 * to Next.js. Rendered through the loopback they came back as the HTML page, which the router
 * cannot use: every link followed fell back to a full page load, and the cache filled with HTML.
 * The proxy cannot tell them by their own marks: Next.js removes the `RSC` header, the other
 * router headers and the `_rsc` parameter from the request the proxy sees
 * (next/dist/server/web/adapter.js). A browser marks them itself: the router's requests are
 * fetch() calls, sent with `Sec-Fetch-Dest: empty`, where following a link or opening a page
 * sends `document`. Clients that send no such header (feed readers, crawlers, curl) are answered
 * from the cache as before.
 */
function isScriptFetch(request: NextRequest): boolean {
  return request.headers.get("sec-fetch-dest") === "empty";
}

function cacheableKey(request: NextRequest, variant: string): string | null {
  if (process.env.NODE_ENV !== "production") return null;
  if (request.method !== "GET" || isFill(request) || hasSession(request) || isScriptFetch(request)) return null;
  if (!isCacheablePublicPage(request.nextUrl.pathname)) return null;
  return cacheKey(request, variant);
}

/**
 * The stored page for this request, if there is a current one; null otherwise (nothing is
 * rendered). proxy.ts asks this before the language routing: a page is stored only after its
 * fill request went through that routing and was answered 200, and the routing decides by the
 * address alone (i18n/routing.ts: no cookie, no Accept-Language), which is in the key.
 */
export async function storedPublicPage(request: NextRequest, variant = ""): Promise<Response | null> {
  const key = cacheableKey(request, variant);
  if (key === null) return null;
  const stored = await publicPageCache().stored(key);
  return stored ? responseFrom(stored, "hit") : null;
}

let loopbackFailureLogged = false;

/**
 * A response for this request from the public page cache, or null to let the request through.
 * `variant` separates pages that differ by something not in the URL or the headers above (a
 * locale negotiated from a cookie, for instance).
 */
export async function cachedPublicPage(request: NextRequest, variant = ""): Promise<Response | null> {
  const key = cacheableKey(request, variant);
  if (key === null) return null;
  const origin = internalOrigin();
  if (!origin) return null;
  try {
    const { response, outcome } = await publicPageCache().respond(
      key,
      () => renderThroughLoopback(origin, request),
      storable,
    );
    return responseFrom(response, outcome);
  } catch (error) {
    if (!loopbackFailureLogged) {
      loopbackFailureLogged = true;
      console.error(
        `[habeas] page cache: could not render through ${origin} (${(error as Error).message}); serving without the cache. Set HABEAS_INTERNAL_ORIGIN if the server is not on 127.0.0.1.`,
      );
    }
    return null;
  }
}
