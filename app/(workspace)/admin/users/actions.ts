"use server";

import { revalidatePath } from "next/cache";
import type { ActionState } from "@/lib/actions/state";
import { runAction } from "@/lib/actions/run";
import { changeRoleAction, createUserAction, passwordLinkAction, setDisabledAction } from "@/lib/actions/users";

async function refreshed<T extends ActionState<unknown>>(state: Promise<T>): Promise<T> {
  const result = await state;
  if (result.status === "ok") revalidatePath("/admin/users");
  return result;
}

export async function addUser(_state: ActionState, form: FormData) {
  return refreshed(runAction(createUserAction, form));
}

export async function changeUserRole(_state: ActionState, form: FormData) {
  return refreshed(runAction(changeRoleAction, form));
}

export async function setUserDisabled(_state: ActionState, form: FormData) {
  return refreshed(runAction(setDisabledAction, form));
}

export async function issueUserPasswordLink(_state: ActionState, form: FormData) {
  return refreshed(runAction(passwordLinkAction, form));
}
