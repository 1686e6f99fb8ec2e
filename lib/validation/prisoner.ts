import { z } from "zod";
import { optionalText } from "./common";
import { editKey, lines, optionalPastPartialDate, optionalSlug, choice, recordIds, requiredText } from "./fields";

export const genders = ["FEMALE", "MALE", "OTHER", "UNSPECIFIED"] as const;

/**
 * A person's record as the admin form edits it: public facts, then the private ones
 * (family contact, health, internal notes), which live in prisoner_private and never leave
 * the admin.
 */
export const prisonerCreate = z.strictObject({
  fullName: requiredText(200),
  slug: optionalSlug,
  gender: choice(genders).default("UNSPECIFIED"),
  birth: optionalPastPartialDate,
  biography: optionalText(20000),
  /** Other spellings and aliases, one per line. */
  aliases: lines(200, 50),
  categories: recordIds,
  familyContact: optionalText(2000),
  healthDetails: optionalText(5000),
  internalNotes: optionalText(20000),
});
export const prisonerUpdate = prisonerCreate.extend(editKey);
export type PrisonerCreate = z.output<typeof prisonerCreate>;
export type PrisonerUpdate = z.output<typeof prisonerUpdate>;
