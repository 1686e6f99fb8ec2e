"use client";

import { useActionState, useId } from "react";
import { roles, roleLabels, type Role } from "@/lib/auth/permissions";
import { idle, type ActionState } from "@/lib/actions/state";
import { buttonClass, errorsOf, FormMessage, inputClass, TextField, valueOf } from "./form-field";

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;

/** A one-time link, shown once, to copy and send to the person by a safe channel. */
function OneTimeLink({ state }: { state: ActionState }) {
  if (state.status !== "ok") return null;
  const link = (state.result as { link?: string }).link;
  if (!link) return null;
  const url = new URL(link, window.location.origin).toString();
  return (
    <div className="mt-2 rounded border border-stone-300 bg-white p-3">
      <p className="text-sm">
        One-time link to set the password (shown only now, valid 72 hours). Send it by a channel you trust:
      </p>
      <p className="mt-1 break-all font-mono text-sm" data-testid="password-link">
        <a href={url} className="underline">
          {url}
        </a>
      </p>
    </div>
  );
}

export function AddUserForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, idle);
  const fresh = state.status === "ok";
  return (
    <form action={formAction} className="max-w-md space-y-4" noValidate>
      <TextField
        id="new-user-email"
        name="email"
        label="Email"
        type="email"
        autoComplete="off"
        errors={errorsOf(state, "email")}
        defaultValue={fresh ? "" : valueOf(state, "email")}
        maxLength={320}
        required
      />
      <TextField
        id="new-user-name"
        name="name"
        label="Name"
        autoComplete="off"
        errors={errorsOf(state, "name")}
        defaultValue={fresh ? "" : valueOf(state, "name")}
        maxLength={200}
        required
      />
      <div>
        <label htmlFor="new-user-role" className="block font-medium">
          Role
        </label>
        <select
          id="new-user-role"
          name="role"
          key={valueOf(state, "role")}
          defaultValue={valueOf(state, "role") ?? "CONTRIBUTOR"}
          aria-describedby={errorsOf(state, "role").length ? "new-user-role-error" : undefined}
          className={inputClass}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {roleLabels[role]}
            </option>
          ))}
        </select>
        {errorsOf(state, "role").length ? (
          <p id="new-user-role-error" className="mt-1 text-sm text-accent">
            {errorsOf(state, "role").join(" ")}
          </p>
        ) : null}
      </div>
      <FormMessage state={state} />
      <OneTimeLink state={state} />
      <button type="submit" className={buttonClass} disabled={pending}>
        Add user
      </button>
    </form>
  );
}

export type UserRow = { id: string; email: string; role: Role; disabled: boolean; version: number };

/** The changes an admin makes to one user, each its own small form. */
export function UserActions({
  user,
  actions,
}: {
  user: UserRow;
  actions: { changeRole: Action; setDisabled: Action; passwordLink: Action };
}) {
  const [roleState, roleAction, rolePending] = useActionState(actions.changeRole, idle);
  const [disabledState, disabledAction, disabledPending] = useActionState(actions.setDisabled, idle);
  const [linkState, linkAction, linkPending] = useActionState(actions.passwordLink, idle);
  const roleId = useId();
  const hidden = (
    <>
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
    </>
  );
  const small = "rounded border border-stone-500 bg-white px-3 py-1 hover:bg-stone-100 disabled:opacity-70";
  return (
    <div className="mt-2 space-y-2">
      <form action={roleAction} className="flex flex-wrap items-end gap-2">
        {hidden}
        <div>
          <label htmlFor={roleId} className="block text-sm">
            Role of {user.email}
          </label>
          <select id={roleId} name="role" defaultValue={user.role} className="rounded border border-stone-400 bg-white px-2 py-1">
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleLabels[role]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={small} disabled={rolePending}>
          Change role
        </button>
      </form>
      <FormMessage state={roleState} reserveSpace={false} />
      <div className="flex flex-wrap gap-2">
        <form action={disabledAction}>
          {hidden}
          <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
          <button type="submit" className={small} disabled={disabledPending}>
            {user.disabled ? "Enable" : "Disable"}
          </button>
        </form>
        {user.disabled ? null : (
          <form action={linkAction}>
            {hidden}
            <button type="submit" className={small} disabled={linkPending}>
              New password link
            </button>
          </form>
        )}
      </div>
      <FormMessage state={disabledState} reserveSpace={false} />
      <FormMessage state={linkState} reserveSpace={false} />
      <OneTimeLink state={linkState} />
    </div>
  );
}
