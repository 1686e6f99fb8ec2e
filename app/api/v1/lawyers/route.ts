import { readOnly, readRoute } from "@/lib/api/respond";
import { lawyerListSchema } from "@/lib/api/schemas";
import { listLawyers } from "@/lib/data/lawyers";
import { noQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** Published lawyers, with how many published people each defends. */
export const GET = readRoute(noQuery, lawyerListSchema, async () => ({ data: await listLawyers() }));

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
