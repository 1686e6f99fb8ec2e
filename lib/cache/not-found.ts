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

/** The address of the "not found" page in the language of `pathname` (/az/… → /az/page-not-found). */
export function notFoundPageFor(pathname: string): string {
  const first = pathname.split("/")[1] ?? "";
  const prefixed = routing.locales.find((locale) => locale === first && locale !== routing.defaultLocale);
  return prefixed ? `/${prefixed}${NOT_FOUND_PAGE}` : NOT_FOUND_PAGE;
}
