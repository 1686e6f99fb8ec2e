"use client";

import { useActionState, useState } from "react";
import { formDataToObject } from "@/lib/actions/form-data";
import type { ActionState, FormValue } from "@/lib/actions/state";
import type { FieldSpec, Option } from "@/lib/admin/forms";
import type { RecordOption, RecordSnapshot, ResourceKey } from "@/lib/admin/record-types";
import { adminSchemas } from "@/lib/admin/schemas";
import { fieldErrorsOf, type FieldErrors as ErrorsByField } from "@/lib/validation/common";
import { RelationPicker } from "./relation-picker";

type FormAction = (state: ActionState, form: FormData) => Promise<ActionState>;

const idle: ActionState = { status: "idle" };

function text(value: FormValue | undefined): string {
  return Array.isArray(value) ? value.join("\n") : (value ?? "");
}

function list(value: FormValue | undefined): string[] {
  return Array.isArray(value) ? value : value ? [value] : [];
}

/** What a field shows in the conflict panel: the chosen record's name rather than its id. */
function readable(field: FieldSpec, value: FormValue | undefined, labels: Record<string, string>): string {
  const values = list(value);
  if (values.length === 0) return "(empty)";
  if (field.kind === "select") return values.map((item) => field.options.find((option) => option.value === item)?.label ?? item).join(", ");
  if (field.kind === "relation" || field.kind === "relations" || field.kind === "checkboxes") {
    return values.map((item) => labels[`${field.name}.${item}`] ?? labels[field.name] ?? item).join(", ");
  }
  return values.join("\n");
}

function same(a: FormValue | undefined, b: FormValue | undefined): boolean {
  return list(a).slice().sort().join("\u0000") === list(b).slice().sort().join("\u0000");
}

/**
 * The create and edit form for every kind of record. On a refusal the server sends the input
 * back, and the form shows it again with each field's errors next to it. On a lost-update
 * conflict it shows what the other person saved next to what this user typed (kept in the
 * form), and takes the new version so that saving again is a deliberate choice.
 */
export function RecordForm({
  resource,
  fields,
  initial,
  choices,
  action,
  submitLabel,
  record,
}: {
  resource: ResourceKey;
  fields: FieldSpec[];
  initial: { values: Record<string, FormValue>; labels: Record<string, string> };
  choices: Record<string, Option[]>;
  action: FormAction;
  submitLabel: string;
  record?: { id: string; version: number };
}) {
  // Each answer remounts the fields (`round`), so that they show what the server sent back.
  const [{ state, round }, formAction, pending] = useActionState(
    async (previous: { state: ActionState; round: number }, form: FormData) => ({
      state: await action(previous.state, form),
      round: previous.round + 1,
    }),
    { state: idle, round: 0 },
  );

  // The same schema the server uses, checked before sending: errors show without a round trip.
  const [clientErrors, setClientErrors] = useState<ErrorsByField | null>(null);
  function checkBeforeSending(event: React.FormEvent<HTMLFormElement>) {
    const schema = adminSchemas[resource][record ? "update" : "create"];
    const result = schema.safeParse(formDataToObject(new FormData(event.currentTarget)));
    if (result.success) {
      setClientErrors(null);
      return;
    }
    event.preventDefault();
    setClientErrors(fieldErrorsOf(result.error));
  }

  const serverFailure = state.status === "error" ? state : null;
  const failed = clientErrors
    ? {
        code: 400 as const,
        message: "Some fields need attention.",
        fieldErrors: clientErrors,
        values: serverFailure?.values ?? initial.values,
        conflict: serverFailure?.conflict,
      }
    : serverFailure;
  const values = serverFailure ? serverFailure.values : initial.values;
  const conflict = serverFailure?.code === 409 ? (serverFailure.conflict?.current as RecordSnapshot | undefined) : undefined;
  const labels = { ...initial.labels, ...(conflict?.labels ?? {}) };
  const version = conflict ? conflict.version : record?.version;
  const changed = conflict ? fields.filter((field) => !same(conflict.values[field.name], values[field.name])) : [];
  const publicFields = fields.filter((field) => !field.private);
  const privateFields = fields.filter((field) => field.private);

  function renderField(field: FieldSpec) {
    const id = `field-${field.name}`;
    const errors = failed?.fieldErrors[field.name] ?? [];
    const hintId = field.hint ? `${id}-hint` : undefined;
    const errorId = errors.length > 0 ? `${id}-error` : undefined;
    const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
    const common = {
      id,
      name: field.name,
      "aria-describedby": describedBy,
      "aria-invalid": errors.length > 0 || undefined,
      required: field.required,
      className: "w-full rounded border border-stone-400 bg-white px-3 py-2",
    };
    const value = text(values[field.name]);
    let control: React.ReactNode;
    switch (field.kind) {
      case "textarea":
      case "lines":
        control = <textarea {...common} defaultValue={value} rows={field.kind === "lines" ? 3 : 5} maxLength={field.maxLength} />;
        break;
      case "select":
        control = (
          <select {...common} defaultValue={value || field.initial || ""}>
            {field.required || field.initial || field.options.some((option) => option.value === "") ? null : (
              <option value="">Not given</option>
            )}
            {field.required && !value ? <option value="">Choose…</option> : null}
            {field.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        );
        break;
      case "checkboxes": {
        const checked = new Set(list(values[field.name]));
        return (
          <fieldset key={field.name} className="space-y-1" aria-describedby={describedBy}>
            <legend className="font-semibold">{field.label}</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {(choices[field.choices] ?? []).map((option) => (
                <label key={option.value} className="flex items-center gap-2">
                  <input type="checkbox" name={field.name} value={option.value} defaultChecked={checked.has(option.value)} />
                  {option.label}
                </label>
              ))}
            </div>
            <FieldErrors id={errorId} errors={errors} />
          </fieldset>
        );
      }
      case "relation":
      case "relations": {
        const chosen: RecordOption[] = list(values[field.name]).map((item) => ({
          id: item,
          label: labels[`${field.name}.${item}`] ?? labels[field.name] ?? item,
        }));
        return (
          <div key={field.name} className="space-y-1">
            <span className="block font-semibold" id={`${id}-label`}>
              {field.label}
              {field.required ? <span className="text-accent"> (required)</span> : null}
            </span>
            {field.hint ? (
              <p id={hintId} className="text-sm text-muted">
                {field.hint}
              </p>
            ) : null}
            <RelationPicker
              name={field.name}
              label={field.label}
              resource={field.resource}
              multiple={field.kind === "relations"}
              allowCreate={field.kind === "relation" && field.allowCreate}
              initial={chosen}
              describedBy={describedBy}
              invalid={errors.length > 0}
              required={field.required}
            />
            <FieldErrors id={errorId} errors={errors} />
          </div>
        );
      }
      default:
        control = (
          <input
            {...common}
            type={field.kind === "url" ? "url" : "text"}
            inputMode={field.kind === "number" ? "numeric" : undefined}
            defaultValue={value}
            maxLength={"maxLength" in field ? field.maxLength : undefined}
            placeholder={field.kind === "partialDate" ? "YYYY-MM-DD" : field.kind === "date" ? "YYYY-MM-DD" : field.kind === "time" ? "HH:MM" : undefined}
          />
        );
    }
    return (
      <div key={field.name} className="space-y-1">
        <label htmlFor={id} className="block font-semibold">
          {field.label}
          {field.required ? <span className="text-accent"> (required)</span> : null}
          {field.private ? <span className="ml-2 rounded bg-amber-200 px-1 text-sm text-ink">Private</span> : null}
        </label>
        {field.hint ? (
          <p id={hintId} className="text-sm text-muted">
            {field.hint}
          </p>
        ) : null}
        {control}
        <FieldErrors id={errorId} errors={errors} />
      </div>
    );
  }

  return (
    <form key={round} action={formAction} onSubmit={checkBeforeSending} className="space-y-5" noValidate data-resource={resource}>
      <div aria-live="polite" role="status">
        {failed ? (
          <div className="rounded border border-accent bg-rose-50 p-3">
            <p className="font-semibold text-accent">{failed.message}</p>
            {failed.fieldErrors._form ? <FieldErrors errors={failed.fieldErrors._form} /> : null}
          </div>
        ) : null}
      </div>
      {conflict ? (
        <section aria-labelledby="conflict-heading" className="rounded border border-amber-700 bg-amber-50 p-3">
          <h2 id="conflict-heading" className="font-semibold">
            Changed by someone else since you opened it
          </h2>
          {changed.length === 0 ? (
            <p>Their saved version has the same values you typed. Save again to confirm.</p>
          ) : (
            <dl className="mt-2 space-y-2">
              {changed.map((field) => (
                <div key={field.name}>
                  <dt className="font-semibold">{field.label}</dt>
                  <dd>
                    Saved now: <span className="whitespace-pre-wrap">{readable(field, conflict.values[field.name], conflict.labels)}</span>
                  </dd>
                  <dd>
                    Yours (still in the form): <span className="whitespace-pre-wrap">{readable(field, values[field.name], labels)}</span>
                  </dd>
                </div>
              ))}
            </dl>
          )}
          <p className="mt-2 text-sm">Saving now replaces their version with what the form shows.</p>
        </section>
      ) : null}
      {record ? (
        <>
          <input type="hidden" name="id" value={record.id} />
          <input type="hidden" name="version" value={String(version)} />
        </>
      ) : null}
      {publicFields.map(renderField)}
      {privateFields.length > 0 ? (
        <fieldset className="space-y-4 rounded border-2 border-dashed border-amber-700 p-3">
          <legend className="px-1 font-semibold">
            <span className="rounded bg-amber-200 px-1">Private</span> never shown on the public site
          </legend>
          {privateFields.map(renderField)}
        </fieldset>
      ) : null}
      <button type="submit" disabled={pending} className="rounded bg-accent px-4 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Saving…" : submitLabel}
      </button>
    </form>
  );
}

function FieldErrors({ id, errors }: { id?: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <ul id={id} className="text-sm font-semibold text-accent">
      {errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}
