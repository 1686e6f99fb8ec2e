import { readOnly, readRoute } from "@/lib/api/respond";
import { facilityListSchema } from "@/lib/api/schemas";
import { listFacilities } from "@/lib/data/facilities";
import { todayUtc } from "@/lib/dates";
import { dayQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** Published places of detention, with how many people each held on the day (today by default). */
export const GET = readRoute(dayQuery, facilityListSchema, async ({ date }) => {
  const on = date ?? todayUtc();
  return { data: await listFacilities(on), on };
});

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
