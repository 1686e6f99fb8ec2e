import { answer, jsonResponse, parseQuery, readOnly } from "@/lib/api/respond";
import { facilityListSchema } from "@/lib/api/schemas";
import { listFacilities } from "@/lib/data/facilities";
import { todayUtc } from "@/lib/dates";
import { dayQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** Published places of detention, with how many people each held on the day (today by default). */
export async function GET(request: Request): Promise<Response> {
  return answer(async () => {
    const on = parseQuery(request, dayQuery).date ?? todayUtc();
    return jsonResponse(request, facilityListSchema, { data: await listFacilities(on), on });
  });
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
