import { answer, jsonResponse, parseQuery, readOnly } from "@/lib/api/respond";
import { countSchema } from "@/lib/api/schemas";
import { toPublicCount } from "@/lib/data/count-feed";
import { countImprisoned } from "@/lib/data/custody-status";
import { dayQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** How many people are imprisoned now, or were on ?date=YYYY-MM-DD (docs/decisions/0004). */
export async function GET(request: Request): Promise<Response> {
  return answer(async () => {
    const { date } = parseQuery(request, dayQuery);
    return jsonResponse(request, countSchema, toPublicCount(await countImprisoned(date)));
  });
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
