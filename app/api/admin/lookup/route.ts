import { NextResponse, type NextRequest } from "next/server";
import { isResourceKey } from "@/lib/admin/record-types";
import { can } from "@/lib/auth/permissions";
import { currentUser } from "@/lib/auth/session";
import { matchRecords } from "@/lib/data/admin/engine";
import { adminResources } from "@/lib/data/admin/resources";

/**
 * GET /api/admin/lookup?resource=courts&q=nas: up to ten records whose name matches, drafts
 * included, for the admin's relation pickers. Signed-in users only; never cached.
 */
export async function GET(request: NextRequest) {
  const headers = { "Cache-Control": "private, no-store" };
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "Sign in first." }, { status: 401, headers });
  if (!can(user.role, "read:private")) return NextResponse.json({ error: "Not allowed." }, { status: 403, headers });
  const resource = request.nextUrl.searchParams.get("resource") ?? "";
  if (!isResourceKey(resource)) return NextResponse.json({ error: "Unknown kind of record." }, { status: 400, headers });
  const q = request.nextUrl.searchParams.get("q") ?? "";
  const options = await matchRecords(adminResources[resource], q);
  return NextResponse.json({ options }, { headers });
}
