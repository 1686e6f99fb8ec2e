/**
 * Cross-site requests are refused (security item 7, decision 0021): every server action
 * (lib/actions/run.ts) and every route handler that changes data checks that the request comes
 * from a page of this site. Browsers send an Origin header on every POST, fetch or form, so a
 * request without one (or with the opaque "null") is refused too; Next.js's own check of server
 * actions lets a missing Origin through, which is why this one exists.
 *
 * The Origin must be:
 *   - the site's public origin when HABEAS_PUBLIC_URL is set (scheme, host and port: behind a
 *     reverse proxy this is the one trusted answer), else
 *   - the host the request came to: the first X-Forwarded-Host value, else Host. A page on
 *     another site cannot set either header on a form post or a plain fetch (a custom header
 *     needs a CORS preflight, which no route here grants), so trusting them is sound for this.
 */

type HeaderSource = { get(name: string): string | null };

function configuredOrigin(env: Record<string, string | undefined>): string | null {
  const configured = env.HABEAS_PUBLIC_URL;
  if (!configured) return null;
  try {
    return new URL(configured).origin;
  } catch {
    return null;
  }
}

export function isSameOriginHeaders(headers: HeaderSource, env: Record<string, string | undefined> = process.env): boolean {
  const origin = headers.get("origin");
  if (!origin || origin === "null") return false;
  let given: URL;
  try {
    given = new URL(origin);
  } catch {
    return false;
  }
  const expected = configuredOrigin(env);
  if (expected) return given.origin === expected;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return !!host && given.host === host.toLowerCase();
}

/** For route handlers: the request's own headers. */
export function isSameOrigin(request: Request): boolean {
  return isSameOriginHeaders(request.headers);
}
