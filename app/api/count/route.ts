import { countImprisoned } from "@/lib/data/custody-status";
import { countImprisonedNow, toPublicCount } from "@/lib/data/count-feed";
import { isDatabaseUnavailable } from "@/lib/data/errors";
import { countQuery } from "@/lib/validation/count";
import { fieldErrorsOf } from "@/lib/validation/common";

export const dynamic = "force-dynamic";

/**
 * The number imprisoned now, or on `?date=YYYY-MM-DD`, with the day counted and how fresh the
 * record is. The definition is docs/decisions/0004-derived-status.md.
 */
export async function GET(request: Request): Promise<Response> {
  const date = new URL(request.url).searchParams.get("date");
  const query = countQuery.safeParse({ date: date ?? undefined });
  if (!query.success) {
    const fieldErrors = fieldErrorsOf(query.error);
    return Response.json(
      { message: fieldErrors.date?.join(" ") ?? "Invalid query", fieldErrors },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  try {
    // Today's count comes from memory, kept current by the database's notifications.
    const count = query.data.date ? await countImprisoned(query.data.date) : await countImprisonedNow();
    return Response.json(toPublicCount(count), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    console.error(`[habeas] count: the database is unavailable (${String((error as Error).message).split("\n").pop()})`);
    return Response.json(
      { message: "The count cannot be computed just now: the database is unavailable. Try again shortly." },
      { status: 503, headers: { "Cache-Control": "no-store", "Retry-After": "30" } },
    );
  }
}
