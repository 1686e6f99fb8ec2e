import { readOnly, readRoute } from "@/lib/api/respond";
import { byCategorySchema } from "@/lib/api/schemas";
import { imprisonedByCategory } from "@/lib/data/statistics";
import { dayQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** People imprisoned on a day (today by default), by category. */
export const GET = readRoute(dayQuery, byCategorySchema, ({ date }) => imprisonedByCategory(date));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
