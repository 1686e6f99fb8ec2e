import { z } from "zod";
import { addDays, isValidIsoDay, parsePartialDate, todayUtc, type PartialDate } from "../dates";
import { blankToUndefined, recordId } from "./common";
import { courtKinds } from "./institutions";
import { nestFields } from "./nested-fields";
import { hearingKinds, motionKinds, motionParties, rulings, verdictOutcomes } from "./proceedings";

/**
 * One hearing as an advocate logs it from the courthouse: who, which case, where, when, the
 * judge, the lawyers present, each motion with its ruling, and what came of it. The form sends
 * flat fields (motions as `motions.N.field`, lawyers as repeated `lawyers`); this schema is the
 * one check, on the server and before the form is sent.
 */

// The record's kinds, as the admin's forms know them; the log offers the same choices.
export { courtKinds, hearingKinds, motionKinds, motionParties, rulings, verdictOutcomes };

/** In the order the log offers them: a hearing logged from the courthouse has usually been held. */
export const hearingStatuses = ["HELD", "SCHEDULED", "POSTPONED", "CANCELLED"] as const;
export const hearingResults = ["none", "extended", "verdict", "released"] as const;
export const sentenceKinds = ["IMPRISONMENT", "SUSPENDED", "RESTRICTION_OF_FREEDOM", "CORRECTIONAL_LABOUR", "FINE", "OTHER"] as const;
/** Why a hearing can end a custody period (a pardon or an amnesty is a decree, not a hearing). */
export const hearingReleaseReasons = [
  "ACQUITTED",
  "CHARGES_DROPPED",
  "CONDITIONAL_RELEASE",
  "MEASURE_CHANGED",
  "SENTENCE_SERVED",
  "OTHER",
] as const;

export const MAX_MOTIONS = 20;
export const MAX_LAWYERS = 20;


const text = (max: number) =>
  z.preprocess(
    blankToUndefined,
    z.string({ error: "Enter text" }).trim().max(max, { error: `Use at most ${max} characters` }).optional(),
  );

const optionalId = z.preprocess(blankToUndefined, recordId.optional());

const optionalEnum = <Values extends readonly [string, ...string[]]>(values: Values, message: string) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: message }).optional());

const motion = z.strictObject({
  party: z.enum(motionParties, { error: "Choose who filed the motion" }),
  kind: z.enum(motionKinds, { error: "Choose what the motion asked for" }),
  text: text(2000),
  ruling: z.preprocess((value) => blankToUndefined(value) ?? "PENDING", z.enum(rulings, { error: "Choose the ruling" })),
  rulingNote: text(2000),
});

/**
 * A motion row left empty (the form always offers one, with a ruling preselected) is not a
 * motion: nothing but its ruling was given.
 */
function isBlankRow(row: unknown): boolean {
  return (
    typeof row === "object" &&
    row !== null &&
    Object.entries(row).every(
      ([field, value]) => field === "ruling" || value === undefined || (typeof value === "string" && value.trim() === ""),
    )
  );
}

/** Repeated fields arrive as one string or an array; either way, a list. */
const list = (max: number, itemMax: number, label: string) =>
  z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z
      .array(z.string({ error: `Enter each ${label} as text` }).trim().max(itemMax, { error: `Use at most ${itemMax} characters` }))
      .max(max, { error: `At most ${max} ${label}s` })
      .transform((values) => [...new Set(values.filter((value) => value !== ""))]),
  );

const fields = z.strictObject({
  prisonerId: z.uuid({ error: "Choose the person from the list" }),
  caseId: optionalId,
  caseTitle: text(300),
  courtName: text(300),
  courtKind: z.preprocess((value) => blankToUndefined(value) ?? "DISTRICT", z.enum(courtKinds, { error: "Choose the kind of court" })),
  judgeName: text(200),
  lawyers: list(MAX_LAWYERS, 200, "lawyer"),
  date: z.string({ error: "Enter the date of the hearing" }).trim(),
  timeOfDay: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Enter a time as HH:MM, e.g. 10:30" })
      .optional(),
  ),
  kind: z.enum(hearingKinds, { error: "Choose the kind of hearing" }),
  status: z.preprocess((value) => blankToUndefined(value) ?? "HELD", z.enum(hearingStatuses, { error: "Choose whether the hearing was held" })),
  outcome: text(5000),
  // A blank row stays in place while rows are checked, so that an error's row number is the
  // row the form shows; blank rows are dropped afterwards.
  motions: z.preprocess(
    (value) => value ?? [],
    z
      .array(z.preprocess((row) => (isBlankRow(row) ? null : row), motion.nullable()))
      .max(MAX_MOTIONS, { error: `At most ${MAX_MOTIONS} motions` })
      .transform((rows) => rows.filter((row) => row !== null)),
  ),
  result: z.preprocess((value) => blankToUndefined(value) ?? "none", z.enum(hearingResults, { error: "Choose the result" })),
  until: z.preprocess(blankToUndefined, z.string().trim().optional()),
  verdictOutcome: optionalEnum(verdictOutcomes, "Choose the verdict"),
  sentenceKind: optionalEnum(sentenceKinds, "Choose the kind of sentence"),
  sentenceMonths: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "Enter the sentence in months" })
      .int({ error: "Enter whole months" })
      .min(1, { error: "Enter at least 1 month" })
      .max(1200, { error: "Enter at most 1200 months" })
      .optional(),
  ),
  releaseReason: optionalEnum(hearingReleaseReasons, "Choose why the person was released"),
});

export type HearingResult =
  | { kind: "none" }
  | { kind: "extended"; until: string }
  | {
      kind: "verdict";
      outcome: (typeof verdictOutcomes)[number];
      sentenceKind?: (typeof sentenceKinds)[number];
      sentenceMonths?: number;
    }
  | { kind: "released"; reason: (typeof hearingReleaseReasons)[number] };

export const hearingLogInput = z.preprocess(
  nestFields,
  fields.transform((value, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: "custom", path: [path], message });

    const date: PartialDate | null = parsePartialDate(value.date);
    if (!date) {
      issue("date", "Enter a date as YYYY-MM-DD, or YYYY-MM or YYYY when only that is known");
    } else if (value.status === "HELD" && date.date > addDays(todayUtc(), 1)) {
      issue("date", "Only a scheduled hearing can have a date in the future");
    }
    if (value.caseId && value.caseTitle) issue("caseTitle", "Choose an existing case or name a new one, not both");
    if (!value.caseId && !value.caseTitle) issue("caseId", "Choose the case, or name a new one");

    let result: HearingResult = { kind: "none" };
    if (value.result !== "none" && value.status !== "HELD") {
      issue("result", "Only a hearing that was held has a result");
    }
    if (value.result === "extended") {
      if (!value.until || !isValidIsoDay(value.until)) {
        issue("until", "Enter the date detention now runs until, as YYYY-MM-DD");
      } else if (date && value.until <= date.date) {
        issue("until", "Detention must be extended to a date after the hearing");
      } else {
        result = { kind: "extended", until: value.until };
      }
      if (date && date.precision !== "DAY") issue("date", "An extension needs the exact day of the hearing");
    } else if (value.result === "verdict") {
      if (!value.verdictOutcome) {
        issue("verdictOutcome", "Choose the verdict");
      } else if (value.verdictOutcome !== "CONVICTED" && (value.sentenceKind || value.sentenceMonths)) {
        issue("sentenceKind", "Only a conviction carries a sentence");
      } else {
        result = {
          kind: "verdict",
          outcome: value.verdictOutcome,
          sentenceKind: value.verdictOutcome === "CONVICTED" ? value.sentenceKind : undefined,
          sentenceMonths: value.verdictOutcome === "CONVICTED" ? value.sentenceMonths : undefined,
        };
      }
    } else if (value.result === "released") {
      if (!value.releaseReason) issue("releaseReason", "Choose why the person was released");
      else result = { kind: "released", reason: value.releaseReason };
    }
    if (!date) return z.NEVER;

    return {
      prisonerId: value.prisonerId,
      caseId: value.caseId,
      caseTitle: value.caseTitle,
      court: value.courtName ? { name: value.courtName, kind: value.courtKind } : undefined,
      judgeName: value.judgeName,
      lawyers: value.lawyers,
      date,
      timeOfDay: value.timeOfDay,
      kind: value.kind,
      status: value.status,
      outcome: value.outcome,
      motions: value.motions,
      result,
    };
  }),
);

export type HearingLogInput = z.output<typeof hearingLogInput>;
