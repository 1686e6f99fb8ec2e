import { answer, jsonResponse, parseQuery, readOnly } from "@/lib/api/respond";
import { courtListSchema } from "@/lib/api/schemas";
import { listCourts } from "@/lib/data/courts";
import { noQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** Published courts, with how many public hearings each has heard. */
export async function GET(request: Request): Promise<Response> {
  return answer(async () => {
    parseQuery(request, noQuery);
    return jsonResponse(request, courtListSchema, { data: await listCourts() });
  });
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
