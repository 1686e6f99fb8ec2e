import { z } from "zod";
import { parsePartialDate, type PartialDate } from "../dates";
import { pastPartialDate, recordId, version } from "./common";

/**
 * Building blocks for the admin forms' schemas. A form sends strings only, and an empty field
 * means "not given": these turn both into what the data layer stores, and refuse anything else
 * with a message a person can act on.
 */

export const requiredText = (max: number) =>
  z
    .string({ error: "Fill in this field" })
    .trim()
    .min(1, { error: "Fill in this field" })
    .max(max, { error: `Use at most ${max} characters` });

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A web address part; left empty, the data layer makes one from the name. */
export const optionalSlug = z
  .string()
  .trim()
  .max(120, { error: "Use at most 120 characters" })
  .refine((value) => value === "" || SLUG.test(value), {
    error: "Use lower-case letters, digits and single hyphens, e.g. leyla-yunus",
  })
  .optional()
  .transform((value) => (value ? value : undefined));

/**
 * An optional form field: empty means "not given" (undefined); anything else must pass
 * `schema`, whose own messages are reported (a union would only say "Invalid input").
 */
export function emptyOr<Schema extends z.ZodType>(schema: Schema) {
  return z
    .string({ error: "Enter text" })
    .optional()
    .transform((value, context): z.output<Schema> | undefined => {
      if (value === undefined || value.trim() === "") return undefined;
      const parsed = schema.safeParse(value.trim());
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) context.addIssue({ code: "custom", message: issue.message });
      return z.NEVER;
    });
}

export const optionalRecordId = emptyOr(recordId);

/** Zero or more record ids (checkboxes, multi-pickers): one value or several. */
export const recordIds = z
  .union([recordId, z.array(recordId).max(100, { error: "Choose at most 100" })])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? [...new Set(value)] : [value]));

export const choice = <const Values extends readonly [string, ...string[]]>(values: Values) =>
  z.enum(values, { error: "Choose one of the options" });

export const optionalChoice = <const Values extends readonly [string, ...string[]]>(values: Values) =>
  emptyOr(z.enum(values, { error: "Choose one of the options" }));

/** A past date known to the day, month or year; empty means unknown. */
export const optionalPastPartialDate = emptyOr(pastPartialDate);

/** A date known to the day, month or year that may lie in the future (a scheduled hearing). */
export const anyPartialDate = z
  .string({ error: "Enter a date" })
  .trim()
  .transform((value, context): PartialDate => {
    const parsed = parsePartialDate(value);
    if (!parsed) {
      context.addIssue({ code: "custom", message: "Enter a date as YYYY-MM-DD, or YYYY-MM or YYYY when only that is known" });
      return z.NEVER;
    }
    return parsed;
  });

export const optionalWholeNumber = (min: number, max: number) =>
  emptyOr(
    z.coerce
      .number({ error: "Enter a whole number" })
      .int({ error: "Enter a whole number" })
      .min(min, { error: `Enter a number from ${min} to ${max}` })
      .max(max, { error: `Enter a number from ${min} to ${max}` }),
  );

export const optionalUrl = z
  .string()
  .trim()
  .max(2000, { error: "Use at most 2000 characters" })
  .refine((value) => value === "" || /^https?:\/\/[^\s]+$/i.test(value), {
    error: "Enter a web address starting with https:// or http://",
  })
  .optional()
  .transform((value) => (value ? value : undefined));

/** One entry per line (aliases, other names); blank lines dropped, duplicates once. */
export const lines = (maxEach: number, maxCount: number) =>
  z
    .string()
    .max(maxEach * maxCount + maxCount, { error: "Too long" })
    .optional()
    .transform((value, context) => {
      const entries = [...new Set((value ?? "").split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
      if (entries.length > maxCount) {
        context.addIssue({ code: "custom", message: `Give at most ${maxCount} entries` });
        return z.NEVER;
      }
      const long = entries.find((entry) => entry.length > maxEach);
      if (long) {
        context.addIssue({ code: "custom", message: `Each line may have at most ${maxEach} characters` });
        return z.NEVER;
      }
      return entries;
    });

/** What an edit adds to its create schema: which record, at which version it was loaded. */
export const editKey = { id: recordId, version };

/** Publish, archive, restore: the record and the version the user saw. */
export const stateChangeInput = z.strictObject(editKey);
export type StateChangeInput = z.output<typeof stateChangeInput>;

/** "Create new" from a relation picker: just a name. */
export const quickCreateInput = z.strictObject({ name: requiredText(200) });

/** A rule across fields, reported on one field; for `.refine(...rule(...))` on create and edit alike. */
export function rule<Value>(check: (value: Value) => boolean, field: string, error: string) {
  return [check, { path: [field], error }] as [(value: Value) => boolean, { path: string[]; error: string }];
}
