import { answer, jsonResponse, notFound, parseQuery, readOnly } from "@/lib/api/respond";
import { prisonerSchema } from "@/lib/api/schemas";
import { publicProfileBySlug } from "@/lib/data/profile";
import { noQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** One published person with the full public timeline; 404 for a draft, archived or unknown slug. */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return answer(async () => {
    parseQuery(request, noQuery);
    const profile = await publicProfileBySlug((await params).slug);
    if (!profile) throw notFound("person");
    return jsonResponse(request, prisonerSchema, { ...profile, lastUpdated: profile.lastUpdated.toISOString() });
  });
}

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
