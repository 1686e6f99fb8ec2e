import { z } from "zod";
import { addDays, isValidIsoDay, parsePartialDate, todayUtc, type PartialDate } from "../dates";

// In the browser (the workspace's forms check their input before sending it), zod must not
// probe for `new Function`: the pages' Content-Security-Policy has no 'unsafe-eval', and the
// probe, although caught, is reported as a violation. Every form imports this module, so this
// runs before any schema parses. The server keeps zod's faster compiled parsers.
if (typeof window !== "undefined") z.config({ jitless: true });

/** An empty form field means "not given". */
export const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A uuid record id. */
export const recordId = z.uuid({ error: "Choose an existing record" });

/** The version a form was loaded with, for the lost-update check. */
export const version = z.coerce.number({ error: "Missing record version" }).int().min(1);

export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters` })
    .optional()
    .transform((value) => (value ? value : undefined));

export const isoDay = z
  .string()
  .trim()
  .refine(isValidIsoDay, { error: "Enter a date as YYYY-MM-DD, e.g. 2014-10-24" });

/**
 * "2014-10-24", "2014-10" or "2014": what the source says, no more precise.
 * A date "in the future" is measured against tomorrow in UTC, so a user east of UTC can log
 * today's event; see the integrity-rules migration for the same allowance in the database.
 */
export const pastPartialDate = z
  .string({ error: "Enter a date" })
  .trim()
  .transform((value, context): PartialDate => {
    const parsed = parsePartialDate(value);
    if (!parsed) {
      context.addIssue({
        code: "custom",
        message: "Enter a date as YYYY-MM-DD, or YYYY-MM or YYYY when only that is known",
      });
      return z.NEVER;
    }
    if (parsed.date > addDays(todayUtc(), 1)) {
      context.addIssue({ code: "custom", message: "This date is in the future" });
      return z.NEVER;
    }
    return parsed;
  });

export const qualifier = z.enum(["EXACT", "ON_OR_BEFORE", "ON_OR_AFTER"]).default("EXACT");

/** Field errors keyed by field name, every message for each field (never only the first). */
export type FieldErrors = Record<string, string[]>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const flat = z.flattenError(error);
  const result: FieldErrors = {};
  for (const [field, messages] of Object.entries(flat.fieldErrors)) {
    if (Array.isArray(messages) && messages.length > 0) result[field] = messages as string[];
  }
  if (flat.formErrors.length > 0) result._form = flat.formErrors;
  // A nested field (a form's repeated rows, e.g. motions.0.ruling) also gets its full path, so
  // the message can stand next to the one field it is about.
  for (const issue of error.issues) {
    if (issue.path.length < 2) continue;
    const key = issue.path.map(String).join(".");
    (result[key] ??= []).push(issue.message);
  }
  return result;
}
