import { readOnly, readRoute } from "@/lib/api/respond";
import { prisonerSchema } from "@/lib/api/schemas";
import { publicProfileBySlug } from "@/lib/data/profile";
import { noQuery } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

/** One published person with the full public timeline; 404 for a draft, archived or unknown slug. */
export const GET = readRoute(
  noQuery,
  prisonerSchema,
  async (_query, { slug }: { slug: string }) => {
    const profile = await publicProfileBySlug(slug);
    return profile && { ...profile, lastUpdated: profile.lastUpdated.toISOString() };
  },
  "person",
);

export const { OPTIONS, POST, PUT, PATCH, DELETE } = readOnly;
