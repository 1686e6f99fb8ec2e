"use server";

import { runAction } from "@/lib/actions/run";
import { previewImportAction } from "@/lib/actions/import";

/** Checks an uploaded CSV file and answers with every row's errors; writes nothing. */
export async function previewImportFile(form: FormData) {
  const file = form.get("file");
  const csv = file instanceof File ? await file.text() : "";
  return runAction(previewImportAction, { csv, publish: form.get("publish") === "on" ? "on" : "" });
}
