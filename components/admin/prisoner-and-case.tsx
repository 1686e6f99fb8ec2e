"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { PrisonerMatch } from "@/lib/data/admin-lookup";
import type { FieldErrors } from "@/lib/validation/common";
import { describedBy, FieldError, fieldId, inputClass, labelClass } from "./fields";

const NEW_CASE = "";

/**
 * The person, picked by typing part of any name form (a combobox over
 * GET /api/admin/prisoners), and then the case: chosen at once when the person has one,
 * otherwise picked from their cases or named as a new case.
 */
export function PrisonerAndCase({
  initial,
  caseId: initialCaseId,
  caseTitle: initialCaseTitle,
  errors,
}: {
  initial: PrisonerMatch | null;
  caseId: string;
  caseTitle: string;
  errors: FieldErrors;
}) {
  const [selected, setSelected] = useState<PrisonerMatch | null>(initial);
  const [query, setQuery] = useState(initial?.fullName ?? "");
  const [matches, setMatches] = useState<PrisonerMatch[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [message, setMessage] = useState("");
  const [caseId, setCaseId] = useState(initialCaseId || (initial?.cases.length === 1 ? initial.cases[0].id : NEW_CASE));
  const [caseTitle, setCaseTitle] = useState(initialCaseTitle);
  const listId = useId();
  const hintId = useId();
  const request = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!open || query.trim().length < 2 || (selected && query === selected.fullName)) return;
    const controller = new AbortController();
    request.current?.abort();
    request.current = controller;
    // Wait for a pause in typing before asking the server.
    const timer = window.setTimeout(async () => {
      try {
        const response = await fetch(`/api/admin/prisoners?q=${encodeURIComponent(query.trim())}`, {
          signal: controller.signal,
          headers: { Accept: "application/json" },
        });
        if (!response.ok) {
          setMatches([]);
          setMessage(response.status === 401 ? "Sign in again to search." : "Search is not available.");
          return;
        }
        const body = (await response.json()) as { matches: PrisonerMatch[] };
        setMatches(body.matches);
        setActive(body.matches.length > 0 ? 0 : -1);
        setMessage(body.matches.length === 0 ? "No one in the record matches." : `${body.matches.length} found.`);
      } catch (error) {
        if ((error as Error).name !== "AbortError") setMessage("Search is not available.");
      }
    }, 200);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, open, selected]);

  function choose(match: PrisonerMatch) {
    setSelected(match);
    setQuery(match.fullName);
    setOpen(false);
    setMatches([]);
    setMessage(`${match.fullName} chosen.`);
    setCaseId(match.cases.length === 1 ? match.cases[0].id : NEW_CASE);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(index + 1, matches.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === "Enter" && open && active >= 0 && matches[active]) {
      // Enter picks the highlighted person instead of sending the form.
      event.preventDefault();
      choose(matches[active]);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
    }
  }

  const expanded = open && matches.length > 0;
  const optionId = (index: number) => `${listId}-option-${index}`;
  const cases = selected?.cases ?? [];

  return (
    <fieldset className="space-y-4">
      <legend className="text-lg font-semibold">Person and case</legend>
      <div className="relative">
        <label htmlFor={fieldId("prisoner")} className={labelClass}>
          Prisoner
        </label>
        <p id={hintId} className="text-sm text-muted">
          Type two or more letters of any name, then choose from the list.
        </p>
        <input
          id={fieldId("prisoner")}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setSelected(null);
            setOpen(true);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          className={inputClass}
          {...describedBy("prisonerId", errors, hintId)}
        />
        <input type="hidden" name="prisonerId" value={selected?.id ?? ""} />
        <ul
          id={listId}
          role="listbox"
          aria-label="Matching people"
          hidden={!expanded}
          className="absolute z-10 mt-1 max-h-72 w-full overflow-auto rounded border border-stone-500 bg-white shadow-lg"
        >
          {matches.map((match, index) => (
            <li
              key={match.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              // Chosen on mouse down, before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(match);
              }}
              className={`cursor-pointer px-3 py-2 ${index === active ? "bg-rose-100" : ""}`}
            >
              {match.fullName}
              {match.published ? "" : " (draft)"}
            </li>
          ))}
        </ul>
        <p aria-live="polite" className="sr-only">
          {message}
        </p>
        <FieldError name="prisonerId" errors={errors} />
      </div>

      <div>
        <label htmlFor={fieldId("caseId")} className={labelClass}>
          Case
        </label>
        <select
          id={fieldId("caseId")}
          name="caseId"
          value={caseId}
          onChange={(event) => setCaseId(event.target.value)}
          className={inputClass}
          {...describedBy("caseId", errors)}
        >
          {cases.map((option) => (
            <option key={option.id} value={option.id}>
              {option.title}
              {option.caseNumber ? ` (${option.caseNumber})` : ""}
            </option>
          ))}
          <option value={NEW_CASE}>A new case…</option>
        </select>
        <FieldError name="caseId" errors={errors} />
      </div>
      {caseId === NEW_CASE ? (
        <div>
          <label htmlFor={fieldId("caseTitle")} className={labelClass}>
            Title of the new case
          </label>
          <input
            id={fieldId("caseTitle")}
            name="caseTitle"
            type="text"
            maxLength={300}
            value={caseTitle}
            onChange={(event) => setCaseTitle(event.target.value)}
            className={inputClass}
            {...describedBy("caseTitle", errors)}
          />
          <FieldError name="caseTitle" errors={errors} />
        </div>
      ) : null}
    </fieldset>
  );
}
