import { problemResponse } from "@/lib/api/respond";

export const dynamic = "force-dynamic";

/**
 * An address under /api that names nothing: 404 as problem details, like every other API
 * answer. Without it Next.js answers with its HTML error page, which shows nothing at all under
 * the resources' Content-Security-Policy (no script may run there).
 */
export function GET(): Response {
  return problemResponse({ status: 404, title: "Not found", detail: "Nothing is published at this address. The API is described at /api/v1/openapi.json." });
}
