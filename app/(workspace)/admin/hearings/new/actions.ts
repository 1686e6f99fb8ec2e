"use server";

import { logHearingAction } from "@/lib/actions/log-hearing";
import { runAction } from "@/lib/actions/run";
import type { ActionState } from "@/lib/actions/state";
import type { LoggedHearing } from "@/lib/data/hearing-log";

export async function logHearing(_state: ActionState<LoggedHearing>, form: FormData): Promise<ActionState<LoggedHearing>> {
  return runAction(logHearingAction, form);
}
