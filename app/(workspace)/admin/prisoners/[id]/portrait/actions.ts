"use server";

import { formDataToObject } from "@/lib/actions/form-data";
import { runAction } from "@/lib/actions/run";
import type { ActionState } from "@/lib/actions/state";
import { uploadPortraitAction } from "@/lib/actions/upload-portrait";

type Uploaded = { id: string; state: string; width: number; height: number };

/** The form's fields plus its one file, which formDataToObject leaves out on purpose. */
export async function uploadPortrait(_state: ActionState<Uploaded>, form: FormData): Promise<ActionState<Uploaded>> {
  return runAction(uploadPortraitAction, { ...formDataToObject(form), image: form.get("image") ?? undefined });
}
