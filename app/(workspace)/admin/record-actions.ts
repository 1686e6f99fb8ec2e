"use server";

import { redirect } from "next/navigation";
import { isResourceKey, type RecordOption, type StateTransition } from "@/lib/admin/record-types";
import { recordActions, undoReleaseAction } from "@/lib/actions/records";
import { runAction } from "@/lib/actions/run";
import type { ActionState } from "@/lib/actions/state";

/**
 * The admin's record forms post here. Each function only picks the action for the record kind
 * (bound by the page, checked again here) and hands over to runAction, which checks the
 * session, the role and the input (lib/actions/records.ts lists every action and its
 * permission). Redirects happen after a successful save, outside any try/catch.
 */

function unknownRecordKind(): ActionState<never> {
  return { status: "error", code: 404, message: "There is no such kind of record.", fieldErrors: {}, values: {} };
}

/** <resource>.create; on success, opens the new record. */
export async function createRecordAction(resource: string, _state: ActionState, form: FormData): Promise<ActionState> {
  if (!isResourceKey(resource)) return unknownRecordKind();
  const result = await runAction(recordActions[resource].create, form);
  if (result.status !== "ok") return result;
  redirect(`/admin/${resource}/${result.result.id}?saved=created`);
}

/** <resource>.update; on success, reloads the record at its new version. */
export async function updateRecordAction(resource: string, _state: ActionState, form: FormData): Promise<ActionState> {
  if (!isResourceKey(resource)) return unknownRecordKind();
  const result = await runAction(recordActions[resource].update, form);
  if (result.status !== "ok") return result;
  redirect(`/admin/${resource}/${result.result.id}?saved=updated`);
}

const transitionsOffered: readonly StateTransition[] = ["publish", "archive", "restore"];

/** <resource>.publish, <resource>.archive, <resource>.restore. */
export async function changeRecordStateAction(
  resource: string,
  transition: string,
  _state: ActionState,
  form: FormData,
): Promise<ActionState> {
  if (!isResourceKey(resource) || !transitionsOffered.includes(transition as StateTransition)) return unknownRecordKind();
  const result = await runAction(recordActions[resource][transition as StateTransition], form);
  if (result.status !== "ok") return result;
  redirect(`/admin/${resource}/${result.result.id}?saved=${transition}`);
}

/** <resource>.quickCreate: "create new" from a relation picker (courts, facilities, lawyers). */
export async function quickCreateRecordAction(resource: string, name: string): Promise<ActionState<RecordOption>> {
  if (!isResourceKey(resource)) return unknownRecordKind();
  const action = recordActions[resource].quickCreate;
  if (!action) return unknownRecordKind();
  return runAction(action, { name });
}

/** custody.undoRelease: a release recorded by mistake is undone and the period is open again. */
export async function undoReleaseRecordAction(_state: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction(undoReleaseAction, form);
  if (result.status !== "ok") return result;
  redirect(`/admin/custody/${result.result.id}?saved=reopened`);
}
