import { z } from "zod";
import { isoDay, optionalText, recordId } from "./common";
import {
  anyPartialDate,
  choice,
  editKey,
  optionalChoice,
  optionalPastPartialDate,
  optionalRecordId,
  optionalWholeNumber,
  rule,
} from "./fields";
import { pastPartialDate } from "./common";

/** Hearings, motions, detention extensions, verdicts and appeals. */

export const hearingKinds = [
  "PRE_TRIAL_DETENTION",
  "DETENTION_EXTENSION",
  "PRELIMINARY",
  "TRIAL_SESSION",
  "VERDICT",
  "APPEAL",
  "CASSATION",
  "CIVIL_SUIT",
  "OTHER",
] as const;
export const hearingStatuses = ["SCHEDULED", "HELD", "POSTPONED", "CANCELLED"] as const;
export const motionParties = ["DEFENCE", "PROSECUTION", "INVESTIGATION", "PLAINTIFF", "COURT", "OTHER"] as const;
export const motionKinds = [
  "EXTEND_DETENTION",
  "HOUSE_ARREST",
  "BAIL",
  "HOUSE_ARREST_OR_BAIL",
  "MEDICAL_EXAMINATION",
  "RELEASE",
  "RECUSAL",
  "ADJOURNMENT",
  "OTHER",
] as const;
export const rulings = ["GRANTED", "PARTLY_GRANTED", "DISMISSED", "NOT_CONSIDERED", "POSTPONED", "PENDING"] as const;
export const verdictOutcomes = ["CONVICTED", "ACQUITTED", "CASE_DISMISSED"] as const;
export const sentenceKinds = ["IMPRISONMENT", "SUSPENDED", "RESTRICTION_OF_FREEDOM", "CORRECTIONAL_LABOUR", "FINE", "OTHER"] as const;
export const appealResults = ["PENDING", "UPHELD", "REDUCED", "OVERTURNED", "RETURNED_FOR_RETRIAL"] as const;

const timeOfDay = z
  .string()
  .trim()
  .refine((value) => value === "" || /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(value), { error: "Enter the time as HH:MM, e.g. 09:30" })
  .optional()
  .transform((value) => (value ? value : undefined));

const hearingFields = z.strictObject({
  caseId: recordId,
  courtId: optionalRecordId,
  judgeId: optionalRecordId,
  date: anyPartialDate,
  timeOfDay,
  kind: choice(hearingKinds),
  status: choice(hearingStatuses),
  outcome: optionalText(5000),
});
/** Only a scheduled hearing may lie in the future (the database checks it too). */
const futureOnlyIfScheduled = rule(
  (value: { date: { date: string }; status: string }) =>
    value.status === "SCHEDULED" || value.date.date <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
  "date",
  "Only a scheduled hearing can have a date in the future",
);
export const hearingCreate = hearingFields.refine(...futureOnlyIfScheduled);
export const hearingUpdate = hearingFields.omit({ caseId: true }).extend(editKey).refine(...futureOnlyIfScheduled);
export type HearingCreate = z.output<typeof hearingCreate>;
export type HearingUpdate = z.output<typeof hearingUpdate>;

export const motionCreate = z.strictObject({
  hearingId: recordId,
  filedBy: choice(motionParties),
  lawyerId: optionalRecordId,
  kind: choice(motionKinds),
  description: optionalText(2000),
  ruling: choice(rulings).default("PENDING"),
  rulingNote: optionalText(2000),
});
export const motionUpdate = motionCreate.omit({ hearingId: true }).extend(editKey);
export type MotionCreate = z.output<typeof motionCreate>;
export type MotionUpdate = z.output<typeof motionUpdate>;

const extensionFields = z.strictObject({
  custodyPeriodId: recordId,
  hearingId: optionalRecordId,
  orderedOn: isoDay,
  until: isoDay,
});
const endsAfterStart = rule(
  (value: { orderedOn: string; until: string }) => value.until > value.orderedOn,
  "until",
  "A detention extension must end after the day it was ordered",
);
export const extensionCreate = extensionFields.refine(...endsAfterStart);
export const extensionUpdate = extensionFields.omit({ custodyPeriodId: true }).extend(editKey).refine(...endsAfterStart);
export type ExtensionCreate = z.output<typeof extensionCreate>;
export type ExtensionUpdate = z.output<typeof extensionUpdate>;

const verdictFields = z.strictObject({
  caseId: recordId,
  courtId: optionalRecordId,
  date: pastPartialDate,
  outcome: choice(verdictOutcomes),
  sentenceKind: optionalChoice(sentenceKinds),
  sentenceMonths: optionalWholeNumber(0, 1200),
  summary: optionalText(5000),
});
const sentenceOnlyIfConvicted = rule(
  (value: { outcome: string; sentenceKind?: string; sentenceMonths?: number }) =>
    value.outcome === "CONVICTED" || (value.sentenceKind === undefined && value.sentenceMonths === undefined),
  "sentenceKind",
  "Only a conviction carries a sentence",
);
export const verdictCreate = verdictFields.refine(...sentenceOnlyIfConvicted);
export const verdictUpdate = verdictFields.omit({ caseId: true }).extend(editKey).refine(...sentenceOnlyIfConvicted);
export type VerdictCreate = z.output<typeof verdictCreate>;
export type VerdictUpdate = z.output<typeof verdictUpdate>;

const appealFields = z.strictObject({
  verdictId: recordId,
  courtId: optionalRecordId,
  filed: optionalPastPartialDate,
  decided: optionalPastPartialDate,
  result: choice(appealResults).default("PENDING"),
  newSentenceMonths: optionalWholeNumber(0, 1200),
  summary: optionalText(5000),
});
const decidedAfterFiled = rule(
  (value: { filed?: { date: string }; decided?: { date: string } }) =>
    !value.filed || !value.decided || value.decided.date >= value.filed.date,
  "decided",
  "An appeal cannot be decided before it was filed",
);
export const appealCreate = appealFields.refine(...decidedAfterFiled);
export const appealUpdate = appealFields.omit({ verdictId: true }).extend(editKey).refine(...decidedAfterFiled);
export type AppealCreate = z.output<typeof appealCreate>;
export type AppealUpdate = z.output<typeof appealUpdate>;
