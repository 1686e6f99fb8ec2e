"use client";

import { useActionState, useState } from "react";
import { idle, type ActionState } from "@/lib/actions/state";
import type { ImprisonedChoice } from "@/lib/data/decrees";
import { formatPartialDate } from "@/lib/dates";
import { decreeKinds } from "@/lib/validation/decree";
import { describedBy, errorsOf, FieldError, fieldId, FormStatus, inputClass, labelClass, Select, TextField, valueOf, valuesOf } from "./fields";

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

  return (
    <form action={formAction} noValidate className="space-y-6">
      <FormStatus state={state} />
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">The decree</legend>
        <Select name="kind" label="Kind" options={decreeKinds} labels={kindLabel} value={value("kind", "PARDON")} errors={errors} />
        <TextField name="title" label="Title" value={value("title")} errors={errors} maxLength={500} />
        <TextField name="number" label="Number (optional)" value={value("number")} errors={errors} maxLength={100} />
        <TextField name="signedDate" label="Signed on" value={value("signedDate")} errors={errors}
          hint="YYYY-MM-DD, or YYYY-MM or YYYY when only that is known." />
        <TextField name="releasedOn" label="Released on (optional)" value={value("releasedOn")} errors={errors}
          hint="When the people were freed, if not the day of signing." />
        <TextField name="signedBy" label="Signed by (optional)" value={value("signedBy")} errors={errors} maxLength={200} />
        <TextField name="url" label="Source address (optional)" type="url" value={value("url")} errors={errors} maxLength={2000} />
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
