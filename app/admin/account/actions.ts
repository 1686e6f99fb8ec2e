"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/lib/actions/state";
import { runAction } from "@/lib/actions/run";
import { changePasswordAction, disableTotpAction, enableTotpAction } from "@/lib/actions/users";

export async function changePassword(_state: ActionState, form: FormData) {
  return runAction(changePasswordAction, form);
}

export async function turnOnTwoStep(_state: ActionState, form: FormData) {
  const result = await runAction(enableTotpAction, form);
  if (result.status === "ok") revalidatePath("/admin/account");
  return result;
}

export async function turnOffTwoStep(_state: ActionState, form: FormData) {
  const result = await runAction(disableTotpAction, form);
  if (result.status === "ok") revalidatePath("/admin/account");
  return result;
}
