import { z } from "zod";
import { optionalText, pastPartialDate, qualifier, recordId, version } from "./common";
import { editKey, optionalRecordId, recordIds } from "./fields";

export const custodyKinds = ["DETENTION", "HOUSE_ARREST"] as const;
export const releaseReasons = [
  "SENTENCE_SERVED",
  "ACQUITTED",
  "CHARGES_DROPPED",
  "PARDON",
  "AMNESTY",
  "CONDITIONAL_RELEASE",
  "MEASURE_CHANGED",
  "DEATH_IN_CUSTODY",
  "OTHER",
] as const;

/** An arrest opens a custody period. Extra fields are refused, not ignored. */
export const arrestInput = z.strictObject({
  prisonerId: recordId,
  caseId: recordId.optional(),
  kind: z.enum(custodyKinds).default("DETENTION"),
  start: pastPartialDate,
  startQualifier: qualifier,
  facilityId: recordId.optional(),
  note: optionalText(5000),
});
export type ArrestInput = z.input<typeof arrestInput>;

/** A release closes the open custody period it names, at the version the user saw. */
export const releaseInput = z
  .strictObject({
    custodyPeriodId: recordId,
    version,
    end: pastPartialDate,
    reason: z.enum(releaseReasons, { error: "Choose why the person was released" }),
    decreeId: recordId.optional(),
    note: optionalText(5000),
  })
  .refine((value) => !value.decreeId || value.reason === "PARDON" || value.reason === "AMNESTY", {
    path: ["decreeId"],
    error: "Only a pardon or an amnesty is released by decree",
  });
export type ReleaseInput = z.input<typeof releaseInput>;

/**
 * The admin's release form: the same facts as releaseInput, for the custody period being
 * edited (id) at the version the form was loaded with. Empty optional fields are dropped.
 */
export const releaseForm = z.strictObject({
  id: recordId,
  version,
  end: pastPartialDate,
  reason: z.enum(releaseReasons, { error: "Choose why the person was released" }),
  decreeId: optionalRecordId,
  note: optionalText(5000),
});

/** The admin's arrest form: arrestInput, where an empty optional choice means "not given". */
export const arrestForm = z.strictObject({
  prisonerId: recordId,
  caseId: optionalRecordId,
  kind: z.enum(custodyKinds).default("DETENTION"),
  start: pastPartialDate,
  startQualifier: qualifier,
  facilityId: optionalRecordId,
  note: optionalText(5000),
});

/**
 * A place of detention from a date on: the first placement of a custody period, or a transfer.
 * The admin names the person; the data layer finds the custody period that covers the date.
 * Sources are the records the fact is cited from.
 */
const placementFields = {
  facilityId: z.uuid({ error: "Choose the facility, or create it" }),
  from: pastPartialDate,
  fromQualifier: qualifier,
  sourceIds: recordIds,
};

export const placementCreate = z.strictObject({ prisonerId: recordId, ...placementFields });
export const placementUpdate = z.strictObject({ ...editKey, ...placementFields });
export type PlacementCreate = z.output<typeof placementCreate>;
