import type { ActionState } from "@/lib/actions/state";

export const inputClass = "mt-1 block w-full rounded border border-stone-400 bg-white px-3 py-2";
export const buttonClass =
  "rounded bg-accent px-4 py-2 font-medium text-white hover:bg-rose-900 disabled:cursor-wait disabled:opacity-70";

/** The errors of one field from an action's answer. */
export function errorsOf(state: ActionState<unknown>, field: string): string[] {
  return state.status === "error" ? (state.fieldErrors[field] ?? []) : [];
}

/** What the user typed, kept when the server refuses the form. */
export function valueOf(state: ActionState<unknown>, field: string): string | undefined {
  if (state.status !== "error") return undefined;
  const value = state.values[field];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A labelled input with its errors next to it, tied by aria-describedby, and an optional hint.
 * The key makes React show the server's echo of the input after a refused submit.
 */
export function TextField({
  id,
  name,
  label,
  type = "text",
  errors = [],
  hint,
  defaultValue,
  autoComplete,
  required,
  inputMode,
  maxLength,
}: {
  id: string;
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  errors?: string[];
  hint?: string;
  defaultValue?: string;
  autoComplete?: string;
  required?: boolean;
  inputMode?: "numeric" | "email" | "text";
  maxLength?: number;
}) {
  const describedBy = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <input
        key={defaultValue}
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        required={required}
        inputMode={inputMode}
        maxLength={maxLength}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy || undefined}
        className={inputClass}
      />
      {errors.length ? (
        <ul id={`${id}-error`} className="mt-1 text-sm text-accent">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The form's overall answer, announced to screen readers. */
export function FormMessage({ state, reserveSpace = true }: { state: ActionState<unknown>; reserveSpace?: boolean }) {
  return (
    <div aria-live="polite" role="status" className={reserveSpace ? "min-h-6" : undefined}>
      {state.status === "ok" ? <p className="font-medium text-green-800">{state.message}</p> : null}
      {state.status === "error" ? <p className="font-medium text-accent">{state.message}</p> : null}
    </div>
  );
}
