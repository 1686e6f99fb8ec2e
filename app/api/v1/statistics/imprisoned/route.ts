import { readOnly, readRoute } from "@/lib/api/respond";
import { imprisonedSeriesSchema } from "@/lib/api/schemas";
import { imprisonedSeries } from "@/lib/data/statistics";
import { noQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** The count on every day from the first person counted to today. */
export const GET = readRoute(noQuery, imprisonedSeriesSchema, () => imprisonedSeries());

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
