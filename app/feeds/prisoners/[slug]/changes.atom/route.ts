import { changeFeedResponse } from "@/lib/feeds/change-feed";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** Public changes to one person's record, newest first. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  return changeFeedResponse(request, slug);
}
