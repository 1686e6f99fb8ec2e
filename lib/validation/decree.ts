import { z } from "zod";
import { blankToUndefined, optionalText, pastPartialDate } from "./common";

export const decreeKinds = ["PARDON", "AMNESTY"] as const;
export const MAX_DECREE_PEOPLE = 500;


/**
 * A pardon or amnesty decree and the people it frees, as one form sends it: the people as
 * repeated `prisonerIds` fields. Each person's open custody period is closed on the day of
 * release (the signing day unless the form says otherwise).
 */
export const decreeInput = z.strictObject({
  kind: z.enum(decreeKinds, { error: "Choose pardon or amnesty" }),
  title: z
    .string({ error: "Enter the decree's title" })
    .trim()
    .min(1, { error: "Enter the decree's title" })
    .max(500, { error: "Use at most 500 characters" }),
  number: optionalText(100),
  signedDate: pastPartialDate,
  signedBy: optionalText(200),
  url: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/, error: "Enter a web address starting with http:// or https://" })
      .max(2000, { error: "Use at most 2000 characters" })
      .optional(),
  ),
  releasedOn: z.preprocess(blankToUndefined, pastPartialDate.optional()),
  prisonerIds: z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z
      .array(z.uuid({ error: "Choose people from the list" }))
      .min(1, { error: "Choose at least one person the decree freed" })
      .max(MAX_DECREE_PEOPLE, { error: `At most ${MAX_DECREE_PEOPLE} people in one save` })
      .transform((ids) => [...new Set(ids)]),
  ),
});

export type DecreeInput = z.output<typeof decreeInput>;
