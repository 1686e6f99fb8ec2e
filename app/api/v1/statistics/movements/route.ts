import { answer, jsonResponse, parseQuery, readOnly } from "@/lib/api/respond";
import { movementsSchema } from "@/lib/api/schemas";
import { arrestsAndReleases } from "@/lib/data/statistics";
import { noQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** Arrests and releases per month, and those known only to the year. */
export async function GET(request: Request): Promise<Response> {
  return answer(async () => {
    parseQuery(request, noQuery);
    return jsonResponse(request, movementsSchema, await arrestsAndReleases());
  });
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
