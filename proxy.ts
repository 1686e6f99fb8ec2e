import createMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { routing } from "./i18n/routing";
import { sessionCookieName } from "./lib/auth/cookie-name";
import { cachedPublicPage } from "./lib/cache/proxy";

/**
 * Page requests only. The workspace (/admin) first, then public pages:
 *   0. /admin: a visitor without a session cookie is sent to sign in with a real redirect (307),
 *      before any page code runs. Only the cookie's presence is checked here, which is cheap and
 *      enough to turn signed-out visitors away with the right status; the cookie itself is checked
 *      by the admin layout and by every page and action (requireUser, performAction), which stay
 *      the guard (decision 0019). The request's path travels on to the layout in a header, so that
 *      a cookie that no longer holds a session is sent to sign in and back to the same page.
 *   1. the language in the address: /az/… and /ru/… in those languages, anything else in English
 *      (rewritten internally to /en/…; /en/… redirects to the unprefixed address);
 *   2. the public page cache (lib/cache/proxy.ts, decision 0012): a page the language routing
 *      would serve as it is comes from the cache when it can. The address alone decides the
 *      language (no cookie, no Accept-Language), so the address is a sound cache key.
 */
const localeRouting = createMiddleware(routing);

/** The header that carries an admin request's path to app/(workspace)/admin/layout.tsx. */
const WORKSPACE_PATH_HEADER = "x-habeas-path";

/**
 * Route handlers under /admin answer for themselves (a portrait not found is a 404 to anyone
 * who may not see it, an import refused is a 401): only pages get the sign-in redirect.
 */
const WORKSPACE_ROUTE_HANDLERS = /^\/admin\/(?:prisoners\/[^/]+\/portrait\/image|import\/run)$/;

function workspace(request: NextRequest): NextResponse {
  if (WORKSPACE_ROUTE_HANDLERS.test(request.nextUrl.pathname)) return NextResponse.next();
  const path = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  const reading = request.method === "GET" || request.method === "HEAD";
  // Server actions (POST) answer a signed-out caller themselves, with 401 in their own format.
  if (reading && !request.cookies.has(sessionCookieName())) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("next", path);
    return NextResponse.redirect(signIn, 307);
  }
  const headers = new Headers(request.headers);
  headers.set(WORKSPACE_PATH_HEADER, path);
  return NextResponse.next({ request: { headers } });
}

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === "/admin" || pathname.startsWith("/admin/")) return workspace(request);
  const routed = localeRouting(request);
  // A redirect (e.g. /en/prisoners → /prisoners) or a refusal is answered as it is.
  if (routed.status >= 300) return routed;
  return (await cachedPublicPage(request)) ?? routed;
}

export const config = {
  // Not: API, feeds and the embeddable count (route handlers), Next's own files, the sign-in and
  // set-password pages (English only, outside the language routing), files with an extension,
  // and a profile's portrait image (a route handler outside [locale]). The workspace (/admin)
  // is matched, for the signed-out redirect above only.
  matcher: [
    "/((?!api/|_next/|_vercel/|feeds/|embed/|sign-in(?:/|$)|set-password/|prisoners/[^/]+/portrait$|.*\\..*).*)",
  ],
};
