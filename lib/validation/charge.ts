import { z } from "zod";
import { optionalText, recordId } from "./common";
import { editKey, rule } from "./fields";

const chargeFields = z.strictObject({
  caseId: recordId,
  article: z
    .string()
    .trim()
    .max(40, { error: "Use at most 40 characters" })
    .refine((value) => value === "" || /^[0-9]+(\.[0-9]+)*(-[0-9]+)?$/.test(value), {
      error: "Write the article number as cited, e.g. 234.4.3",
    })
    .optional()
    .transform((value) => (value ? value : undefined)),
  articleTitle: optionalText(500),
  description: optionalText(1000),
});

const citesSomething = rule(
  (value: { article?: string; description?: string }) => Boolean(value.article || value.description),
  "article",
  "Give the article number or describe the charge",
);

/** A charge cites an article of the criminal code, or describes the charge when none is known. */
export const chargeCreate = chargeFields.refine(...citesSomething);
/** A charge stays in its case. */
export const chargeUpdate = chargeFields.omit({ caseId: true }).extend(editKey).refine(...citesSomething);
export type ChargeCreate = z.output<typeof chargeCreate>;
export type ChargeUpdate = z.output<typeof chargeUpdate>;
