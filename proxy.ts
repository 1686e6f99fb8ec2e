import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { routing } from "./i18n/routing";
import { cachedPublicPage } from "./lib/cache/proxy";
import { newNonce, pageCsp, securityHeaders, servedOverHttps, type RouteKind } from "./lib/security/csp";

/**
 * Every request except Next's own files (/_next/: their headers are in next.config.ts). Jobs:
 *   1. public pages: the language in the address (/az/… and /ru/… in those languages, anything
 *      else in English, rewritten internally to /en/…; /en/… redirects to the unprefixed address),
 *      then the public page cache (lib/cache/proxy.ts, decision 0012): a page the language routing
 *      would serve as it is comes from the cache when it can. The address alone decides the
 *      language (no cookie, no Accept-Language), so the address is a sound cache key;
 *   2. the security headers of every response (lib/security/csp.ts, decision 0021): pages get a
 *      Content-Security-Policy with a fresh nonce, which Next.js reads from the request's own
 *      Content-Security-Policy header and writes on its scripts.
 * The proxy refuses nothing: the workspace, the API, feeds and files only get their headers.
 */
const localeRouting = createMiddleware(routing);

/**
 * Addresses of the public site, as the language routing sees them. Not: API, feeds and the
 * embeddable count (route handlers), the workspace (sign-in, set-password links, admin: English
 * only), files with an extension, and a profile's portrait image (a route handler outside
 * [locale]).
 */
const PUBLIC_SITE =
  /^\/(?!api\/|_vercel\/|feeds\/|embed\/|admin(?:\/|$)|sign-in(?:\/|$)|set-password\/|prisoners\/[^/]+\/portrait$|.*\..*)/;
const WORKSPACE = /^\/(?:admin(?:\/|$)|sign-in(?:\/|$)|set-password\/)/;
const EMBED = /^\/embed\//;

function kindOf(pathname: string): RouteKind {
  if (EMBED.test(pathname)) return "embed";
  if (WORKSPACE.test(pathname)) return "workspace";
  if (PUBLIC_SITE.test(pathname)) return "public";
  return "resource";
}

function withHeaders<T extends Response>(response: T, headers: [string, string][]): T {
  for (const [name, value] of headers) response.headers.set(name, value);
  return response;
}

/** The request as the app sees it, carrying the page's policy so that Next.js finds the nonce. */
function withPolicy(request: NextRequest, nonce: string): NextRequest {
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", pageCsp(nonce));
  return new NextRequest(request, { headers });
}

export async function proxy(request: NextRequest) {
  const kind = kindOf(request.nextUrl.pathname);
  const https = servedOverHttps(request.headers.get("x-forwarded-proto"));
  if (kind === "embed" || kind === "resource") return withHeaders(NextResponse.next(), securityHeaders(kind, { https }));

  const nonce = newNonce();
  const headers = securityHeaders(kind, { nonce, https });
  const page = withPolicy(request, nonce);
  if (kind === "workspace") return withHeaders(NextResponse.next({ request: { headers: page.headers } }), headers);

  const routed = withHeaders(localeRouting(page), headers);
  // A redirect (e.g. /en/prisoners → /prisoners) or a refusal is answered as it is.
  if (routed.status >= 300) return routed;
  // A stored page carries every header above as its render got them, with a fresh nonce.
  return (await cachedPublicPage(request)) ?? routed;
}

export const config = {
  matcher: ["/((?!_next/).*)"],
};
