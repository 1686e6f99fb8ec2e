import { randomBytes } from "node:crypto";
import type { Role } from "../../lib/auth/permissions";
import { currentTotpCode, newTotpSecret, sealTotpSecret } from "../../lib/auth/totp";
import { seedActor } from "../../lib/data/audit";
import { createUserWithPassword } from "../../lib/data/users";
import { prisma } from "../../lib/db/client";
import { TEST_PASSWORD } from "./users";

/**
 * Every way to change something in the app, and who may use it. The test beside this file
 * (lib/actions/entry-points.test.ts) finds every exported function of every "use server" module and every
 * POST/PUT/PATCH/DELETE route handler under app/, and fails if one has no row here. For each
 * row it calls the entry point as anonymous, viewer, contributor, editor and admin (each a
 * fresh user with a real session cookie), and checks that every refused call answers 401/403
 * and changes no row of any table, and that every allowed call succeeds and is audited.
 *
 * Adding a server action or a mutating route? Add one row:
 *
 *   "app/(workspace)/admin/things/actions.ts#saveThing": {
 *     minimum: "CONTRIBUTOR",                        // the least role allowed
 *     input: async () => ({ name: `thing ${unique()}` }), // a valid form, built fresh per call
 *   },
 *
 * `input` may create what the call needs (a record to edit, at its current version); what it
 * creates is made before the "nothing changed" snapshot. For a route handler the key is
 * "app/.../route.ts#POST" and `input` gives the JSON body (or `request` builds the Request).
 * `minimum: "token"` is for a change authorised by a one-time secret in its input instead of
 * a session; give `refusedInput` too (a wrong secret), which every caller must be refused with.
 * `minimum: "public"` is only for next-auth's own endpoint (sign-in), with the test that
 * covers it named in `coveredBy`.
 */
export type Caller = { id: string; email: string; role: Role } | null;
export type FormInput = Record<string, string | string[]>;

export type EntryPointRow =
  | {
      minimum: Role;
      input: (caller: Caller) => Promise<FormInput>;
      /** For route handlers whose request is more than a JSON body. */
      request?: (caller: Caller, url: string) => Promise<Request>;
    }
  | { minimum: "token"; input: (caller: Caller) => Promise<FormInput>; refusedInput: (caller: Caller) => Promise<FormInput> }
  | { minimum: "public"; coveredBy: string };

export const unique = () => randomBytes(5).toString("hex");

/** A user to act on (for the user-management rows), created before the snapshot. */
async function targetUser(role: Role = "VIEWER") {
  const user = await prisma.user.create({
    data: { email: `target-${unique()}@test.habeas.example`, name: "Target of a test", role },
  });
  return { userId: user.id, version: String(user.version) };
}

async function passwordToken(): Promise<string> {
  const created = await prisma.$transaction((tx) =>
    createUserWithPassword(tx, seedActor, { email: `link-${unique()}@test.habeas.example`, name: "Link", role: "VIEWER" }),
  );
  return created.token!;
}

export const entryPoints: Record<string, EntryPointRow> = {
  // next-auth: sign-in, sign-out, session. Sign-in is public by nature; it is rate-limited
  // and audited, and tested in lib/data/sign-in.test.ts and e2e/sign-in.spec.ts.
  "app/api/auth/[...nextauth]/route.ts#POST": { minimum: "public", coveredBy: "lib/data/sign-in.test.ts" },

  // Users (admins only).
  "app/(workspace)/admin/users/actions.ts#addUser": {
    minimum: "ADMIN",
    input: async () => ({ email: `added-${unique()}@test.habeas.example`, name: "Added by a test", role: "VIEWER" }),
  },
  "app/(workspace)/admin/users/actions.ts#changeUserRole": {
    minimum: "ADMIN",
    input: async () => ({ ...(await targetUser()), role: "EDITOR" }),
  },
  "app/(workspace)/admin/users/actions.ts#setUserDisabled": {
    minimum: "ADMIN",
    input: async () => ({ ...(await targetUser()), disabled: "true" }),
  },
  "app/(workspace)/admin/users/actions.ts#issueUserPasswordLink": {
    minimum: "ADMIN",
    input: async () => targetUser(),
  },

  // One's own account (every signed-in user).
  "app/(workspace)/admin/account/actions.ts#changePassword": {
    minimum: "VIEWER",
    input: async () => {
      const password = `new password ${unique()}`;
      return { current: TEST_PASSWORD, password, confirm: password };
    },
  },
  "app/(workspace)/admin/account/actions.ts#turnOnTwoStep": {
    minimum: "VIEWER",
    input: async () => {
      const secret = newTotpSecret();
      return { sealedSecret: sealTotpSecret(secret), code: currentTotpCode(secret) };
    },
  },
  "app/(workspace)/admin/account/actions.ts#turnOffTwoStep": {
    minimum: "VIEWER",
    input: async () => ({ current: TEST_PASSWORD }),
  },

  // A one-time set-password link.
  "app/(workspace)/set-password/[token]/actions.ts#setPassword": {
    minimum: "token",
    input: async () => {
      const password = `chosen password ${unique()}`;
      return { token: await passwordToken(), password, confirm: password };
    },
    refusedInput: async () => {
      const password = `chosen password ${unique()}`;
      return { token: randomBytes(32).toString("base64url"), password, confirm: password };
    },
  },
};
