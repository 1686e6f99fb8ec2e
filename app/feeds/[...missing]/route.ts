import { notFoundDocument } from "@/lib/feeds/respond";

export const dynamic = "force-dynamic";

/**
 * An address under /feeds that names no feed: a plain-text 404, like a feed of a person the
 * public cannot see. Without it Next.js answers with its HTML error page, which shows nothing at
 * all under the resources' Content-Security-Policy.
 */
export function GET(): Response {
  return notFoundDocument();
}
