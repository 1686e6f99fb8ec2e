import { z } from "zod";
import { optionalText, recordId } from "./common";
import { choice, editKey, lines, optionalRecordId, optionalSlug, requiredText } from "./fields";

/** Facilities, courts, judges and lawyers: the institutions and people a case passes through. */

export const facilityKinds = ["PRE_TRIAL_DETENTION_CENTRE", "PRISON", "POLICE_STATION", "MEDICAL", "OTHER"] as const;
export const courtKinds = ["DISTRICT", "APPEAL", "GRAVE_CRIMES", "SUPREME", "INTERNATIONAL", "OTHER"] as const;

const countryCode = z
  .string()
  .trim()
  .refine((value) => value === "" || /^[A-Za-z]{2}$/.test(value), { error: "Use the two-letter country code, e.g. AZ" })
  .optional()
  .transform((value) => (value ? value.toUpperCase() : undefined));

export const facilityCreate = z.strictObject({
  name: requiredText(300),
  slug: optionalSlug,
  kind: choice(facilityKinds),
  aliases: lines(300, 20),
  postalAddress: optionalText(1000),
  city: optionalText(120),
  country: countryCode,
});
export const facilityUpdate = facilityCreate.extend(editKey);
export type FacilityCreate = z.output<typeof facilityCreate>;
export type FacilityUpdate = z.output<typeof facilityUpdate>;

export const courtCreate = z.strictObject({
  name: requiredText(300),
  slug: optionalSlug,
  kind: choice(courtKinds),
  aliases: lines(300, 20),
  city: optionalText(120),
  country: countryCode,
});
export const courtUpdate = courtCreate.extend(editKey);
export type CourtCreate = z.output<typeof courtCreate>;
export type CourtUpdate = z.output<typeof courtUpdate>;

export const judgeCreate = z.strictObject({
  fullName: requiredText(200),
  courtId: optionalRecordId,
});
export const judgeUpdate = judgeCreate.extend(editKey);
export type JudgeCreate = z.output<typeof judgeCreate>;
export type JudgeUpdate = z.output<typeof judgeUpdate>;

export const lawyerCreate = z.strictObject({
  fullName: requiredText(200),
  slug: optionalSlug,
  aliases: lines(200, 20),
  /** When the lawyer is also tracked as a prisoner: the same person. */
  prisonerId: optionalRecordId,
});
export const lawyerUpdate = lawyerCreate.extend(editKey);
export type LawyerCreate = z.output<typeof lawyerCreate>;
export type LawyerUpdate = z.output<typeof lawyerUpdate>;

export { recordId };
