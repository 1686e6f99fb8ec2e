import { can } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";
import { previewPortraitFileById } from "@/lib/data/profile";
import { storedImageResponse } from "@/lib/media";

/**
 * A person's published portrait for the workspace's preview, while the person may still be a
 * draft (the public image route serves published people only). Signed-in readers only; never
 * stored by a shared cache.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await currentUser();
  if (!user || !can(user.role, "read:private")) return new Response("Not found", { status: 404 });
  const { id } = await params;
  return storedImageResponse(await previewPortraitFileById(id), "private, no-store");
}
