import { readOnly, readRoute } from "@/lib/api/respond";
import { countSchema } from "@/lib/api/schemas";
import { toPublicCount } from "@/lib/data/count-feed";
import { countImprisoned } from "@/lib/data/custody-status";
import { dayQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** How many people are imprisoned now, or were on ?date=YYYY-MM-DD (docs/decisions/0004). */
export const GET = readRoute(dayQuery, countSchema, async ({ date }) => toPublicCount(await countImprisoned(date)));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
