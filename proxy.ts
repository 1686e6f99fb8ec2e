import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";

/**
 * Puts the language in the address: /az/… and /ru/… are served in those languages, anything
 * else in English (rewritten internally to /en/…). Only page addresses pass through here.
 */
export default createMiddleware(routing);

export const config = {
  // Not: API and feeds, Next's own files, the admin workspace (English only), files with an
  // extension, and a profile's portrait image (a route handler outside [locale]).
  matcher: ["/((?!api/|_next/|_vercel/|admin(?:/|$)|prisoners/[^/]+/portrait$|.*\\..*).*)"],
};
