import type { z } from "zod";
import { fieldErrorsOf } from "../validation/common";
import { RuleViolation } from "./errors";

/** Validates input at the data layer's door; refuses with every field's errors. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new RuleViolation("Some fields need attention.", fieldErrorsOf(result.error), "validation");
  }
  return result.data;
}
