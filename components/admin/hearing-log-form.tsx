"use client";

import type { Route } from "next";
import Link from "next/link";
import { useActionState, useState } from "react";
import { idle, type ActionState, type FormValue } from "@/lib/actions/state";
import type { PrisonerMatch } from "@/lib/data/admin-lookup";
import type { LoggedHearing } from "@/lib/data/hearing-log";
import {
  courtKindLabel,
  hearingKindLabel,
  hearingStatusLabel,
  motionKindLabel,
  motionPartyLabel,
  rulingLabel,
} from "@/lib/labels";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/common";
import { formDataToObject } from "@/lib/actions/form-data";
import {
  courtKinds,
  hearingLogInput,
  hearingKinds,
  hearingReleaseReasons,
  hearingStatuses,
  MAX_MOTIONS,
  motionKinds,
  motionParties,
  rulings,
  sentenceKinds,
  verdictOutcomes,
} from "@/lib/validation/hearing-log";
import { describedBy, errorsOf, FieldError, fieldId, FormStatus, inputClass, labelClass, Select, TextField, valueOf, valuesOf } from "./fields";
import { LawyerChips } from "./lawyer-chips";
import { PrisonerAndCase } from "./prisoner-and-case";

type LogState = ActionState<LoggedHearing>;
type Action = (state: LogState, form: FormData) => Promise<LogState>;

const verdictLabel: Record<(typeof verdictOutcomes)[number], string> = {
  CONVICTED: "Convicted",
  ACQUITTED: "Acquitted",
  CASE_DISMISSED: "Case dismissed",
};
const sentenceLabel: Record<(typeof sentenceKinds)[number], string> = {
  IMPRISONMENT: "Imprisonment",
  SUSPENDED: "Suspended sentence",
  RESTRICTION_OF_FREEDOM: "Restriction of freedom",
  CORRECTIONAL_LABOUR: "Correctional labour",
  FINE: "Fine",
  OTHER: "Other",
};
const releaseLabel: Record<(typeof hearingReleaseReasons)[number], string> = {
  ACQUITTED: "Acquitted",
  CHARGES_DROPPED: "Charges dropped",
  CONDITIONAL_RELEASE: "Conditional release",
  MEASURE_CHANGED: "Detention replaced (e.g. by house arrest)",
  SENTENCE_SERVED: "Sentence served",
  OTHER: "Other",
};

/**
 * The hearing log: everything that happened at one hearing, in one form that works on a
 * phone. On failure the server echoes every field back, so nothing typed is lost.
 */
export function HearingLogForm(props: {
  action: Action;
  /** Whether the user may publish: only they can record a release (it changes the count). */
  canPublish: boolean;
  today: string;
  initialPrisoner: PrisonerMatch | null;
  suggestions: { courts: string[]; judges: string[]; lawyers: string[] };
}) {
  const [state, formAction, pending] = useActionState<LogState, FormData>(props.action, idle);
  // A new, empty form after each saved hearing; the same form (with the input) after a refusal.
  const formKey = state.status === "ok" ? state.result.hearingId : "form";
  return (
    <div className="space-y-6">
      {state.status === "ok" ? <Saved state={state} /> : null}
      <HearingFields key={formKey} {...props} state={state} formAction={formAction} pending={pending} />
    </div>
  );
}

function Saved({ state }: { state: Extract<LogState, { status: "ok" }> }) {
  return (
    <div role="status" className="rounded border border-green-800 bg-green-50 p-3">
      <p className="font-medium">{state.message}</p>
      {state.result.isPublic ? (
        <p>
          <Link href={state.result.publicPath as Route} className="underline">
            See it on the public timeline
          </Link>
        </p>
      ) : (
        <p>
          {state.result.state === "PUBLISHED"
            ? "It appears on the public timeline once the person's profile is published."
            : "It appears on the public timeline once an editor publishes it."}
        </p>
      )}
    </div>
  );
}

/** How many motion rows the echoed input had (at least one row is always offered). */
function motionRowsIn(values: Record<string, FormValue>): number {
  let rows = 1;
  for (const key of Object.keys(values)) {
    const match = /^motions\.(\d+)\./.exec(key);
    if (match) rows = Math.max(rows, Number(match[1]) + 1);
  }
  return Math.min(rows, MAX_MOTIONS);
}

function listOf(value: FormValue | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function HearingFields({
  state,
  formAction,
  pending,
  canPublish,
  today,
  initialPrisoner,
  suggestions,
}: {
  state: LogState;
  formAction: (form: FormData) => void;
  pending: boolean;
  canPublish: boolean;
  today: string;
  initialPrisoner: PrisonerMatch | null;
  suggestions: { courts: string[]; judges: string[]; lawyers: string[] };
}) {
  // The same schema as the server's, checked before sending: errors show at once, offline too.
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const errors = clientErrors ?? errorsOf(state);
  const values = valuesOf(state);
  const value = (name: string, fallback = "") => valueOf(values, name, fallback);
  // Each row keeps a stable identity for React; its fields are numbered by position.
  const [rows, setRows] = useState(() => Array.from({ length: motionRowsIn(values) }, (_, index) => index));
  const [nextRow, setNextRow] = useState(rows.length);
  const result = value("result", "none");

  return (
    <form
      action={formAction}
      noValidate
      className="space-y-8"
      aria-describedby="hearing-form-status"
      onSubmit={(event) => {
        const checked = hearingLogInput.safeParse(formDataToObject(new FormData(event.currentTarget)));
        if (checked.success) {
          setClientErrors(null);
          return;
        }
        event.preventDefault();
        setClientErrors(fieldErrorsOf(checked.error));
      }}
    >
      <div id="hearing-form-status">
        {clientErrors ? (
          <div aria-live="polite" role="status">
            <p className="rounded border border-red-700 bg-red-50 p-3 text-red-900">
              Some fields need attention.{clientErrors._form ? ` ${clientErrors._form.join(" ")}` : ""}
            </p>
          </div>
        ) : (
          <FormStatus state={state} />
        )}
      </div>

      <PrisonerAndCase
        initial={initialPrisoner}
        caseId={value("caseId")}
        caseTitle={value("caseTitle")}
        errors={errors}
      />

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Court and date</legend>
        <TextField name="courtName" label="Court" value={value("courtName")} errors={errors} maxLength={300} list="court-names"
          hint="Choose a court from the suggestions, or type a new one's full name." />
        <datalist id="court-names">
          {suggestions.courts.map((name) => <option key={name} value={name} />)}
        </datalist>
        <Select name="courtKind" label="Kind of court (for a new court)" options={courtKinds} labels={courtKindLabel}
          value={value("courtKind", "DISTRICT")} errors={errors} />
        <TextField name="judgeName" label="Judge (optional)" value={value("judgeName")} errors={errors} maxLength={200} list="judge-names" />
        <datalist id="judge-names">
          {suggestions.judges.map((name) => <option key={name} value={name} />)}
        </datalist>
        <div className="grid grid-cols-2 gap-3">
          <TextField name="date" label="Date" type="date" value={value("date", today)} errors={errors} />
          <TextField name="timeOfDay" label="Time (optional)" type="time" value={value("timeOfDay")} errors={errors} />
        </div>
        <Select name="kind" label="Kind of hearing" options={hearingKinds} labels={hearingKindLabel}
          value={value("kind", "DETENTION_EXTENSION")} errors={errors} />
        <Select name="status" label="Status" options={hearingStatuses} labels={hearingStatusLabel}
          value={value("status", "HELD")} errors={errors} />
        <LawyerChips initial={listOf(values.lawyers)} suggestions={suggestions.lawyers} errors={errors} />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Motions</legend>
        <FieldError name="motions" errors={errors} />
        {rows.map((row, position) => {
          const name = (field: string) => `motions.${position}.${field}`;
          return (
            <fieldset key={row} className="space-y-3 rounded border border-stone-300 bg-white p-3">
              <legend className="px-1 font-medium">Motion {position + 1}</legend>
              <Select name={name("party")} label="Filed by" options={motionParties} labels={motionPartyLabel}
                value={value(name("party"))} errors={errors} blank="Choose…" />
              <Select name={name("kind")} label="Asked for" options={motionKinds} labels={motionKindLabel}
                value={value(name("kind"))} errors={errors} blank="Choose…" />
              <TextField name={name("text")} label="Details (optional)" value={value(name("text"))} errors={errors} maxLength={2000} />
              <Select name={name("ruling")} label="Ruling" options={rulings} labels={rulingLabel}
                value={value(name("ruling"), "GRANTED")} errors={errors} />
              <TextField name={name("rulingNote")} label="Ruling note (optional)" value={value(name("rulingNote"))} errors={errors}
                maxLength={2000} />
              {rows.length > 1 ? (
                <button
                  type="button"
                  onClick={() => setRows(rows.filter((other) => other !== row))}
                  className="rounded border border-stone-500 px-3 py-1 text-sm"
                >
                  Remove motion {position + 1}
                </button>
              ) : null}
            </fieldset>
          );
        })}
        {rows.length < MAX_MOTIONS ? (
          <button
            type="button"
            onClick={() => {
              setRows([...rows, nextRow]);
              setNextRow(nextRow + 1);
            }}
            className="rounded border border-stone-500 bg-white px-4 py-2 font-medium"
          >
            Add motion
          </button>
        ) : null}
      </fieldset>

      <fieldset className="group space-y-3" {...describedBy("result", errors)}>
        <legend className="text-lg font-semibold">Result</legend>
        {(
          [
            ["none", "No result yet (or none recorded)"],
            ["extended", "Detention extended"],
            ["verdict", "Verdict"],
            ["released", "Released"],
          ] as const
        )
          .filter(([option]) => canPublish || option !== "released")
          .map(([option, label]) => (
          <div key={option} className="flex items-center gap-2">
            <input id={`result-${option}`} type="radio" name="result" value={option} defaultChecked={result === option} className="size-5" />
            <label htmlFor={`result-${option}`}>{label}</label>
          </div>
        ))}
        {canPublish ? null : (
          <p className="text-sm text-muted">A release changes the public count: an editor records it.</p>
        )}
        <FieldError name="result" errors={errors} />
        {/* Only the chosen result's fields show (CSS alone); the server ignores the others. */}
        <div className="hidden space-y-3 group-has-[#result-extended:checked]:block">
          <TextField name="until" label="Detention extended until" type="date" value={value("until")} errors={errors} />
        </div>
        <div className="hidden space-y-3 group-has-[#result-verdict:checked]:block">
          <Select name="verdictOutcome" label="Verdict" options={verdictOutcomes} labels={verdictLabel}
            value={value("verdictOutcome")} errors={errors} blank="Choose…" />
          <Select name="sentenceKind" label="Sentence" options={sentenceKinds} labels={sentenceLabel}
            value={value("sentenceKind")} errors={errors} blank="None" />
          <TextField name="sentenceMonths" label="Sentence length in months" type="number" value={value("sentenceMonths")} errors={errors} />
        </div>
        <div className="hidden space-y-3 group-has-[#result-released:checked]:block">
          <Select name="releaseReason" label="Why released" options={hearingReleaseReasons} labels={releaseLabel}
            value={value("releaseReason")} errors={errors} blank="Choose…" />
        </div>
      </fieldset>

      <div>
        <label htmlFor={fieldId("outcome")} className={labelClass}>
          Summary (optional)
        </label>
        <textarea id={fieldId("outcome")} name="outcome" rows={3} maxLength={5000} defaultValue={value("outcome")}
          className={inputClass} {...describedBy("outcome", errors)} />
        <FieldError name="outcome" errors={errors} />
      </div>

      <button type="submit" disabled={pending} className="w-full rounded bg-accent px-4 py-3 font-semibold text-white disabled:opacity-60">
        {pending ? "Saving…" : "Save hearing"}
      </button>
    </form>
  );
}
