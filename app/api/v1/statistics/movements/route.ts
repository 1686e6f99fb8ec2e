import { readOnly, readRoute } from "@/lib/api/respond";
import { movementsSchema } from "@/lib/api/schemas";
import { arrestsAndReleases } from "@/lib/data/statistics";
import { noQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** Arrests and releases per month, and those known only to the year. */
export const GET = readRoute(noQuery, movementsSchema, () => arrestsAndReleases());

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
