"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/state";
import type { PublicationStateName, StateTransition } from "@/lib/admin/record-types";

type StateAction = (state: ActionState, form: FormData) => Promise<ActionState>;

const offered: Record<PublicationStateName, StateTransition[]> = {
  DRAFT: ["publish", "archive"],
  PUBLISHED: ["archive"],
  ARCHIVED: ["restore"],
};

const buttonText: Record<StateTransition, string> = {
  publish: "Publish",
  archive: "Archive",
  restore: "Restore as draft",
};

const idle: ActionState = { status: "idle" };

/** Publish, archive and restore: one small form each, at the version the page was loaded with. */
export function StateButtons({
  record,
  actions,
}: {
  record: { id: string; version: number; state: PublicationStateName };
  actions: Record<StateTransition, StateAction>;
}) {
  return (
    <div className="flex flex-wrap gap-3">
      {offered[record.state].map((transition) => (
        <StateButton key={transition} transition={transition} record={record} action={actions[transition]} />
      ))}
    </div>
  );
}

function StateButton({
  transition,
  record,
  action,
}: {
  transition: StateTransition;
  record: { id: string; version: number };
  action: StateAction;
}) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="id" value={record.id} />
      <input type="hidden" name="version" value={String(record.version)} />
      <button
        type="submit"
        disabled={pending}
        className={
          transition === "publish"
            ? "rounded bg-emerald-800 px-4 py-2 font-semibold text-white"
            : "rounded border border-stone-500 bg-white px-4 py-2 font-semibold"
        }
      >
        {buttonText[transition]}
      </button>
      <p aria-live="polite" className="text-sm font-semibold text-accent">
        {state.status === "error" ? state.message : ""}
      </p>
    </form>
  );
}
