import { answer, jsonResponse, parseQuery, readOnly } from "@/lib/api/respond";
import { imprisonedSeriesSchema } from "@/lib/api/schemas";
import { imprisonedSeries } from "@/lib/data/statistics";
import { noQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** The count on every day from the first person counted to today. */
export async function GET(request: Request): Promise<Response> {
  return answer(async () => {
    parseQuery(request, noQuery);
    return jsonResponse(request, imprisonedSeriesSchema, await imprisonedSeries());
  });
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
