import { randomUUID, timingSafeEqual } from "node:crypto";
import type { NextRequest } from "next/server";
import { withFreshNonce } from "../security/csp";
import { CACHE_STATUS_HEADER, cacheKeyOf, FILL_HEADER, isAnonymousDocumentRequest, VARY_HEADERS, type PageRequest } from "./keys";
import { isClientOnlyNotFound, isPublicRouteHandler, notFoundPageFor } from "./not-found";
import { publicPageCache, type CacheOutcome, type CachedResponse } from "./page-cache";

export { CACHE_STATUS_HEADER, isCacheablePublicPage, normalisedQuery } from "./keys";

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

function storable(response: CachedResponse): boolean {
  return response.status === 200 && !response.headers.some(([name]) => name === "set-cookie");
}

/** A render that takes longer is abandoned; the request is then answered without the cache. */
const LOOPBACK_TIMEOUT_MS = 30_000;

async function renderThroughLoopback(origin: string, request: NextRequest, path?: string): Promise<CachedResponse> {
  const headers = new Headers({ [FILL_HEADER]: fillSecret(), "accept-encoding": "identity" });
  for (const name of VARY_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const url = request.nextUrl;
  const response = await fetch(`${origin}${path ?? `${url.pathname}${url.search}`}`, {
    headers,
    redirect: "manual",
    cache: "no-store",
    signal: AbortSignal.timeout(LOOPBACK_TIMEOUT_MS),
  });
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

/** The request as lib/cache/keys.ts reads it. */
export function pageRequestOf(request: NextRequest): PageRequest {
  return {
    method: request.method,
    pathname: request.nextUrl.pathname,
    searchParams: request.nextUrl.searchParams,
    header: (name) => request.headers.get(name),
    cookieNames: () => request.cookies.getAll().map((cookie) => cookie.name),
  };
}

function cacheableKey(request: NextRequest, variant: string): string | null {
  return cacheKeyOf(pageRequestOf(request), { isFill: isFill(request), variant });
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
 * The "not found" page readable without script, with status 404, in place of Next.js's
 * client-only one (lib/cache/not-found.ts). It is a cached page of its own, so a stream of
 * missing addresses costs one render each, not two.
 */
async function readableNotFound(origin: string, request: NextRequest, variant: string): Promise<Response | null> {
  const path = notFoundPageFor(request.nextUrl.pathname);
  const key = cacheKeyOf({ ...pageRequestOf(request), pathname: path, searchParams: new URLSearchParams() }, { isFill: false, variant });
  if (key === null) return null;
  const { response, outcome } = await publicPageCache().respond(key, () => renderThroughLoopback(origin, request, path), storable);
  // The outcome told is the "not found" page's own: a hit when it came from the cache.
  return response.status === 200 ? responseFrom({ ...response, status: 404 }, outcome) : null;
}

/** A rendered page sent to one request, or in its place the readable "not found" page when it is Next.js's client-only one. */
async function answerWith(
  rendered: CachedResponse,
  outcome: CacheOutcome,
  origin: string,
  request: NextRequest,
  variant: string,
): Promise<Response> {
  if (isClientOnlyNotFound(rendered.status, rendered.body)) {
    const readable = await readableNotFound(origin, request, variant);
    if (readable) return readable;
  }
  return responseFrom(rendered, outcome);
}

/**
 * A public address the cache does not keep (a mistyped one, a profile's change log), asked for
 * by anyone: rendered through the loopback, not stored, so that a "not found" answer can be
 * replaced by the readable one. Null for every other request: it goes on as it is.
 */
async function readableNotFoundOrNull(origin: string, request: NextRequest, variant: string): Promise<Response | null> {
  if (isPublicRouteHandler(request.nextUrl.pathname)) return null;
  if (!isAnonymousDocumentRequest(pageRequestOf(request), { isFill: isFill(request) })) return null;
  try {
    return await answerWith(await renderThroughLoopback(origin, request), "bypass", origin, request, variant);
  } catch (error) {
    logLoopbackFailure(origin, error);
    return null;
  }
}

/**
 * A response for this request from the public page cache, or null to let the request through.
 * `variant` separates pages that differ by something not in the URL or the headers above (a
 * locale negotiated from a cookie, for instance).
 */
export async function cachedPublicPage(request: NextRequest, variant = ""): Promise<Response | null> {
  const key = cacheableKey(request, variant);
  const origin = internalOrigin();
  if (!origin) return null;
  if (key === null) return readableNotFoundOrNull(origin, request, variant);
  try {
    const { response, outcome } = await publicPageCache().respond(
      key,
      () => renderThroughLoopback(origin, request),
      storable,
    );
    return await answerWith(response, outcome, origin, request, variant);
  } catch (error) {
    logLoopbackFailure(origin, error);
    return null;
  }
}

function logLoopbackFailure(origin: string, error: unknown): void {
  if (loopbackFailureLogged) return;
  loopbackFailureLogged = true;
  console.error(
    `[habeas] page cache: could not render through ${origin} (${(error as Error).message}); serving without the cache. Set HABEAS_INTERNAL_ORIGIN if the server is not on 127.0.0.1.`,
  );
}
