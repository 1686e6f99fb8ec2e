import { answer, jsonResponse, parseQuery, readOnly } from "@/lib/api/respond";
import { lawyerListSchema } from "@/lib/api/schemas";
import { listLawyers } from "@/lib/data/lawyers";
import { noQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** Published lawyers, with how many published people each defends. */
export async function GET(request: Request): Promise<Response> {
  return answer(async () => {
    parseQuery(request, noQuery);
    return jsonResponse(request, lawyerListSchema, { data: await listLawyers() });
  });
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
