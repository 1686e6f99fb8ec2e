import "server-only";
import { can } from "../auth/permissions";
import type { SessionUser } from "../auth/user";
import { ConflictError, ForbiddenError, isDatabaseUnavailable, NotFoundError, RuleViolation } from "../data/errors";
import { fieldErrorsOf } from "../validation/common";
import type { z } from "zod";
import type { ActionDefinition, TokenActionDefinition } from "./define";
import type { ActionState, FormValue } from "./state";

/** The input as the form gets it back, without the fields the action marks sensitive. */
function echo(raw: unknown, sensitive: readonly string[] = []): Record<string, FormValue> {
  if (!raw || typeof raw !== "object") return {};
  const values: Record<string, FormValue> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (sensitive.includes(key)) continue;
    if (typeof value === "string") values[key] = value;
    else if (Array.isArray(value)) values[key] = value.filter((item): item is string => typeof item === "string");
    else if (typeof value === "number" || typeof value === "boolean") values[key] = String(value);
  }
  return values;
}

function refused(
  code: 400 | 401 | 403 | 404 | 409 | 500 | 503,
  message: string,
  values: Record<string, FormValue>,
  extra: Partial<Extract<ActionState, { status: "error" }>> = {},
): ActionState<never> {
  return { status: "error", code, message, fieldErrors: {}, values, ...extra };
}

function databaseUnavailable(name: string, error: unknown, values: Record<string, FormValue>): ActionState<never> {
  console.error(`[habeas] action ${name}: the database is unavailable (${String((error as Error).message).split("\n").pop()})`);
  return refused(
    503,
    "The database cannot be reached just now, so nothing was saved. Your entries are still in the form: try again in a moment.",
    values,
  );
}

/**
 * The answer when the database could not even tell who is asking (the session's user is read
 * from it): the input comes back, as for any refusal. Other errors are thrown on.
 */
export function performWithoutUser(definition: { name: string; sensitive?: readonly string[] }, error: unknown, raw: unknown): ActionState<never> {
  if (!isDatabaseUnavailable(error)) throw error;
  return databaseUnavailable(definition.name, error, echo(raw, definition.sensitive));
}

/**
 * The answer to a server action posted from another site's page, or without an Origin
 * (lib/auth/same-origin.ts): refused before the session, the input or anything else is read.
 */
export function refuseCrossSite(definition: { sensitive?: readonly string[] }, raw: unknown): ActionState<never> {
  return refused(403, "This change must be made from Habeas itself: the request came from another site.", echo(raw, definition.sensitive));
}

/**
 * The one door every mutation goes through: who is asking, may they, is the input valid,
 * then the change. Refusals change nothing and never show a stack trace.
 */
export async function performAction<Schema extends z.ZodType, Result>(
  definition: ActionDefinition<Schema, Result>,
  user: SessionUser | null,
  raw: unknown,
): Promise<ActionState<Result>> {
  const action = definition as unknown as ActionDefinition;
  const values = echo(raw, action.sensitive);
  if (!user) return refused(401, "Sign in to make changes.", values);
  if (!can(user.role, action.permission)) {
    return refused(403, "Your role does not allow this change.", values);
  }
  return execute(action, (input) => action.run(user, input), raw, values);
}

/**
 * The door for the few changes made without a session, authorised instead by a secret in
 * the input itself (a one-time set-password link). Same validation and answers otherwise.
 */
export async function performTokenAction<Schema extends z.ZodType, Result>(
  definition: TokenActionDefinition<Schema, Result>,
  raw: unknown,
): Promise<ActionState<Result>> {
  const action = definition as unknown as TokenActionDefinition;
  return execute(action, action.run, raw, echo(raw, action.sensitive)) as Promise<ActionState<Result>>;
}

async function execute<Result>(
  action: { name: string; input: z.ZodType; success?: (result: never) => string },
  run: (input: unknown) => Promise<unknown>,
  raw: unknown,
  values: Record<string, FormValue>,
): Promise<ActionState<Result>> {
  const parsed = action.input.safeParse(raw);
  if (!parsed.success) {
    return refused(400, "Some fields need attention.", values, { fieldErrors: fieldErrorsOf(parsed.error) });
  }
  try {
    const result = (await run(parsed.data)) as Result;
    return { status: "ok", message: action.success?.(result as never) ?? "Saved.", result };
  } catch (error) {
    if (error instanceof RuleViolation) {
      return refused(400, error.message, values, { fieldErrors: error.fieldErrors });
    }
    if (error instanceof ConflictError) {
      return refused(409, error.message, values, { conflict: { current: error.current } });
    }
    if (error instanceof ForbiddenError) return refused(403, error.message, values);
    if (error instanceof NotFoundError) return refused(404, error.message, values);
    if (isDatabaseUnavailable(error)) {
      // The transaction lost its connection before committing, so PostgreSQL rolled it back whole.
      return databaseUnavailable(action.name, error, values);
    }
    console.error(`[habeas] action ${action.name} failed:`, error);
    return refused(500, "The change could not be saved. Nothing was written; please try again.", values);
  }
}
