import { readOnly, readRoute } from "@/lib/api/respond";
import { byFacilitySchema } from "@/lib/api/schemas";
import { imprisonedByFacility } from "@/lib/data/statistics";
import { dayQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** People imprisoned on a day (today by default), by place of detention. */
export const GET = readRoute(dayQuery, byFacilitySchema, ({ date }) => imprisonedByFacility(date));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
