"use client";

import { useId, useRef, useState, useSyncExternalStore, useTransition } from "react";
import { previewImportFile } from "@/app/(workspace)/admin/import/actions";
import type { ImportPreview, ImportResult, RowOutcome } from "@/lib/data/import";
import type { ActionState } from "@/lib/actions/state";
import { describeResult } from "@/lib/import-report";
import { buttonClass, FormMessage } from "./form-field";

const statusLabels: Record<RowOutcome["status"], string> = {
  new: "New",
  changed: "Changed",
  unchanged: "Unchanged",
  error: "Error",
};

const fieldLabels: Record<string, string> = { _row: "Row", _form: "Row" };

function PreviewTable({ preview }: { preview: ImportPreview }) {
  const { counts } = preview;
  return (
    <section aria-labelledby="preview-heading" className="mt-6">
      <h2 id="preview-heading" className="mb-2 text-xl font-bold">
        Preview
      </h2>
      {preview.fileErrors.length > 0 ? (
        <ul className="mb-3 list-disc pl-6 text-accent">
          {preview.fileErrors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
      <p className="mb-2">
        {counts.new} new, {counts.changed} changed, {counts.unchanged} unchanged,{" "}
        <strong className={counts.error > 0 ? "text-accent" : undefined}>{counts.error} with errors</strong>.
      </p>
      {preview.extraColumns.length > 0 ? <p className="mb-1">Ignored columns: {preview.extraColumns.join(", ")}</p> : null}
      {preview.newCategories.length > 0 ? (
        <p className="mb-1">Categories that will be created: {preview.newCategories.join(", ")}</p>
      ) : null}
      {preview.rows.length > 0 ? (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Every row of the file and what importing it does</caption>
            <thead>
              <tr className="border-b border-stone-400">
                <th scope="col" className="py-1 pr-3">
                  Row
                </th>
                <th scope="col" className="py-1 pr-3">
                  Name
                </th>
                <th scope="col" className="py-1 pr-3">
                  Status
                </th>
                <th scope="col" className="py-1">
                  Errors or what it adds
                </th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.line} className="border-b border-stone-200 align-top">
                  <th scope="row" className="py-1 pr-3 font-normal">
                    {row.line}
                  </th>
                  <td className="py-1 pr-3">{row.fullName}</td>
                  <td className={`py-1 pr-3 ${row.status === "error" ? "font-bold text-accent" : ""}`}>
                    {statusLabels[row.status]}
                  </td>
                  <td className="py-1">
                    {row.status === "error" ? (
                      <ul>
                        {Object.entries(row.errors).flatMap(([field, messages]) =>
                          messages.map((message) => (
                            <li key={`${field}-${message}`}>
                              <code>{fieldLabels[field] ?? field}</code>: {message}
                            </li>
                          )),
                        )}
                      </ul>
                    ) : (
                      row.changes.join("; ") || "Nothing to add"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

type Progress = { done: number; total: number };

/** Reads the import's stream: a progress line after each batch, then the action's answer. */
async function runImport(form: FormData, onProgress: (progress: Progress) => void): Promise<ActionState<ImportResult>> {
  const response = await fetch("/admin/import/run", { method: "POST", body: form });
  if (!response.ok || !response.body) {
    return { status: "error", code: 500, message: await response.text(), fieldErrors: {}, values: {} };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    let newline = buffered.indexOf("\n");
    while (newline >= 0) {
      const message = JSON.parse(buffered.slice(0, newline)) as { progress?: Progress; state?: ActionState<ImportResult> };
      buffered = buffered.slice(newline + 1);
      if (message.progress) onProgress(message.progress);
      if (message.state) return message.state;
      newline = buffered.indexOf("\n");
    }
  }
  return { status: "error", code: 500, message: "The import stopped without an answer.", fieldErrors: {}, values: {} };
}

const noSubscription = () => () => {};

/**
 * Upload, preview, import. The file stays chosen across the steps; the import shows its real
 * progress as the server writes each batch of rows.
 */
export function ImportForm() {
  const id = useId();
  // The file is read from the input when it is needed, so one chosen before the page's script
  // started is not lost; the form is sent only once the script runs (it cannot work without it).
  const fileInput = useRef<HTMLInputElement>(null);
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  const [publish, setPublish] = useState(false);
  const [preview, setPreview] = useState<ActionState<ImportPreview>>({ status: "idle" });
  const [outcome, setOutcome] = useState<ActionState<ImportResult>>({ status: "idle" });
  const [progress, setProgress] = useState<Progress | null>(null);
  const [checking, startChecking] = useTransition();
  const [importing, setImporting] = useState(false);

  function formData(): FormData {
    const form = new FormData();
    const file = fileInput.current?.files?.[0];
    if (file) form.set("file", file);
    if (publish) form.set("publish", "on");
    return form;
  }

  function check(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome({ status: "idle" });
    setProgress(null);
    startChecking(async () => setPreview(await previewImportFile(formData())));
  }

  async function importFile() {
    setImporting(true);
    setProgress({ done: 0, total: preview.status === "ok" ? preview.result.rows.length : 0 });
    const state = await runImport(formData(), setProgress);
    setOutcome(state);
    if (state.status === "ok") setPreview({ status: "idle" });
    setImporting(false);
  }

  const fileErrors = preview.status === "error" ? (preview.fieldErrors.csv ?? []) : [];
  const ready = preview.status === "ok" && preview.result.importable;
  return (
    <div>
      <form onSubmit={check} className="max-w-prose space-y-4">
        <div>
          <label htmlFor={`${id}-file`} className="block font-medium">
            CSV file
          </label>
          <p id={`${id}-hint`} className="text-sm text-muted">
            UTF-8, comma- or semicolon-separated, at most 5 MB and 5,000 rows.
          </p>
          <input
            id={`${id}-file`}
            name="file"
            type="file"
            accept=".csv,text/csv"
            required
            aria-describedby={`${id}-hint${fileErrors.length ? ` ${id}-file-error` : ""}`}
            aria-invalid={fileErrors.length > 0 || undefined}
            ref={fileInput}
            onChange={() => {
              setPreview({ status: "idle" });
              setOutcome({ status: "idle" });
              setProgress(null);
            }}
            className="mt-1 block w-full"
          />
          {fileErrors.length ? (
            <ul id={`${id}-file-error`} className="mt-1 text-sm text-accent">
              {fileErrors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <div className="flex items-start gap-2">
          <input
            id={`${id}-publish`}
            type="checkbox"
            checked={publish}
            onChange={(event) => {
              setPublish(event.currentTarget.checked);
              setPreview({ status: "idle" });
            }}
            aria-describedby={`${id}-publish-hint`}
            className="mt-1.5"
          />
          <div>
            <label htmlFor={`${id}-publish`} className="font-medium">
              Publish the new people
            </label>
            <p id={`${id}-publish-hint`} className="text-sm text-muted">
              Otherwise they are imported as drafts for review. People already in the record keep their state.
            </p>
          </div>
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={buttonClass} disabled={!scripted || checking || importing}>
            {checking ? "Checking…" : "Check the file"}
          </button>
          {ready ? (
            <button type="button" className={buttonClass} onClick={importFile} disabled={importing}>
              {importing ? "Importing…" : "Import"}
            </button>
          ) : null}
        </div>
      </form>

      {progress ? (
        <div className="mt-4 max-w-prose">
          <label htmlFor={`${id}-progress`} className="block font-medium">
            Import progress
          </label>
          <progress id={`${id}-progress`} max={progress.total || 1} value={progress.total ? progress.done : 0} className="w-full">
            {progress.done} of {progress.total} rows
          </progress>
          <p className="text-sm text-muted">
            {progress.done} of {progress.total} rows written
          </p>
        </div>
      ) : null}

      <div className="mt-4">
        <FormMessage state={outcome.status !== "idle" ? outcome : preview} />
        {outcome.status === "ok" ? <p>{describeResult(outcome.result)}</p> : null}
        {outcome.status === "error" && outcome.fieldErrors.csv ? (
          <ul className="list-disc pl-6 text-accent">
            {outcome.fieldErrors.csv.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        ) : null}
      </div>

      {preview.status === "ok" ? <PreviewTable preview={preview.result} /> : null}
    </div>
  );
}
