"use client";

import { useActionState, useState } from "react";
import { idle, type ActionState } from "@/lib/actions/state";
import type { ImprisonedChoice } from "@/lib/data/decrees";
import { formatPartialDate } from "@/lib/dates";
import { decreeKinds } from "@/lib/validation/decree";
import { describedBy, errorsOf, FieldError, fieldId, FormStatus, inputClass, labelClass, valueOf, valuesOf } from "./fields";

type DecreeState = ActionState<{ id: string; freed: number }>;

const kindLabel: Record<(typeof decreeKinds)[number], string> = { PARDON: "Pardon", AMNESTY: "Amnesty" };

/** The decree's details, then everyone in custody now as a list to tick (filtered by typing). */
export function DecreeForm({
  action,
  people,
}: {
  action: (state: DecreeState, form: FormData) => Promise<DecreeState>;
  people: ImprisonedChoice[];
}) {
  const [state, formAction, pending] = useActionState<DecreeState, FormData>(action, idle);
  return (
    <div className="space-y-6">
      {state.status === "ok" ? (
        <p role="status" className="rounded border border-green-800 bg-green-50 p-3 font-medium">
          {state.message}
        </p>
      ) : null}
      <DecreeFields key={state.status === "ok" ? state.result.id : "form"} state={state} formAction={formAction} pending={pending} people={people} />
    </div>
  );
}

function DecreeFields({
  state,
  formAction,
  pending,
  people,
}: {
  state: DecreeState;
  formAction: (form: FormData) => void;
  pending: boolean;
  people: ImprisonedChoice[];
}) {
  const errors = errorsOf(state);
  const values = valuesOf(state);
  const value = (name: string, fallback = "") => valueOf(values, name, fallback);
  const chosen = new Set(Array.isArray(values.prisonerIds) ? values.prisonerIds : values.prisonerIds ? [values.prisonerIds] : []);
  const [filter, setFilter] = useState("");
  const visible = (person: ImprisonedChoice) => !filter || person.fullName.toLowerCase().includes(filter.trim().toLowerCase());

  const text = (name: string, label: string, options: { maxLength?: number; type?: string; hint?: string } = {}) => (
    <div>
      <label htmlFor={fieldId(name)} className={labelClass}>
        {label}
      </label>
      {options.hint ? (
        <p id={`${fieldId(name)}-hint`} className="text-sm text-muted">
          {options.hint}
        </p>
      ) : null}
      <input
        id={fieldId(name)}
        name={name}
        type={options.type ?? "text"}
        maxLength={options.maxLength}
        defaultValue={value(name)}
        className={inputClass}
        {...describedBy(name, errors, options.hint ? `${fieldId(name)}-hint` : undefined)}
      />
      <FieldError name={name} errors={errors} />
    </div>
  );

  return (
    <form action={formAction} noValidate className="space-y-6">
      <FormStatus state={state} />
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">The decree</legend>
        <div>
          <label htmlFor={fieldId("kind")} className={labelClass}>
            Kind
          </label>
          <select id={fieldId("kind")} name="kind" defaultValue={value("kind", "PARDON")} className={inputClass} {...describedBy("kind", errors)}>
            {decreeKinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel[kind]}
              </option>
            ))}
          </select>
          <FieldError name="kind" errors={errors} />
        </div>
        {text("title", "Title", { maxLength: 500 })}
        {text("number", "Number (optional)", { maxLength: 100 })}
        {text("signedDate", "Signed on", { hint: "YYYY-MM-DD, or YYYY-MM or YYYY when only that is known." })}
        {text("releasedOn", "Released on (optional)", { hint: "When the people were freed, if not the day of signing." })}
        {text("signedBy", "Signed by (optional)", { maxLength: 200 })}
        {text("url", "Source address (optional)", { maxLength: 2000, type: "url" })}
      </fieldset>

      <fieldset className="space-y-3" {...describedBy("prisonerIds", errors)}>
        <legend className="text-lg font-semibold">People freed</legend>
        <FieldError name="prisonerIds" errors={errors} />
        <div>
          <label htmlFor={fieldId("people-filter")} className={labelClass}>
            Filter the list by name
          </label>
          <input id={fieldId("people-filter")} type="search" value={filter} onChange={(event) => setFilter(event.target.value)} className={inputClass} />
        </div>
        {people.length === 0 ? <p>No one is in custody in the record.</p> : null}
        <ul className="max-h-96 space-y-1 overflow-auto rounded border border-stone-300 bg-white p-2">
          {people.map((person) => (
            <li key={person.prisonerId} hidden={!visible(person)} className="flex items-start gap-2 py-1">
              <input
                id={`free-${person.prisonerId}`}
                type="checkbox"
                name="prisonerIds"
                value={person.prisonerId}
                defaultChecked={chosen.has(person.prisonerId)}
                className="mt-1 size-5"
              />
              <label htmlFor={`free-${person.prisonerId}`}>
                {person.fullName}
                {person.published ? "" : " (draft)"}
                <span className="block text-sm text-muted">in custody since {formatPartialDate(person.since)}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <button type="submit" disabled={pending} className="w-full rounded bg-accent px-4 py-3 font-semibold text-white disabled:opacity-60">
        {pending ? "Saving…" : "Save decree and release"}
      </button>
    </form>
  );
}
