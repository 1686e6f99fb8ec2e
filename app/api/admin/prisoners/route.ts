import { can } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";
import { findPrisonersByName, MAX_QUERY } from "@/lib/data/admin-lookup";

const PRIVATE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

/**
 * People matching what a signed-in writer types into a form's person picker (drafts
 * included, so it checks the user itself): `GET /api/admin/prisoners?q=yunus`.
 */
export async function GET(request: Request) {
  const user = await currentUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401, headers: PRIVATE });
  if (!can(user.role, "write:draft")) {
    return Response.json({ error: "Your role does not allow this." }, { status: 403, headers: PRIVATE });
  }
  const query = new URL(request.url).searchParams.get("q") ?? "";
  if (query.length > MAX_QUERY) {
    return Response.json({ error: `Use at most ${MAX_QUERY} characters.` }, { status: 400, headers: PRIVATE });
  }
  return Response.json({ matches: await findPrisonersByName(query) }, { headers: PRIVATE });
}
