import { z } from "zod";
import { optionalText, pastPartialDate } from "./common";
import { anyPartialDate, choice, editKey, optionalPastPartialDate, optionalUrl, recordIds, requiredText } from "./fields";

/** Pardon and amnesty decrees, sources, and advocacy updates. */

export const decreeKinds = ["PARDON", "AMNESTY"] as const;
export const sourceKinds = ["WEB_PAGE", "DOCUMENT", "COURT_RECORD", "MEDIA_REPORT", "TESTIMONY", "OTHER"] as const;
export const updateKinds = ["DEMONSTRATION", "AWARD", "APPEAL", "PETITION", "STATEMENT", "OTHER"] as const;

export const decreeCreate = z.strictObject({
  kind: choice(decreeKinds),
  title: requiredText(500),
  number: optionalText(100),
  signed: pastPartialDate,
  signedBy: optionalText(200),
  url: optionalUrl,
  /** The people it names. Releasing them is a separate step (one release per custody period). */
  beneficiaries: recordIds,
});
export const decreeUpdate = decreeCreate.extend(editKey);
export type DecreeCreate = z.output<typeof decreeCreate>;
export type DecreeUpdate = z.output<typeof decreeUpdate>;

export const sourceCreate = z.strictObject({
  kind: choice(sourceKinds),
  title: requiredText(500),
  url: optionalUrl,
  publisher: optionalText(300),
  published: optionalPastPartialDate,
  archivedCopy: optionalText(2000),
  /** Private: who the source is and how to reach them. */
  identity: optionalText(2000),
  contact: optionalText(2000),
  notes: optionalText(20000),
});
export const sourceUpdate = sourceCreate.extend(editKey);
export type SourceCreate = z.output<typeof sourceCreate>;
export type SourceUpdate = z.output<typeof sourceUpdate>;

export const updateCreate = z.strictObject({
  kind: choice(updateKinds),
  title: requiredText(300),
  body: optionalText(20000),
  date: anyPartialDate,
  location: optionalText(300),
  prisoners: recordIds,
});
export const updateUpdate = updateCreate.extend(editKey);
export type UpdateCreate = z.output<typeof updateCreate>;
export type UpdateUpdate = z.output<typeof updateUpdate>;
