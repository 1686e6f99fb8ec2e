import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { actorOf } from "../auth/user";
import { applyImport, previewImport } from "../data/import";
import { importRequest } from "../validation/import";
import { defineAction } from "./define";

/**
 * Bulk import (docs/import.md). Editors and admins only: an import creates many records at
 * once, and may publish the new people.
 */

type ProgressListener = (done: number, total: number) => void;
const progressListeners = new AsyncLocalStorage<ProgressListener>();

/** Runs `work` (an import through performAction) with a listener for its progress. */
export function withImportProgress<T>(listener: ProgressListener, work: () => Promise<T>): Promise<T> {
  return progressListeners.run(listener, work);
}

export const previewImportAction = defineAction({
  name: "import.preview",
  permission: "publish",
  input: importRequest,
  run: (_user, input) => previewImport(input.csv, { publish: input.publish }),
  success: (preview) =>
    preview.importable
      ? `Ready to import: ${preview.counts.new} new, ${preview.counts.changed} changed, ${preview.counts.unchanged} unchanged.`
      : "Nothing can be imported until every error below is fixed.",
});

export const applyImportAction = defineAction({
  name: "import.apply",
  permission: "publish",
  input: importRequest,
  run: (user, input) =>
    applyImport(actorOf(user), input.csv, { publish: input.publish, onProgress: progressListeners.getStore() }),
  success: (result) => `Imported ${result.preview.counts.new} new and ${result.preview.counts.changed} changed rows.`,
});
