"use client";

import { useId, useState } from "react";
import { MAX_LAWYERS } from "@/lib/validation/hearing-log";
import type { FieldErrors } from "@/lib/validation/common";
import { describedBy, FieldError, fieldId, inputClass, labelClass } from "./fields";

/**
 * Lawyers present, as removable chips. Names are suggested from the record as one types; a
 * name not in the record becomes a new lawyer when the hearing is saved. Each chip is sent as
 * a repeated `lawyers` field.
 */
export function LawyerChips({ initial, suggestions, errors }: { initial: string[]; suggestions: string[]; errors: FieldErrors }) {
  const [names, setNames] = useState<string[]>(initial);
  const [draft, setDraft] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const listId = useId();
  const hintId = useId();

  function add() {
    const name = draft.trim();
    if (!name) return;
    if (!names.some((existing) => existing.toLowerCase() === name.toLowerCase()) && names.length < MAX_LAWYERS) {
      setNames([...names, name]);
      setAnnouncement(`${name} added.`);
    }
    setDraft("");
  }

  return (
    <div>
      <label htmlFor={fieldId("lawyer-name")} className={labelClass}>
        Lawyers present
      </label>
      <p id={hintId} className="text-sm text-muted">
        Type a name and press Enter or Add; add as many as were there.
      </p>
      <div className="flex gap-2">
        <input
          id={fieldId("lawyer-name")}
          type="text"
          list={listId}
          maxLength={200}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              add();
            }
          }}
          className={inputClass}
          {...describedBy("lawyers", errors, hintId)}
        />
        <button type="button" onClick={add} className="mt-1 rounded border border-stone-500 bg-white px-4 py-2 font-medium">
          Add
        </button>
      </div>
      <datalist id={listId}>
        {suggestions.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {names.length > 0 ? (
        <ul aria-label="Lawyers present" className="mt-2 flex flex-wrap gap-2">
          {names.map((name) => (
            <li key={name} className="flex items-center gap-1 rounded-full bg-stone-200 py-1 pl-3 pr-1">
              {name}
              <input type="hidden" name="lawyers" value={name} />
              <button
                type="button"
                onClick={() => {
                  setNames(names.filter((other) => other !== name));
                  setAnnouncement(`${name} removed.`);
                }}
                aria-label={`Remove ${name}`}
                className="rounded-full px-2 text-lg leading-none"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      <FieldError name="lawyers" errors={errors} />
    </div>
  );
}
