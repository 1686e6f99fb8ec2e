import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { isSameOriginHeaders } from "../auth/same-origin";
import { currentUser } from "../auth/session";
import type { ActionDefinition, TokenActionDefinition } from "./define";
import { formDataToObject } from "./form-data";
import { performAction, performTokenAction, performWithoutUser, refuseCrossSite } from "./perform";
import type { ActionState } from "./state";

/**
 * What a "use server" function calls: a request from a page of this site (Origin checked,
 * lib/auth/same-origin.ts), the signed-in user of this request, the form's fields, and the
 * action's own checks. Server action modules hold nothing but such calls, e.g.
 *
 *   "use server";
 *   export async function saveFacility(_state: ActionState, form: FormData) {
 *     return runAction(facilityActions.save, form);
 *   }
 */
export async function runAction<Schema extends z.ZodType, Result>(
  definition: ActionDefinition<Schema, Result>,
  input: FormData | Record<string, unknown>,
): Promise<ActionState<Result>> {
  const raw = input instanceof FormData ? formDataToObject(input) : input;
  if (!isSameOriginHeaders(await headers())) return refuseCrossSite(definition, raw);
  let user: Awaited<ReturnType<typeof currentUser>>;
  try {
    user = await currentUser();
  } catch (error) {
    return performWithoutUser(definition as unknown as ActionDefinition, error, raw);
  }
  return performAction(definition, user, raw);
}

/** What a "use server" function calls for a change authorised by a one-time token. */
export async function runTokenAction<Schema extends z.ZodType, Result>(
  definition: TokenActionDefinition<Schema, Result>,
  input: FormData | Record<string, unknown>,
): Promise<ActionState<Result>> {
  const raw = input instanceof FormData ? formDataToObject(input) : input;
  if (!isSameOriginHeaders(await headers())) return refuseCrossSite(definition, raw);
  return performTokenAction(definition, raw);
}
