import { hearingsCalendarResponse } from "@/lib/feeds/event-feeds";

export const dynamic = "force-dynamic";

/** Scheduled public hearings from today on, as a calendar to subscribe to. */
export function GET(request: Request): Promise<Response> {
  return hearingsCalendarResponse(request, {});
}
