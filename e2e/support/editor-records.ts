import { recordActions } from "../../lib/actions/records";
import { formDataToObject } from "../../lib/actions/form-data";
import { performAction } from "../../lib/actions/perform";
import type { ActionState } from "../../lib/actions/state";
import type { RecordSnapshot, ResourceKey, StateTransition } from "../../lib/admin/record-types";
import type { SessionUser } from "../../lib/auth/user";
import { adminResources } from "../../lib/data/admin/resources";
import { prisma } from "../../lib/db/client";

/**
 * Writes records as a signed-in editor would: the form's fields as the browser posts them,
 * through the same action definitions the admin's server actions run (lib/actions/records.ts:
 * permission, strict schema, the record engine, the audit entry). Only the session cookie's
 * decoding is left out; the user is read from the database as currentUser() reads it.
 */

export async function userByEmail(email: string): Promise<SessionUser> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, role: true } });
  return user;
}

function asPosted(values: Record<string, string | string[]>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(name, item);
  }
  return formDataToObject(form);
}

export async function createAs(
  user: SessionUser,
  resource: ResourceKey,
  values: Record<string, string | string[]>,
): Promise<ActionState<{ id: string; version: number }>> {
  return performAction(recordActions[resource].create, user, asPosted(values));
}

export async function updateAs(
  user: SessionUser,
  resource: ResourceKey,
  id: string,
  values: Record<string, string | string[]>,
): Promise<ActionState<{ id: string; version: number }>> {
  const current = await snapshotOf(resource, id);
  return performAction(recordActions[resource].update, user, asPosted({ ...values, id, version: String(current.version) }));
}

export async function snapshotOf(resource: ResourceKey, id: string): Promise<RecordSnapshot> {
  const snapshot = await adminResources[resource].read(prisma, id);
  if (!snapshot) throw new Error(`no ${resource} ${id}`);
  return snapshot;
}

/** Publish, archive or restore at the record's current version; throws when refused. */
export async function changeStateAs(user: SessionUser, resource: ResourceKey, id: string, transition: StateTransition) {
  const current = await snapshotOf(resource, id);
  const result = await performAction(recordActions[resource][transition], user, { id, version: String(current.version) });
  if (result.status === "error") throw new Error(`${resource}.${transition} ${id}: ${result.message}`);
}

/** Throws with the refusal's field errors when an action was refused. */
export function savedId(resource: ResourceKey, result: ActionState<{ id: string; version: number }>): string {
  if (result.status === "ok") return result.result.id;
  if (result.status === "idle") throw new Error(`${resource}.create did nothing`);
  throw new Error(`${resource}.create refused (${result.code}): ${result.message} ${JSON.stringify(result.fieldErrors)}`);
}
