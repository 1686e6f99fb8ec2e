import { decodeCursor, encodeCursor } from "@/lib/api/cursor";
import { ApiProblem, answer, jsonResponse, parseQuery, readOnly } from "@/lib/api/respond";
import { prisonerListSchema } from "@/lib/api/schemas";
import { directorySlice } from "@/lib/data/directory";
import { todayUtc } from "@/lib/dates";
import { prisonerListQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** Published people: the directory's search, filters and order, a cursor instead of page numbers. */
export async function GET(request: Request): Promise<Response> {
  return answer(async () => {
    const { cursor, limit, ...filters } = parseQuery(request, prisonerListQuery);
    const after = cursor === undefined ? null : decodeCursor(cursor, filters.sort);
    if (cursor !== undefined && after === null) {
      throw new ApiProblem(400, "Invalid query parameters", undefined, {
        cursor: ["is not a cursor of this list: use nextCursor from a response with the same sort"],
      });
    }
    const asOf = todayUtc();
    const slice = await directorySlice(filters, { limit, after }, asOf);
    return jsonResponse(request, prisonerListSchema, {
      data: slice.entries,
      asOf,
      nextCursor: slice.next ? encodeCursor(filters.sort, slice.next) : null,
    });
  });
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
