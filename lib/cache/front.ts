import type { IncomingMessage, ServerResponse } from "node:http";
import { newNonce, nonceSplitOf, routeKindOf, withFreshNonce } from "../security/csp";
import { acceptsGzip, compressedSplitNow, compressSplit, gzipWithNonce, type CompressedSplit } from "./gzip-with-nonce";
import { CACHE_STATUS_HEADER, cacheKeyOf, FILL_HEADER, type PageRequest } from "./keys";
import { publicPageCache, type CachedResponse } from "./page-cache";

/**
 * The front of the production server (scripts/server.ts, docs/decisions/0024-front-of-the-server.md):
 * a public page already in the page cache is answered here, before Next.js sees the request,
 * compressed once per stored page and sent with a fresh nonce. Everything else, and every page not
 * stored yet, goes on to Next.js, whose proxy routes it, renders and stores it as before.
 *
 * The key is the proxy's own (lib/cache/keys.ts), read from the request as Next.js presents it
 * to the proxy: Next.js fills in X-Forwarded-Host and X-Forwarded-Proto when the client sent
 * none, so this does too. A request the proxy would not answer from the cache is never answered
 * here: the same rules decide, and only pages that passed the language routing and came back 200
 * are ever stored.
 */

/** Says which layer answered, for tests and for reading a response by hand. */
export const CACHE_LAYER_HEADER = "x-habeas-cache-layer";

function cookieNames(cookie: string | undefined): string[] {
  if (!cookie) return [];
  return cookie.split(";").map((pair) => pair.split("=")[0].trim());
}

function headerValue(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

/** The request as the proxy sees it, X-Forwarded-* defaults included (next/dist/server/base-server.js). */
export function pageRequestFromNode(request: IncomingMessage, url: URL): PageRequest {
  const encrypted = Boolean((request.socket as { encrypted?: boolean }).encrypted);
  return {
    method: request.method ?? "GET",
    pathname: url.pathname,
    searchParams: url.searchParams,
    header(name) {
      const value = headerValue(request, name);
      if (value !== null) return value;
      // Next.js falls back to the name it was started with, which scripts/server.ts sets to "localhost".
      if (name === "x-forwarded-host") return headerValue(request, "host") ?? "localhost";
      if (name === "x-forwarded-proto") return encrypted ? "https" : "http";
      return null;
    },
    cookieNames: () => cookieNames(request.headers.cookie),
  };
}

/**
 * The cache key when this request is one the cache may answer, or null. Cheap, and synchronous,
 * so that every other request reaches Next.js without waiting for anything.
 */
export function frontCacheKey(request: IncomingMessage): string | null {
  if (request.method !== "GET") return null;
  const url = plainTarget(request.url ?? "");
  if (!url || routeKindOf(url.pathname) !== "public") return null;
  return cacheKeyOf(pageRequestFromNode(request, url), { isFill: request.headers[FILL_HEADER] !== undefined });
}

/**
 * The target as a URL when it is a plain origin-form path the URL parser leaves as it is, or null.
 * Anything the parser would rewrite ("//host/x", backslashes, "/a/../b", a fragment) or refuse
 * ("/\\a:99999") goes on to Next.js, which has its own rules for such targets: the front never
 * answers for an address other than the one asked for, and never throws.
 */
export function plainTarget(target: string): URL | null {
  if (!target.startsWith("/") || target.startsWith("//") || /[\\#]/.test(target)) return null;
  let url: URL;
  try {
    url = new URL(target, "http://front.invalid");
  } catch {
    return null;
  }
  if (url.host !== "front.invalid" || url.pathname + url.search !== target) return null;
  return url;
}

function send(response: ServerResponse, stored: CachedResponse, compressed: CompressedSplit | null): void {
  const split = nonceSplitOf(stored);
  const nonce = newNonce();
  const fresh = split && !compressed ? withFreshNonce(stored, nonce) : null;
  const headers = new Map<string, string>();
  for (const [name, value] of stored.headers) {
    headers.set(name, split && value.includes(split.nonce) ? value.replaceAll(split.nonce, nonce) : value);
  }
  headers.set(CACHE_STATUS_HEADER, "hit");
  headers.set(CACHE_LAYER_HEADER, "front");
  let body: Buffer;
  if (compressed) {
    body = Buffer.concat(gzipWithNonce(compressed, nonce));
    headers.set("content-encoding", "gzip");
    const vary = headers.get("vary");
    if (!vary) headers.set("vary", "Accept-Encoding");
    else if (!/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary)) headers.set("vary", `${vary}, Accept-Encoding`);
  } else {
    const plain = fresh?.body ?? stored.body;
    body = Buffer.from(plain.buffer, plain.byteOffset, plain.byteLength);
  }
  headers.set("content-length", String(body.byteLength));
  response.writeHead(stored.status, Object.fromEntries(headers));
  response.end(body);
}

/**
 * Answers the request from the page cache and resolves true, or resolves false without touching
 * the response (nothing stored for its key, the cache off or not listening).
 */
export async function answerFromCache(request: IncomingMessage, response: ServerResponse, key: string): Promise<boolean> {
  const stored = await publicPageCache().stored(key);
  if (!stored) return false;
  const split = nonceSplitOf(stored);
  let compressed: CompressedSplit | null = null;
  if (split && acceptsGzip(request.headers["accept-encoding"])) {
    // Compressed once per stored page; the first hit waits for it (a few milliseconds).
    compressed = compressedSplitNow(split) ?? (await compressSplit(split));
  }
  if (response.headersSent) return false;
  send(response, stored, compressed);
  return true;
}
