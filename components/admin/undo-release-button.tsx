"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/state";

type UndoAction = (state: ActionState, form: FormData) => Promise<ActionState>;

const idle: ActionState = { status: "idle" };

/**
 * Undoes a release recorded by mistake, at the version the page was loaded with. Its own form,
 * apart from the correction form, so that re-opening a period is never a side effect of
 * emptying a field.
 */
export function UndoReleaseButton({ record, action }: { record: { id: string; version: number }; action: UndoAction }) {
  const [state, formAction, pending] = useActionState(action, idle);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={record.id} />
      <input type="hidden" name="version" value={String(record.version)} />
      <button type="submit" disabled={pending} className="rounded border border-accent bg-white px-4 py-2 font-semibold text-accent disabled:opacity-60">
        {pending ? "Undoing…" : "Undo release"}
      </button>
      <p aria-live="polite" className="text-sm font-semibold text-accent">
        {state.status === "error" ? state.message : ""}
      </p>
    </form>
  );
}
