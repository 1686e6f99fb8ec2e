/**
 * The address a request came from (sign-in limits, export slots): the last X-Forwarded-For
 * entry, i.e. the one the nearest proxy (or Next.js itself, when no proxy sent one) saw.
 * Deployments put a reverse proxy in front that sets this header; see
 * docs/decisions/0013-sign-in-and-sessions.md.
 */
export function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const raw = headers?.["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : (raw ?? "");
  const entries = value.split(",").map((entry) => entry.trim()).filter(Boolean);
  return entries.at(-1) ?? "unknown";
}
