import { z } from "zod";
import { optionalText, recordId } from "./common";
import { editKey, optionalPastPartialDate, requiredText } from "./fields";

export const caseCreate = z.strictObject({
  prisonerId: recordId,
  title: requiredText(300),
  caseNumber: optionalText(100),
  prosecutingBody: optionalText(300),
  opened: optionalPastPartialDate,
  summary: optionalText(20000),
});
/** A case stays with the person it was opened against. */
export const caseUpdate = caseCreate.omit({ prisonerId: true }).extend(editKey);
export type CaseCreate = z.output<typeof caseCreate>;
export type CaseUpdate = z.output<typeof caseUpdate>;
