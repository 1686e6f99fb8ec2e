import createMiddleware from "next-intl/middleware";
import { NextRequest, NextResponse } from "next/server";
import { routing } from "./i18n/routing";
import { sessionCookieName } from "./lib/auth/cookie-name";
import { cachedPublicPage, storedPublicPage } from "./lib/cache/proxy";
import { newNonce, pageCsp, routeKindOf, securityHeaders, servedOverHttps } from "./lib/security/csp";

/**
 * Every request except Next's own files (/_next/: their headers are in next.config.ts). Jobs:
 *   1. public pages: the language in the address (/az/… and /ru/… in those languages, anything
 *      else in English, rewritten internally to /en/…; /en/… redirects to the unprefixed address),
 *      then the public page cache (lib/cache/proxy.ts, decision 0012): a page the language routing
 *      would serve as it is comes from the cache when it can. The address alone decides the
 *      language (no cookie, no Accept-Language), so the address is a sound cache key;
 *   2. the workspace's pages (/admin): a visitor without a session cookie is sent to sign in with a
 *      real redirect (307), before any page code runs. Only the cookie's presence is checked here,
 *      which is cheap and enough to turn signed-out visitors away with the right status; the cookie
 *      itself is checked by the admin layout and by every page and action (requireUser,
 *      performAction), which stay the guard (decision 0019). The request's path travels on to the
 *      layout in a header, so that a cookie that no longer holds a session is sent to sign in and
 *      back to the same page;
 *   3. the security headers of every response (lib/security/csp.ts, decision 0021): pages get a
 *      Content-Security-Policy with a fresh nonce, which Next.js reads from the request's own
 *      Content-Security-Policy header and writes on its scripts.
 * Besides that redirect the proxy refuses nothing: the API, feeds and files only get their headers.
 */
const localeRouting = createMiddleware(routing);

function withHeaders<T extends Response>(response: T, headers: [string, string][]): T {
  for (const [name, value] of headers) response.headers.set(name, value);
  return response;
}

/** The header that carries an admin request's path to app/(workspace)/admin/layout.tsx. */
const WORKSPACE_PATH_HEADER = "x-habeas-path";

/**
 * Route handlers under /admin answer for themselves (a portrait not found is a 404 to anyone
 * who may not see it, an import refused is a 401): only pages get the sign-in redirect.
 */
const WORKSPACE_ROUTE_HANDLERS = /^\/admin\/(?:prisoners\/[^/]+\/portrait\/image|import\/run)$/;
const ADMIN = /^\/admin(?:\/|$)/;

/** Signed out at an admin page: a redirect to sign in; otherwise the request goes on with its path. */
function workspace(request: NextRequest, headers: Headers): NextResponse {
  const { pathname } = request.nextUrl;
  if (!ADMIN.test(pathname) || WORKSPACE_ROUTE_HANDLERS.test(pathname)) return NextResponse.next({ request: { headers } });
  const path = `${pathname}${request.nextUrl.search}`;
  const reading = request.method === "GET" || request.method === "HEAD";
  // Server actions (POST) answer a signed-out caller themselves, with 401 in their own format.
  if (reading && !request.cookies.has(sessionCookieName())) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("next", path);
    return NextResponse.redirect(signIn, 307);
  }
  headers.set(WORKSPACE_PATH_HEADER, path);
  return NextResponse.next({ request: { headers } });
}

/** The request as the app sees it, carrying the page's policy so that Next.js finds the nonce. */
function withPolicy(request: NextRequest, nonce: string): NextRequest {
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", pageCsp(nonce));
  return new NextRequest(request, { headers });
}

export async function proxy(request: NextRequest) {
  const kind = routeKindOf(request.nextUrl.pathname);
  const https = servedOverHttps(request.headers.get("x-forwarded-proto"));
  if (kind === "embed" || kind === "resource") return withHeaders(NextResponse.next(), securityHeaders(kind, { https }));
  if (kind === "public") {
    // A page already in the cache is answered before the routing: it was routed when it was
    // stored, and the address alone decides the routing (lib/cache/proxy.ts, storedPublicPage).
    // It carries the headers its render got, with a fresh nonce.
    const stored = await storedPublicPage(request);
    if (stored) return stored;
  }

  const nonce = newNonce();
  const headers = securityHeaders(kind, { nonce, https });
  const page = withPolicy(request, nonce);
  if (kind === "workspace") return withHeaders(workspace(request, new Headers(page.headers)), headers);

  const routed = withHeaders(localeRouting(page), headers);
  // A redirect (e.g. /en/prisoners → /prisoners) or a refusal is answered as it is.
  if (routed.status >= 300) return routed;
  // A stored page carries every header above as its render got them, with a fresh nonce.
  return (await cachedPublicPage(request)) ?? routed;
}

export const config = {
  matcher: ["/((?!_next/).*)"],
};
