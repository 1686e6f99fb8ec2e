"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/state";
import { runAction } from "@/lib/actions/run";
import { changePasswordAction, disableTotpAction, enableTotpAction } from "@/lib/actions/users";

export async function changePassword(_state: ActionState, form: FormData) {
  return runAction(changePasswordAction, form);
}

// Turning two-step sign-in on or off changes which form the page shows, so the page is
// loaded again and says what happened.
export async function turnOnTwoStep(_state: ActionState, form: FormData) {
  const result = await runAction(enableTotpAction, form);
  if (result.status === "ok") redirect("/admin/account?done=two-step-on");
  return result;
}

export async function turnOffTwoStep(_state: ActionState, form: FormData) {
  const result = await runAction(disableTotpAction, form);
  if (result.status === "ok") redirect("/admin/account?done=two-step-off");
  return result;
}
