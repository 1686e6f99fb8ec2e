import { hearingsCalendarResponse } from "@/lib/feeds/event-feeds";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** Scheduled public hearings of one person from today on, as a calendar to subscribe to. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  return hearingsCalendarResponse(request, { prisonerSlug: slug });
}
