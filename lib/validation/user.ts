import { z } from "zod";
import { roles } from "../auth/permissions";
import { recordId, version } from "./common";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

export const email = z
  .string({ error: "Enter an email address" })
  .trim()
  .toLowerCase()
  .max(320, { error: "Use at most 320 characters" })
  .pipe(z.email({ error: "Enter an email address such as name@example.org" }));

export const personName = z
  .string({ error: "Enter a name" })
  .trim()
  .min(1, { error: "Enter a name" })
  .max(200, { error: "Use at most 200 characters" });

export const role = z.enum(roles, { error: "Choose a role" });

export const newPassword = z
  .string({ error: "Enter a password" })
  .min(PASSWORD_MIN_LENGTH, { error: `Use at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH, { error: `Use at most ${PASSWORD_MAX_LENGTH} characters` });

/** A six-digit code from an authenticator app; spaces allowed as apps show them. */
export const totpCode = z
  .string({ error: "Enter the six-digit code" })
  .transform((value) => value.replace(/\s+/g, ""))
  .pipe(z.string().regex(/^\d{6}$/, { error: "Enter the six-digit code" }));

export const createUserInput = z.strictObject({ email, name: personName, role });
export type CreateUserInput = z.input<typeof createUserInput>;

export const changeRoleInput = z.strictObject({ userId: recordId, version, role });
export const setDisabledInput = z.strictObject({
  userId: recordId,
  version,
  disabled: z.enum(["true", "false"], { error: "Choose enable or disable" }).transform((value) => value === "true"),
});
export const passwordLinkInput = z.strictObject({ userId: recordId, version });

export const setPasswordInput = z
  .strictObject({
    token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: "This link is not valid" }),
    password: newPassword,
    confirm: z.string({ error: "Repeat the password" }).max(PASSWORD_MAX_LENGTH),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], error: "The passwords differ" });

export const changePasswordInput = z
  .strictObject({
    current: z.string({ error: "Enter your current password" }).min(1, { error: "Enter your current password" }).max(PASSWORD_MAX_LENGTH),
    password: newPassword,
    confirm: z.string({ error: "Repeat the password" }).max(PASSWORD_MAX_LENGTH),
  })
  .refine((value) => value.password === value.confirm, { path: ["confirm"], error: "The passwords differ" });

export const enableTotpInput = z.strictObject({
  /** The new secret, sealed by the server when it showed the QR code (lib/auth/secret.ts). */
  sealedSecret: z.string().min(1).max(400),
  code: totpCode,
});

export const disableTotpInput = z.strictObject({
  current: z.string({ error: "Enter your current password" }).min(1, { error: "Enter your current password" }).max(PASSWORD_MAX_LENGTH),
});

/** What the sign-in form sends (next-auth's credentials provider). */
export const signInInput = z.object({
  email: z.string().max(320).default(""),
  password: z.string().max(PASSWORD_MAX_LENGTH).default(""),
  code: z.string().max(20).optional(),
});
