import { publicPortraitFileBySlug } from "@/lib/data/profile";
import { SERVABLE_IMAGE_TYPES, readMediaFile } from "@/lib/media";

/**
 * The portrait image of a published person, only while the portrait itself is published: a
 * draft or withdrawn portrait (e.g. consent revoked) is not served even to someone who kept
 * the address.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const portrait = await publicPortraitFileBySlug(slug);
  if (!portrait || !SERVABLE_IMAGE_TYPES.has(portrait.mimeType)) return new Response("Not found", { status: 404 });
  const bytes = await readMediaFile(portrait.storageKey);
  if (!bytes) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": portrait.mimeType,
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
