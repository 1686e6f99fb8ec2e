import { readOnly, readRoute } from "@/lib/api/respond";
import { lawyerSchema } from "@/lib/api/schemas";
import { getLawyer } from "@/lib/data/lawyers";
import { noQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** One published lawyer: the people they defend, their hearings and motions. */
export const GET = readRoute(noQuery, lawyerSchema, (_query, { slug }: { slug: string }) => getLawyer(slug), "lawyer");

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
