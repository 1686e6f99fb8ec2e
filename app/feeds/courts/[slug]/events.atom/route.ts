import { eventFeedResponse } from "@/lib/feeds/event-feeds";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** Public case events of one court, newest first. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  return eventFeedResponse(request, { courtSlug: slug }, "atom");
}
