import { randomBytes } from "node:crypto";

/**
 * Response headers that limit what a page may do, for every kind of route (security item 8,
 * docs/decisions/0021-security-headers-and-origin-checks.md). proxy.ts applies them; this module
 * is framework-free so the rules can be tested and measured on their own.
 *
 * Pages (public and workspace) get a Content-Security-Policy with a fresh nonce per response:
 * Next.js reads the nonce from the request's Content-Security-Policy header and puts it on every
 * script it writes. Public pages come from a whole-response cache (lib/cache/proxy.ts), so a
 * stored page still carries the nonce of the render that filled it: `withFreshNonce` swaps it for
 * a new one, in the body and in the header, on every response served from the cache.
 */

export type RouteKind =
  /** A page of the public site (app/[locale]): HTML or its RSC payload. */
  | "public"
  /** Sign-in, set-password links and the admin (app/(workspace)). */
  | "workspace"
  /** The embeddable count (/embed/count): sets its own policy, framed by any site. */
  | "embed"
  /** Everything else: API, feeds, exports, images, files. Never a document that runs script. */
  | "resource";

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

export function routeKindOf(pathname: string): RouteKind {
  if (EMBED.test(pathname)) return "embed";
  if (WORKSPACE.test(pathname)) return "workspace";
  if (PUBLIC_SITE.test(pathname)) return "public";
  return "resource";
}

const NONCE_BYTES = 16;

export function newNonce(): string {
  return randomBytes(NONCE_BYTES).toString("base64");
}

/**
 * The policy of a page. Scripts: only those carrying this response's nonce, and what they load
 * ('strict-dynamic': Next.js loads its chunks from script); 'self' is the fallback for browsers
 * without CSP 3. No 'unsafe-eval' outside development (React's development build needs it).
 * Style elements and stylesheets: our own files or the nonce. Style attributes are allowed
 * ('unsafe-inline' in style-src-attr only): the charts set print-color-adjust through one, and
 * an attribute can neither run script nor select elements, so it cannot read the page; what it
 * could load (a background image) is still bound by img-src 'self'.
 */
export function pageCsp(nonce: string, development = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** API answers, feeds, exports, images: nothing in them may run, load or be framed. */
export const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** No browser feature the site uses needs a device or a payment. */
export const PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Whether the site is served over HTTPS: the public address in the configuration says so
 * (HABEAS_PUBLIC_URL or NEXTAUTH_URL), or the reverse proxy in front said the request came over
 * https (the first X-Forwarded-Proto value). Browsers ignore Strict-Transport-Security received
 * over plain http, so a forged X-Forwarded-Proto only gains its sender a header they ignore.
 */
export function servedOverHttps(forwardedProto: string | null, env: Record<string, string | undefined> = process.env): boolean {
  if ((env.HABEAS_PUBLIC_URL ?? "").startsWith("https://") || (env.NEXTAUTH_URL ?? "").startsWith("https://")) return true;
  return forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
}

/**
 * Every header this module decides for a response of this kind. `nonce` is required for pages.
 * The embedded count keeps the policy its route sets (frame-ancestors *) and no X-Frame-Options.
 */
export function securityHeaders(kind: RouteKind, options: { nonce?: string; https: boolean }): [string, string][] {
  const headers: [string, string][] = [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", kind === "workspace" ? "same-origin" : "strict-origin-when-cross-origin"],
    ["Permissions-Policy", PERMISSIONS_POLICY],
  ];
  if (kind === "public" || kind === "workspace") {
    if (!options.nonce) throw new Error("A page's policy needs a nonce");
    headers.push(["Content-Security-Policy", pageCsp(options.nonce)]);
    headers.push(["Cross-Origin-Opener-Policy", "same-origin"]);
  } else if (kind === "resource") {
    headers.push(["Content-Security-Policy", RESOURCE_CSP]);
  }
  if (kind !== "embed") headers.push(["X-Frame-Options", "DENY"]);
  if (options.https) headers.push(["Strict-Transport-Security", HSTS]);
  return headers;
}

const NONCE_IN_POLICY = /'nonce-([A-Za-z0-9+/=]+)'/;

/** The nonce a stored response was rendered with (from its Content-Security-Policy), if any. */
export function nonceOf(headers: [string, string][]): string | null {
  const policy = headers.find(([name]) => name.toLowerCase() === "content-security-policy");
  return policy?.[1].match(NONCE_IN_POLICY)?.[1] ?? null;
}

/** A body cut at every occurrence of its nonce: segments[0] nonce segments[1] nonce … */
export type NonceSplit = { nonce: string; segments: Buffer[] };
type Split = NonceSplit;

/** Bodies already cut at their nonce, so a hit only joins: one split per stored response. */
const splits = new WeakMap<Uint8Array, Split | null>();

function splitAt(body: Uint8Array, nonce: string): Split {
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const needle = Buffer.from(nonce);
  const segments: Buffer[] = [];
  let start = 0;
  for (let at = bytes.indexOf(needle, start); at !== -1; at = bytes.indexOf(needle, start)) {
    segments.push(bytes.subarray(start, at));
    start = at + needle.length;
  }
  segments.push(bytes.subarray(start));
  return { nonce, segments };
}

/**
 * A stored response's body cut at the nonce it was rendered with, computed once per body; null
 * when the response has no nonce (not a page).
 */
export function nonceSplitOf(stored: { headers: [string, string][]; body: Uint8Array }): NonceSplit | null {
  let split = splits.get(stored.body);
  if (split === undefined) {
    const old = nonceOf(stored.headers);
    split = old ? splitAt(stored.body, old) : null;
    splits.set(stored.body, split);
  }
  return split;
}

/**
 * A stored response with its render's nonce replaced by a fresh one everywhere: in every script
 * tag of the body and in every header (the Content-Security-Policy, the stylesheet's Link). A response without a nonce (not a
 * page) is returned as it is.
 */
export function withFreshNonce(
  stored: { headers: [string, string][]; body: Uint8Array },
  nonce: string = newNonce(),
): { headers: [string, string][]; body: Uint8Array } {
  const split = nonceSplitOf(stored);
  if (!split) return stored;
  const old = split.nonce;
  // The policy, and the Link header Next.js sends to preload the page's stylesheet.
  const headers = stored.headers.map(([name, value]): [string, string] => [name, value.includes(old) ? value.replaceAll(old, nonce) : value]);
  if (split.segments.length === 1) return { headers, body: stored.body };
  const fresh = Buffer.from(nonce);
  const parts: Buffer[] = [];
  split.segments.forEach((segment, index) => {
    if (index > 0) parts.push(fresh);
    parts.push(segment);
  });
  return { headers, body: Buffer.concat(parts) };
}
