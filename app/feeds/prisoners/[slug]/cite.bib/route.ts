import { citationFileResponse } from "@/lib/feeds/citation-files";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** The profile and each event of its timeline as citations, to import into a reference manager. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  return citationFileResponse(request, slug, "bib");
}
