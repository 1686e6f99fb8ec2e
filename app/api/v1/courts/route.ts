import { readOnly, readRoute } from "@/lib/api/respond";
import { courtListSchema } from "@/lib/api/schemas";
import { listCourts } from "@/lib/data/courts";
import { noQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** Published courts, with how many public hearings each has heard. */
export const GET = readRoute(noQuery, courtListSchema, async () => ({ data: await listCourts() }));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
