import { countImprisoned } from "@/lib/data/custody-status";
import { toPublicCount } from "@/lib/data/count-feed";
import { EMBED_CSP, embedCountHtml } from "@/lib/embed-count";
import { baseUrlOf } from "@/lib/feeds/respond";

export const dynamic = "force-dynamic";

/**
 * The live count as a small page for other sites to frame. The only route that any site may
 * frame (frame-ancestors *): it shows public numbers only and takes no input.
 */
export async function GET(request: Request): Promise<Response> {
  const count = toPublicCount(await countImprisoned());
  return new Response(embedCountHtml(count, baseUrlOf(request)), {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": EMBED_CSP,
      "Cache-Control": "public, max-age=30",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    },
  });
}
