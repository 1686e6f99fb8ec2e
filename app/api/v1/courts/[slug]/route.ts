import { answer, jsonResponse, notFound, parseQuery, readOnly } from "@/lib/api/respond";
import { courtSchema } from "@/lib/api/schemas";
import { getCourt } from "@/lib/data/courts";
import { noQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** One published court: its public hearings, how motions were ruled on, its judges. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return answer(async () => {
    parseQuery(request, noQuery);
    const court = await getCourt((await params).slug);
    if (!court) throw notFound("court");
    return jsonResponse(request, courtSchema, court);
  });
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
