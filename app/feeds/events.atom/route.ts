import { eventFeedResponse } from "@/lib/feeds/event-feeds";

export const dynamic = "force-dynamic";

/** Site-wide feed of public case events, newest first (`?limit=1..200`, default 50). */
export function GET(request: Request): Promise<Response> {
  return eventFeedResponse(request, {}, "atom");
}
