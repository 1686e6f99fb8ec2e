import "server-only";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { isResourceKey, type ResourceKey } from "@/lib/admin/record-types";
import { requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/user";

/**
 * Every admin record page starts here: a signed-in user with a role that reads private fields,
 * and a known kind of record. Pages are rendered per request and never cached.
 */
export async function requireRecordReader(resource: string, path: string): Promise<{ user: SessionUser; key: ResourceKey }> {
  await connection();
  const user = await requireUser(path, "read:private");
  if (!isResourceKey(resource)) notFound();
  return { user, key: resource };
}
