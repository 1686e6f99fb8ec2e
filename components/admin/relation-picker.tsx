"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { quickCreateRecordAction } from "@/app/(workspace)/admin/record-actions";
import type { RecordOption, ResourceKey } from "@/lib/admin/record-types";

/**
 * Picks related records by typing (ARIA combobox with a list box): arrow keys move through the
 * matches, Enter chooses, Escape closes. The chosen ids go to the form in hidden inputs named
 * after the field, so the server sees exactly what the schema expects. With `allowCreate`, the
 * last option creates a draft record with the typed name.
 */
export function RelationPicker({
  name,
  label,
  resource,
  multiple = false,
  allowCreate = false,
  initial,
  describedBy,
  invalid,
  required,
}: {
  name: string;
  label: string;
  resource: ResourceKey;
  multiple?: boolean;
  allowCreate?: boolean;
  initial: RecordOption[];
  describedBy?: string;
  invalid?: boolean;
  required?: boolean;
}) {
  const inputId = useId();
  const listId = useId();
  const [chosen, setChosen] = useState<RecordOption[]>(initial);
  const [text, setText] = useState(multiple ? "" : (initial[0]?.label ?? ""));
  const [options, setOptions] = useState<RecordOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [message, setMessage] = useState("");
  const [creating, startCreating] = useTransition();
  const request = useRef(0);

  const query = text.trim();
  const offerCreate = allowCreate && query.length > 0 && !options.some((option) => option.label.toLowerCase() === query.toLowerCase());
  const count = options.length + (offerCreate ? 1 : 0);

  useEffect(() => {
    if (!open) return;
    const ticket = ++request.current;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/admin/lookup?resource=${resource}&q=${encodeURIComponent(query)}`, {
          headers: { Accept: "application/json" },
        });
        if (ticket !== request.current) return;
        if (!response.ok) {
          setOptions([]);
          setMessage(response.status === 401 ? "Sign in again to search." : "Search is not available.");
          return;
        }
        const body = (await response.json()) as { options: RecordOption[] };
        setOptions(body.options);
        setMessage(body.options.length === 0 ? "No matches." : `${body.options.length} matches.`);
      } catch {
        if (ticket === request.current) setMessage("Search is not available.");
      }
    }, 200);
    return () => clearTimeout(timer);
  }, [open, query, resource]);

  function choose(option: RecordOption) {
    if (multiple) {
      setChosen((current) => (current.some((item) => item.id === option.id) ? current : [...current, option]));
      setText("");
    } else {
      setChosen([option]);
      setText(option.label);
    }
    setOpen(false);
    setActive(-1);
    setMessage(`${option.label} chosen.`);
  }

  function createNew() {
    startCreating(async () => {
      const result = await quickCreateRecordAction(resource, query);
      if (result.status === "ok") choose(result.result);
      else if (result.status === "error") setMessage(result.message);
    });
  }

  function pick(index: number) {
    if (index < options.length) choose(options[index]);
    else if (offerCreate) createNew();
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (count === 0 ? -1 : (index + 1) % count));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (count === 0 ? -1 : (index - 1 + count) % count));
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      pick(active);
    } else if (event.key === "Escape") {
      setOpen(false);
      setActive(-1);
    }
  }

  const optionId = (index: number) => `${listId}-option-${index}`;

  return (
    <div className="relative">
      {chosen.map((option) => (
        <input key={option.id} type="hidden" name={name} value={option.id} />
      ))}
      {multiple && chosen.length > 0 ? (
        <ul className="mb-2 flex flex-wrap gap-2" aria-label={`${label}: chosen`}>
          {chosen.map((option) => (
            <li key={option.id} className="flex items-center gap-1 rounded border border-stone-400 bg-white px-2 py-1 text-sm">
              {option.label}
              <button
                type="button"
                className="rounded px-1 text-accent underline"
                onClick={() => setChosen((current) => current.filter((item) => item.id !== option.id))}
              >
                Remove<span className="sr-only"> {option.label}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex gap-2">
        <input
          id={inputId}
          type="text"
          role="combobox"
          aria-label={label}
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
          autoComplete="off"
          className="w-full rounded border border-stone-400 bg-white px-3 py-2"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(-1);
            if (!multiple) setChosen([]);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={onKeyDown}
        />
        {!multiple && chosen.length > 0 ? (
          <button
            type="button"
            className="rounded border border-stone-400 px-3"
            onClick={() => {
              setChosen([]);
              setText("");
            }}
          >
            Clear<span className="sr-only"> {label}</span>
          </button>
        ) : null}
      </div>
      <ul
        id={listId}
        role="listbox"
        aria-label={`${label}: matches`}
        hidden={!open || count === 0}
        className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded border border-stone-400 bg-white shadow"
      >
        {options.map((option, index) => (
          <li
            key={option.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={`cursor-pointer px-3 py-2 ${index === active ? "bg-stone-200" : ""}`}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(option);
            }}
          >
            {option.label}
            {option.hint ? <span className="text-sm text-muted"> ({option.hint})</span> : null}
          </li>
        ))}
        {offerCreate ? (
          <li
            id={optionId(options.length)}
            role="option"
            aria-selected={active === options.length}
            className={`cursor-pointer px-3 py-2 font-semibold text-accent ${active === options.length ? "bg-stone-200" : ""}`}
            onMouseDown={(event) => {
              event.preventDefault();
              createNew();
            }}
          >
            {creating ? "Creating…" : `Create new: “${query}”`}
          </li>
        ) : null}
      </ul>
      <p className="sr-only" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
