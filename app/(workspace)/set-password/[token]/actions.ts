"use server";

import type { ActionState } from "@/lib/actions/state";
import { runTokenAction } from "@/lib/actions/run";
import { setPasswordAction } from "@/lib/actions/users";

/** No session: the one-time token in the form is the authorisation (checked by the action). */
export async function setPassword(_state: ActionState, form: FormData) {
  return runTokenAction(setPasswordAction, form);
}
