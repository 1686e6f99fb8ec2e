import type { z } from "zod";
import type { Permission } from "../auth/permissions";
import type { SessionUser } from "../auth/user";

/**
 * One mutation the app offers. `run` receives input already parsed by `input` (a strict zod
 * schema: extra fields such as `role` are refused) and a user already checked for
 * `permission`. It writes its change and the audit entry in one transaction.
 *
 * Every server action and mutating route needs a row in scripts/test-support/entry-points.ts:
 * the enumeration test fails for one without.
 */
export type ActionDefinition<Schema extends z.ZodType = z.ZodType, Result = unknown> = {
  /** Unique, stable, e.g. "facility.update". */
  name: string;
  permission: Permission;
  input: Schema;
  run: (user: SessionUser, input: z.output<Schema>) => Promise<Result>;
  /** What the form says on success. */
  success?: (result: Result) => string;
  /** Fields never sent back to the form on failure (passwords, one-time tokens). */
  sensitive?: readonly string[];
};

const registry = new Map<string, ActionDefinition>();

export function defineAction<Schema extends z.ZodType, Result>(
  definition: ActionDefinition<Schema, Result>,
): ActionDefinition<Schema, Result> {
  if (registry.has(definition.name) && registry.get(definition.name) !== definition) {
    throw new Error(`Two actions are named ${definition.name}`);
  }
  registry.set(definition.name, definition as unknown as ActionDefinition);
  return definition;
}

/** Every action defined so far (those whose modules have been imported). */
export function definedActions(): ActionDefinition[] {
  return [...registry.values()];
}

/**
 * A change made without a session, authorised by a secret in its input (a one-time link).
 * `run` must check that secret itself before it writes anything. Rare by design: the
 * enumeration test (scripts/test-support/entry-points.ts) lists each one.
 */
export type TokenActionDefinition<Schema extends z.ZodType = z.ZodType, Result = unknown> = {
  name: string;
  input: Schema;
  run: (input: z.output<Schema>) => Promise<Result>;
  success?: (result: Result) => string;
  sensitive?: readonly string[];
};

export function defineTokenAction<Schema extends z.ZodType, Result>(
  definition: TokenActionDefinition<Schema, Result>,
): TokenActionDefinition<Schema, Result> {
  return definition;
}
