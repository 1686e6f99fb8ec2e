import { z } from "zod";
import { optionalText, recordId } from "./common";

export const portraitConsents = ["SUBJECT", "FAMILY", "PUBLIC_DOMAIN_OR_LICENSED"] as const;
export const PORTRAIT_MAX_MEGABYTES = 5;

const required = (max: number, message: string) =>
  z.string({ error: message }).trim().min(1, { error: message }).max(max, { error: `Use at most ${max} characters` });

/**
 * A portrait upload: the image and who may show it. Credit, licence and consent are required:
 * a portrait is published only with them. The image's kind is checked from its bytes on the
 * server (lib/images.ts); here only its presence and size.
 */
export const portraitInput = z.strictObject({
  prisonerId: recordId,
  image: z
    .instanceof(File, { error: "Choose an image file" })
    .refine((file) => file.size > 0, { error: "Choose an image file" })
    .refine((file) => file.size <= PORTRAIT_MAX_MEGABYTES * 1024 * 1024, {
      error: `The image is larger than ${PORTRAIT_MAX_MEGABYTES} MB`,
    }),
  credit: required(300, "Say who took the photo or where it comes from"),
  licence: required(200, "Give the licence or permission under which it is shown"),
  consent: z.enum(portraitConsents, { error: "Say who consented to publishing it" }),
  consentNote: optionalText(1000),
  altText: optionalText(500),
});

export type PortraitInput = z.output<typeof portraitInput>;
