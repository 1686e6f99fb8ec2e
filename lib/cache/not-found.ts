import { routing } from "../../i18n/routing";

/**
 * Next.js answers a page that calls notFound() with status 404 and a body that is only rendered
 * in the browser: an empty `<html id="__next_error__">` whose content arrives as script
 * (vercel/next.js#62228). Without JavaScript, or before it loads on a slow phone, the page is
 * blank. The proxy sends the page below in its place, rendered on the server like any other,
 * with the same status (docs/decisions/0025-not-found-without-script.md).
 */

/** Where the "not found" page is rendered as an ordinary page (app/[locale]/page-not-found). */
export const NOT_FOUND_PAGE = "/page-not-found";

const SHELL_MARK = Buffer.from('<html id="__next_error__"');

/** A 404 whose body is Next.js's client-only error shell. */
export function isClientOnlyNotFound(status: number, body: Uint8Array): boolean {
  if (status !== 404) return false;
  const start = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, 512));
  return start.includes(SHELL_MARK);
}

/**
 * The address of the "not found" page Next.js would have shown for `pathname`, in its language:
 * the profile's own (app/[locale]/prisoners/[slug]/not-found.tsx) for anything under a profile's
 * address, the site's otherwise (/az/prisoners/x → /az/page-not-found/profile).
 */
export function notFoundPageFor(pathname: string): string {
  const segments = pathname.split("/").slice(1);
  const prefixed = routing.locales.find((locale) => locale === segments[0] && locale !== routing.defaultLocale);
  const rest = prefixed ? segments.slice(1) : segments;
  const page = rest[0] === "prisoners" && rest.length >= 2 && rest[1] !== "" ? `${NOT_FOUND_PAGE}/profile` : NOT_FOUND_PAGE;
  return prefixed ? `/${prefixed}${page}` : page;
}

/**
 * Route handlers among the public addresses: never a "not found" page, and not to be buffered
 * through the loopback (the link-preview image).
 */
export function isPublicRouteHandler(pathname: string): boolean {
  return /\/opengraph-image$/.test(pathname);
}
