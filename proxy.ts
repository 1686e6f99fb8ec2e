import createMiddleware from "next-intl/middleware";
import type { NextRequest } from "next/server";
import { routing } from "./i18n/routing";
import { cachedPublicPage, storedPublicPage } from "./lib/cache/proxy";

/**
 * Page requests only. Two jobs, in this order (a page already in the cache skips the first):
 *   1. the language in the address: /az/… and /ru/… in those languages, anything else in English
 *      (rewritten internally to /en/…; /en/… redirects to the unprefixed address);
 *   2. the public page cache (lib/cache/proxy.ts, decision 0012): a page the language routing
 *      would serve as it is comes from the cache when it can. The address alone decides the
 *      language (no cookie, no Accept-Language), so the address is a sound cache key.
 */
const localeRouting = createMiddleware(routing);

export async function proxy(request: NextRequest) {
  // A page already in the cache is answered before the routing: it was routed when it was
  // stored, and the address alone decides the routing (lib/cache/proxy.ts, storedPublicPage).
  const stored = await storedPublicPage(request);
  if (stored) return stored;
  const routed = localeRouting(request);
  // A redirect (e.g. /en/prisoners → /prisoners) or a refusal is answered as it is.
  if (routed.status >= 300) return routed;
  return (await cachedPublicPage(request)) ?? routed;
}

export const config = {
  // Not: API, feeds and the embeddable count (route handlers), Next's own files, the workspace
  // (sign-in, set-password links, admin: English only), files with an extension, and a
  // profile's portrait image (a route handler outside [locale]).
  matcher: [
    "/((?!api/|_next/|_vercel/|feeds/|embed/|admin(?:/|$)|sign-in(?:/|$)|set-password/|prisoners/[^/]+/portrait$|.*\\..*).*)",
  ],
};
