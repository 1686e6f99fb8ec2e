import "server-only";
import { bibtexCitation, cslJsonCitation } from "../citation";
import { publicProfileBySlug } from "../data/profile";
import { todayUtc } from "../dates";
import { allCitations } from "../profile-citations";
import { baseUrlOf, notFoundDocument, publicDocument, unlessDatabaseDown } from "./respond";

/** A person's profile and each event of its timeline as BibTeX or CSL-JSON, to download. */
export async function citationFileResponse(request: Request, slug: string, format: "bib" | "json"): Promise<Response> {
  return unlessDatabaseDown(async () => {
    const profile = await publicProfileBySlug(slug);
    if (!profile) return notFoundDocument();
    const targets = allCitations(profile, baseUrlOf(request), todayUtc());
    const options = { lastModified: profile.lastUpdated, filename: `${profile.slug}.${format}` };
    return format === "bib"
      ? publicDocument(request, targets.map(bibtexCitation).join("\n"), { ...options, contentType: "application/x-bibtex; charset=utf-8" })
      : publicDocument(request, JSON.stringify(targets.map(cslJsonCitation), null, 2), {
          ...options,
          contentType: "application/vnd.citationstyles.csl+json; charset=utf-8",
        });
  });
}
