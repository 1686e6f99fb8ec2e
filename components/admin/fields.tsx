import type { ActionState, FormValue } from "@/lib/actions/state";
import type { FieldErrors } from "@/lib/validation/common";

/**
 * Small pieces shared by the admin forms: the id of a field's error message, the attributes
 * that tie a field to it, and the message itself, shown next to the field.
 */
export const inputClass =
  "mt-1 block w-full rounded border border-stone-500 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-700";
export const labelClass = "block text-sm font-medium";

export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

export function errorId(name: string): string {
  return `${fieldId(name)}-error`;
}

export function errorsOf(state: ActionState<unknown>): FieldErrors {
  return state.status === "error" ? state.fieldErrors : {};
}

export function valuesOf(state: ActionState<unknown>): Record<string, FormValue> {
  return state.status === "error" ? state.values : {};
}

/** The echoed value of a single field, or the fallback when there is none. */
export function valueOf(values: Record<string, FormValue>, name: string, fallback = ""): string {
  const value = values[name];
  if (value === undefined) return fallback;
  return Array.isArray(value) ? (value[0] ?? fallback) : value;
}

/** aria attributes for a field that may have an error, plus any hint it has. */
export function describedBy(name: string, errors: FieldErrors, hintId?: string) {
  const invalid = (errors[name]?.length ?? 0) > 0;
  const ids = [hintId, invalid ? errorId(name) : undefined].filter(Boolean).join(" ");
  return { "aria-invalid": invalid || undefined, "aria-describedby": ids || undefined };
}

export function FieldError({ name, errors }: { name: string; errors: FieldErrors }) {
  const messages = errors[name];
  if (!messages || messages.length === 0) return null;
  return (
    <p id={errorId(name)} className="mt-1 text-sm font-medium text-red-800">
      {messages.join(" ")}
    </p>
  );
}

/** The form's summary line, read out when it changes. */
export function FormStatus({ state }: { state: ActionState<unknown> }) {
  return (
    <div aria-live="polite" role="status" className="empty:hidden">
      {state.status === "error" ? (
        <p className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
          {state.message}
          {state.fieldErrors._form ? ` ${state.fieldErrors._form.join(" ")}` : ""}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled select; `blank` adds a first, empty choice. */
export function Select<Value extends string>({
  name,
  label,
  options,
  labels,
  value,
  errors,
  blank,
}: {
  name: string;
  label: string;
  options: readonly Value[];
  labels: Record<Value, string>;
  value: string;
  errors: FieldErrors;
  blank?: string;
}) {
  return (
    <div>
      <label htmlFor={fieldId(name)} className={labelClass}>
        {label}
      </label>
      <select id={fieldId(name)} name={name} defaultValue={value} className={inputClass} {...describedBy(name, errors)}>
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
      <FieldError name={name} errors={errors} />
    </div>
  );
}

/** A labelled input with an optional hint, its error next to it. */
export function TextField({
  name,
  label,
  value,
  errors,
  maxLength,
  type = "text",
  list,
  hint,
}: {
  name: string;
  label: string;
  value: string;
  errors: FieldErrors;
  maxLength?: number;
  type?: "text" | "date" | "time" | "number" | "url";
  list?: string;
  hint?: string;
}) {
  const hintId = hint ? `${fieldId(name)}-hint` : undefined;
  return (
    <div>
      <label htmlFor={fieldId(name)} className={labelClass}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <input
        id={fieldId(name)}
        name={name}
        type={type}
        defaultValue={value}
        maxLength={maxLength}
        list={list}
        autoComplete="off"
        className={inputClass}
        {...describedBy(name, errors, hintId)}
      />
      <FieldError name={name} errors={errors} />
    </div>
  );
}
