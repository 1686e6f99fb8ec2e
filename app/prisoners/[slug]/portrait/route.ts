import { publicPortraitFileBySlug } from "@/lib/data/profile";
import { storedImageResponse } from "@/lib/media";

/**
 * The portrait image of a published person, only while the portrait itself is published: a
 * draft or withdrawn portrait (e.g. consent revoked) is not served even to someone who kept
 * the address.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return storedImageResponse(await publicPortraitFileBySlug(slug), "public, max-age=300");
}
