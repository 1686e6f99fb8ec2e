import { answer, jsonResponse, parseQuery, readOnly } from "@/lib/api/respond";
import { byCategorySchema } from "@/lib/api/schemas";
import { imprisonedByCategory } from "@/lib/data/statistics";
import { dayQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** People imprisoned on a day (today by default), by category. */
export async function GET(request: Request): Promise<Response> {
  return answer(async () => {
    const { date } = parseQuery(request, dayQuery);
    return jsonResponse(request, byCategorySchema, await imprisonedByCategory(date));
  });
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
