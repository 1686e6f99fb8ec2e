/**
 * Route handlers that change data refuse requests from other sites (server actions get the
 * same check from Next.js): the Origin header, which browsers always send on a POST, must name
 * the host the request came to.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
