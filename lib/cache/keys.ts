/**
 * Which requests the public page cache may answer, and under which key (decision 0012).
 *
 * Two places ask: the proxy inside Next.js (lib/cache/proxy.ts) and the front of the production
 * server, before Next.js (lib/cache/front.ts, decision 0024). Both describe their request as a
 * `PageRequest` and get the same answer from here, so a page stored by one is found by the other
 * and neither answers a request the other would refuse.
 */

/** A request as the cache sees it, whatever server received it. */
export type PageRequest = {
  method: string;
  pathname: string;
  searchParams: URLSearchParams;
  /** A request header's value, or null. */
  header(name: string): string | null;
  cookieNames(): string[];
};

/** Says whether a public page came from the cache: hit, miss, bypass or stale. */
export const CACHE_STATUS_HEADER = "x-habeas-cache";

/** Marks the loopback request that renders a page for the cache (lib/cache/proxy.ts). */
export const FILL_HEADER = "x-habeas-cache-fill";

/**
 * Public pages: home, directory, profiles, courts, lawyers, facilities, statistics, and the
 * pages whose text is fixed but whose header shows the live count (about, data dictionary,
 * developers, the "not found" page sent in place of Next.js's: lib/cache/not-found.ts) and the
 * citation page of a profile's event, with or without a two-letter locale
 * prefix (/az/prisoners). Not the files below a profile (portrait, preview image), not a
 * profile's change log, not /api, not /admin.
 */
const PUBLIC_PAGE =
  /^(?:\/[a-z]{2})?(?:|\/statistics|\/about|\/data|\/developers|\/page-not-found(?:\/profile)?|\/(?:prisoners|courts|lawyers|facilities)(?:\/[^/]+)?|\/prisoners\/[^/]+\/cite\/[^/]+)\/?$/;

/** Headers the rendered page depends on, besides the URL: they are part of the key and sent on. */
export const VARY_HEADERS = ["host", "x-forwarded-host", "x-forwarded-proto", "next-url", "accept"];

/** A signed-in visitor always gets a fresh render, in case a page ever shows something per user. */
const SESSION_COOKIE = /(^|[._-])session|auth/i;

export function isCacheablePublicPage(pathname: string): boolean {
  return PUBLIC_PAGE.test(pathname);
}

/** The query with its parameters in a stable order (values of one name keep their order), minus Next's `_rsc` marker. */
export function normalisedQuery(searchParams: URLSearchParams): string {
  const entries = [...searchParams.entries()].filter(([name]) => name !== "_rsc");
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(entries).toString();
}

function hasSession(request: PageRequest): boolean {
  if (request.header("authorization") !== null) return true;
  return request.cookieNames().some((name) => SESSION_COOKIE.test(name));
}

/**
 * The client router's requests for a page's RSC payload (prefetches and navigations) are left
 * to Next.js. Rendered through the loopback they came back as the HTML page, which the router
 * cannot use: every link followed fell back to a full page load, and the cache filled with HTML.
 * The proxy cannot tell them by their own marks: Next.js removes the `RSC` header, the other
 * router headers and the `_rsc` parameter from the request the proxy sees
 * (next/dist/server/web/adapter.js). A browser marks them itself: the router's requests are
 * fetch() calls, sent with `Sec-Fetch-Dest: empty`, where following a link or opening a page
 * sends `document`. Clients that send no such header (feed readers, crawlers, curl) are answered
 * from the cache as before. The front of the server sees the router's own marks as well.
 */
function isScriptFetch(request: PageRequest): boolean {
  return (
    request.header("sec-fetch-dest") === "empty" ||
    request.header("rsc") !== null ||
    request.header("next-router-prefetch") !== null ||
    request.header("next-router-state-tree") !== null ||
    request.searchParams.has("_rsc")
  );
}

/**
 * A production GET for a whole page by a visitor who is not signed in, not the loopback fill and
 * not the client router: a request whose answer is the same for anyone who asks.
 */
export function isAnonymousDocumentRequest(request: PageRequest, options: { isFill: boolean }): boolean {
  if (process.env.NODE_ENV !== "production") return false;
  return request.method === "GET" && !options.isFill && !hasSession(request) && !isScriptFetch(request);
}

/**
 * The cache key for this request, or null when the cache must not answer it: not production,
 * not a GET, the loopback fill itself, a signed-in visitor, the client router, or not a
 * public page. `variant` separates pages that differ by something not in the URL or the headers
 * above.
 */
export function cacheKeyOf(request: PageRequest, options: { isFill: boolean; variant?: string }): string | null {
  if (!isAnonymousDocumentRequest(request, options)) return null;
  if (!isCacheablePublicPage(request.pathname)) return null;
  return JSON.stringify([
    options.variant ?? "",
    request.pathname,
    normalisedQuery(request.searchParams),
    ...VARY_HEADERS.map((name) => request.header(name) ?? ""),
  ]);
}
