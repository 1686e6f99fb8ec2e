import { readOnly, readRoute } from "@/lib/api/respond";
import { facilitySchema } from "@/lib/api/schemas";
import { getFacility } from "@/lib/data/facilities";
import { dayQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** One published place of detention: who is held there on the day (today by default), and who was before. */
export const GET = readRoute(
  dayQuery,
  facilitySchema,
  ({ date }, { slug }: { slug: string }) => getFacility(slug, date),
  "facility",
);

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
