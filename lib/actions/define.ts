import type { z } from "zod";
import type { Permission } from "../auth/permissions";
import type { SessionUser } from "../auth/user";

/**
 * One mutation the app offers. `run` receives input already parsed by `input` (a strict zod
 * schema: extra fields such as `role` are refused) and a user already checked for
 * `permission`. It writes its change and the audit entry in one transaction.
 */
export type ActionDefinition<Schema extends z.ZodType = z.ZodType, Result = unknown> = {
  /** Unique, stable, e.g. "facility.update". */
  name: string;
  permission: Permission;
  input: Schema;
  run: (user: SessionUser, input: z.output<Schema>) => Promise<Result>;
  /** What the form says on success. */
  success?: (result: Result) => string;
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
