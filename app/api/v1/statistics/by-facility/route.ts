import { answer, jsonResponse, parseQuery, readOnly } from "@/lib/api/respond";
import { byFacilitySchema } from "@/lib/api/schemas";
import { imprisonedByFacility } from "@/lib/data/statistics";
import { dayQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** People imprisoned on a day (today by default), by place of detention. */
export async function GET(request: Request): Promise<Response> {
  return answer(async () => {
    const { date } = parseQuery(request, dayQuery);
    return jsonResponse(request, byFacilitySchema, await imprisonedByFacility(date));
  });
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
