import { readOnly, readRoute } from "@/lib/api/respond";
import { courtSchema } from "@/lib/api/schemas";
import { getCourt } from "@/lib/data/courts";
import { noQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** One published court: its public hearings, how motions were ruled on, its judges. */
export const GET = readRoute(noQuery, courtSchema, (_query, { slug }: { slug: string }) => getCourt(slug), "court");

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
