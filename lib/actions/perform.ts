import "server-only";
import { can } from "../auth/permissions";
import type { SessionUser } from "../auth/user";
import { ConflictError, NotFoundError, RuleViolation } from "../data/errors";
import { fieldErrorsOf } from "../validation/common";
import type { z } from "zod";
import type { ActionDefinition, TokenActionDefinition } from "./define";
import type { ActionState, FormValue } from "./state";

function echo(raw: unknown): Record<string, FormValue> {
  if (!raw || typeof raw !== "object") return {};
  const values: Record<string, FormValue> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === "string") values[key] = value;
    else if (Array.isArray(value)) values[key] = value.filter((item): item is string => typeof item === "string");
    else if (typeof value === "number" || typeof value === "boolean") values[key] = String(value);
  }
  return values;
}

function refused(
  code: 400 | 401 | 403 | 404 | 409 | 500,
  message: string,
  raw: unknown,
  extra: Partial<Extract<ActionState, { status: "error" }>> = {},
): ActionState<never> {
  return { status: "error", code, message, fieldErrors: {}, values: echo(raw), ...extra };
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
  if (!user) return refused(401, "Sign in to make changes.", raw);
  if (!can(user.role, action.permission)) {
    return refused(403, "Your role does not allow this change.", raw);
  }
  return execute(action.name, action.input, (input) => action.run(user, input), action.success, raw);
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
  return execute(action.name, action.input, action.run, action.success, raw) as Promise<ActionState<Result>>;
}

async function execute<Result>(
  name: string,
  schema: z.ZodType,
  run: (input: unknown) => Promise<unknown>,
  success: ((result: never) => string) | undefined,
  raw: unknown,
): Promise<ActionState<Result>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return refused(400, "Some fields need attention.", raw, { fieldErrors: fieldErrorsOf(parsed.error) });
  }
  try {
    const result = (await run(parsed.data)) as Result;
    return { status: "ok", message: success?.(result as never) ?? "Saved.", result };
  } catch (error) {
    if (error instanceof RuleViolation) {
      return refused(400, error.message, raw, { fieldErrors: error.fieldErrors });
    }
    if (error instanceof ConflictError) {
      return refused(409, error.message, raw, { conflict: { current: error.current } });
    }
    if (error instanceof NotFoundError) return refused(404, error.message, raw);
    console.error(`[habeas] action ${name} failed:`, error);
    return refused(500, "The change could not be saved. Nothing was written; please try again.", raw);
  }
}
