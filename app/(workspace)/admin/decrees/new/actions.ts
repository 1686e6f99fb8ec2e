"use server";

import { recordDecreeAction } from "@/lib/actions/record-decree";
import { runAction } from "@/lib/actions/run";
import type { ActionState } from "@/lib/actions/state";

export async function recordDecree(
  _state: ActionState<{ id: string; freed: number }>,
  form: FormData,
): Promise<ActionState<{ id: string; freed: number }>> {
  return runAction(recordDecreeAction, form);
}
