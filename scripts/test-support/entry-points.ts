import { randomBytes, randomInt } from "node:crypto";
import sharp from "sharp";
import { performAction } from "../../lib/actions/perform";
import { recordActions } from "../../lib/actions/records";
import { uploadPortraitAction } from "../../lib/actions/upload-portrait";
import { formFields, resourceForms } from "../../lib/admin/forms";
import { resourceKeys, type ResourceKey, type StateTransition } from "../../lib/admin/record-types";
import type { Role } from "../../lib/auth/permissions";
import type { SessionUser } from "../../lib/auth/user";
import { readRecord } from "../../lib/data/admin/engine";
import { adminResources } from "../../lib/data/admin/resources";
import { currentTotpCode, newTotpSecret, sealTotpSecret } from "../../lib/auth/totp";
import { seedActor } from "../../lib/data/audit";
import { createUserWithPassword } from "../../lib/data/users";
import { prisma } from "../../lib/db/client";
import { createCustodyPeriod, createPrisoner } from "./records";
import { createTestUser, TEST_PASSWORD } from "./users";

/**
 * Every way to change something in the app, and who may use it. The test beside this file
 * (lib/actions/entry-points.test.ts) finds every exported function of every "use server" module
 * under app/, components/ and lib/ (route groups such as app/(workspace)/ included) and every
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
 * creates is made before the "nothing changed" snapshot. A value may be a File (an upload).
 * An action is called as useActionState calls it, `(state, form)`; give `args` when it takes
 * other arguments (a plain form action takes `(form)`; one called from client code takes
 * values). For a route handler the key is "app/.../route.ts#POST" and `input` gives the JSON
 * body (or `request` builds the Request, with the Origin header it is given, none when null).
 * Every row, action or route, is also called by an admin (a one-time link's with its right
 * secret) from another site's Origin and with no Origin: each must be refused with 403 and
 * change nothing.
 *
 * Actions with bound arguments (`action.bind(null, "prisoners")` on the page) list them as
 * `variants`: each variant names its bound values, its own minimum role and input, and is
 * called with every role like a row of its own. List every value the function accepts.
 * A plain action whose minimum role depends on what it changes (a published record only by an
 * editor) lists one variant per case too, with no bound values and a `when`.
 *
 * `writesNothing: true` is for an action that only reads (a preview): allowed callers must
 * succeed and, as there is nothing to audit, leave every table exactly as it was.
 * `minimum: "token"` is for a change authorised by a one-time secret in its input instead of
 * a session; give `refusedInput` too (a wrong secret), which every caller must be refused with.
 * `minimum: "public"` is only for next-auth's own endpoint (sign-in), with the test that
 * covers it named in `coveredBy`.
 *
 * A row with bound values is also called by an admin with a value it does not list, which
 * must be refused (404) and change nothing: the table is the whole list of ways in.
 *
 * The record actions (app/(workspace)/admin/record-actions.ts) are listed in full: every kind
 * of record for create, update (a draft, and a published record) and the three state
 * changes, a corrected release, and the three kinds with "create new" (105 variants, each
 * called five times). Their permissions are in lib/actions/records.ts and
 * docs/decisions/0014-admin-records.md: create and update need write:draft (custody:
 * publish, as an arrest or release changes the public count at once); updating a published
 * record, publishing, archiving and restoring need publish.
 *
 * A route that streams its answer (NDJSON, the import) is judged by the action state its
 * last line carries: its HTTP status is sent before the work is done.
 */
export type Caller = { id: string; email: string; role: Role } | null;
export type FormInput = Record<string, string | string[] | File>;

type Input = (caller: Caller) => Promise<FormInput>;

/** The arguments an action takes after its bound ones; by default `(state, form)`. */
type Arguments = (form: FormData, input: FormInput) => unknown[];

/** `bound`: the bound arguments (none for a plain action); `when`: what sets this variant apart, if not its bound values. */
export type Variant = { bound: string[]; when?: string; minimum: Role; input: Input };

export type EntryPointRow =
  | {
      minimum: Role;
      input: Input;
      args?: Arguments;
      writesNothing?: true;
      /** For route handlers whose request is more than a JSON body. */
      request?: (caller: Caller, url: string, origin: string | null) => Promise<Request>;
    }
  | { variants: Variant[]; args?: Arguments }
  | { minimum: "token"; input: Input; refusedInput: Input }
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


/*
 * Records for the record actions' rows. Dates fall in 1650-1699, years no other test file
 * uses: an arrest or release here never moves a count another file compares.
 */
let setupUser: Promise<SessionUser> | undefined;
/** An editor who makes what a call needs (audited as theirs, before the snapshot). */
const setup = () => (setupUser ??= createTestUser("EDITOR", "entry-setup"));

async function saved(key: ResourceKey, form: FormInput): Promise<{ id: string; version: number }> {
  const state = await performAction(recordActions[key].create, await setup(), form);
  if (state.status !== "ok") throw new Error(`setting up ${key}: ${JSON.stringify(state)}`);
  return state.result;
}

async function transitioned(key: ResourceKey, record: { id: string; version: number }, transition: StateTransition) {
  const state = await performAction(recordActions[key][transition], await setup(), { id: record.id, version: String(record.version) });
  if (state.status !== "ok") throw new Error(`setting up ${key} ${transition}: ${JSON.stringify(state)}`);
  return state.result;
}

/** The records a new record can point to, made once per run. */
let shared: ReturnType<typeof makeShared> | undefined;
async function makeShared() {
  const person = await saved("prisoners", { fullName: `Entry Person ${unique()}`, gender: "FEMALE" });
  const court = await saved("courts", { name: `Entry Court ${unique()}`, kind: "DISTRICT", country: "az" });
  const kase = await saved("cases", { prisonerId: person.id, title: `Entry Case ${unique()}` });
  const hearing = await saved("hearings", { caseId: kase.id, date: "1651-04-01", kind: "DETENTION_EXTENSION", status: "HELD" });
  const arrest = await saved("custody", { prisonerId: person.id, caseId: kase.id, start: "1651-03-01" });
  const verdict = await saved("verdicts", {
    caseId: kase.id, courtId: court.id, date: "1652-04", outcome: "CONVICTED", sentenceKind: "IMPRISONMENT", sentenceMonths: "90",
  });
  return { person: person.id, court: court.id, kase: kase.id, hearing: hearing.id, arrest: arrest.id, verdict: verdict.id };
}
const related = () => (shared ??= makeShared());

/** A valid create form for each kind of record. Custody gets a person of its own (one open period each). */
const createForms: Record<ResourceKey, () => Promise<FormInput>> = {
  prisoners: async () => ({ fullName: `Entry Person ${unique()}`, gender: "MALE" }),
  cases: async () => ({ prisonerId: (await related()).person, title: `Entry Case ${unique()}` }),
  // One charge per article in a case: each call cites an article of its own.
  charges: async () => ({ caseId: (await related()).kase, article: `${randomInt(1, 10_000)}.${randomInt(1, 10_000)}`, articleTitle: "Drugs" }),
  custody: async () => ({ prisonerId: (await saved("prisoners", { fullName: `Entry Arrested ${unique()}`, gender: "FEMALE" })).id, start: "1653-03-01" }),
  // A transfer needs the person in custody on its date (1619: decision 0019's own years).
  placements: async () => {
    const person = await saved("prisoners", { fullName: `Entry Transferred ${unique()}`, gender: "MALE" });
    await saved("custody", { prisonerId: person.id, start: "1619-02-01" });
    const facility = await saved("facilities", { name: `Entry Prison ${unique()}`, kind: "PRISON" });
    const source = await saved("sources", { kind: "WEB_PAGE", title: `Entry Transfer Source ${unique()}` });
    return { prisonerId: person.id, facilityId: facility.id, from: "1619-03", sourceIds: [source.id] };
  },
  facilities: async () => ({ name: `Entry Facility ${unique()}`, kind: "PRISON", postalAddress: "PO Box 1", country: "az" }),
  courts: async () => ({ name: `Entry Court ${unique()}`, kind: "DISTRICT", country: "az" }),
  judges: async () => ({ fullName: `Entry Judge ${unique()}`, courtId: (await related()).court }),
  lawyers: async () => ({ fullName: `Entry Lawyer ${unique()}`, aliases: "" }),
  hearings: async () => ({ caseId: (await related()).kase, date: "1651-05-01", kind: "TRIAL_SESSION", status: "HELD" }),
  motions: async () => ({ hearingId: (await related()).hearing, filedBy: "DEFENCE", kind: "BAIL", ruling: "DISMISSED" }),
  extensions: async () => {
    const { arrest, hearing } = await related();
    return { custodyPeriodId: arrest, hearingId: hearing, orderedOn: "1651-04-01", until: "1651-08-01" };
  },
  verdicts: async () => ({ caseId: (await related()).kase, courtId: (await related()).court, date: "1652-04", outcome: "ACQUITTED" }),
  appeals: async () => ({ verdictId: (await related()).verdict, filed: "1652-05", result: "UPHELD" }),
  decrees: async () => ({ kind: "PARDON", title: `Entry Decree ${unique()}`, signed: "1654-03-17", beneficiaries: [(await related()).person] }),
  sources: async () => ({ kind: "WEB_PAGE", title: `Entry Source ${unique()}`, identity: "Confidential" }),
  updates: async () => ({ kind: "AWARD", title: `Entry Award ${unique()}`, date: "1654-10", prisoners: [(await related()).person] }),
};

/**
 * A new record of this kind, in the given state, at its current version. Most start as drafts;
 * a custody period is published as it is saved (an arrest counts at once), and becomes a draft
 * only by being archived and restored.
 */
async function recordIn(key: ResourceKey, state: "DRAFT" | "PUBLISHED" | "ARCHIVED") {
  let record = await saved(key, await createForms[key]());
  const created = (await readRecord(adminResources[key], record.id))?.state;
  if (state === "ARCHIVED") return transitioned(key, record, "archive");
  if (state === "PUBLISHED" && created === "DRAFT") record = await transitioned(key, record, "publish");
  if (state === "DRAFT" && created === "PUBLISHED") record = await transitioned(key, await transitioned(key, record, "archive"), "restore");
  return record;
}

/** The edit form of a new record, exactly as the page loads it. */
async function editForm(key: ResourceKey, state: "DRAFT" | "PUBLISHED"): Promise<FormInput> {
  const { id } = await recordIn(key, state);
  const record = await readRecord(adminResources[key], id);
  if (!record) throw new Error(`no ${key} ${id}`);
  const form: FormInput = { id, version: String(record.version) };
  for (const field of formFields(resourceForms[key], "edit")) {
    const value = record.values[field.name];
    if (typeof value === "string" || Array.isArray(value)) form[field.name] = value;
  }
  // A custody period's edit form is its release.
  return key === "custody" ? { ...form, end: "1653-09-01", reason: "OTHER" } : form;
}

/** A custody period released in 1653, at its current version: what a correction or an undo starts from. */
async function releasedPeriod(): Promise<{ id: string; version: string }> {
  const form = await editForm("custody", "PUBLISHED");
  const state = await performAction(recordActions.custody.update, await setup(), form);
  if (state.status !== "ok") throw new Error(`setting up a release: ${JSON.stringify(state)}`);
  return { id: state.result.id, version: String(state.result.version) };
}

/** What each state change starts from: publish and archive a draft, restore an archived record. */
const startingState: Record<StateTransition, "DRAFT" | "ARCHIVED"> = { publish: "DRAFT", archive: "DRAFT", restore: "ARCHIVED" };

const writeMinimum = (key: ResourceKey): Role => (key === "custody" ? "EDITOR" : "CONTRIBUTOR");

/** A small real JPEG, as a portrait upload sends it. */
async function jpeg(): Promise<File> {
  const bytes = await sharp({ create: { width: 64, height: 80, channels: 3, background: "#5a6b7c" } }).jpeg().toBuffer();
  return new File([new Uint8Array(bytes)], "portrait.jpg", { type: "image/jpeg" });
}

/** A new person, with a portrait in this state already (uploaded by an editor, who may publish). */
async function portrayed(state: "DRAFT" | "PUBLISHED" | null): Promise<string> {
  const person = await createPrisoner({ fullName: `Entry Portrayed ${unique()}` });
  if (state) {
    const upload = await performAction(uploadPortraitAction, await setup(), await portraitForm(person.id));
    if (upload.status !== "ok") throw new Error(`setting up a portrait: ${JSON.stringify(upload)}`);
    if (state === "DRAFT") await prisma.portrait.update({ where: { prisonerId: person.id }, data: { state: "DRAFT" } });
  }
  return person.id;
}

const portraitForm = async (prisonerId: string): Promise<FormInput> => ({
  prisonerId,
  image: await jpeg(),
  credit: "Family photo",
  licence: "Used with the family's permission",
  consent: "FAMILY",
});

/** A one-row import file (docs/import.md) naming a new person. */
const importCsv = () =>
  [
    "full_name,category,arrest_date,charges,place_of_detention,source_url",
    `Entry Import ${unique()},,,221.3,,https://example.org/entry-import`,
  ].join("\n");

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

  // The admin's record forms, one function per kind of change, the kind of record bound.
  "app/(workspace)/admin/record-actions.ts#createRecordAction": {
    variants: resourceKeys.map((key) => ({ bound: [key], minimum: writeMinimum(key), input: createForms[key] })),
  },
  "app/(workspace)/admin/record-actions.ts#updateRecordAction": {
    variants: [
      // A custody period is published as it is saved, so its edit (a release) has only this case.
      ...resourceKeys
        .filter((key) => key !== "custody")
        .map((key) => ({ bound: [key], minimum: "CONTRIBUTOR" as const, input: () => editForm(key, "DRAFT") })),
      // Once published, a record is the public's: only someone who may publish edits it.
      ...resourceKeys.map((key) => ({ bound: [key], minimum: "EDITOR" as const, input: () => editForm(key, "PUBLISHED") })),
      // A release already recorded is corrected through the same form (decision 0019).
      {
        bound: ["custody"],
        when: "a released period, its release corrected",
        minimum: "EDITOR" as const,
        input: async () => ({ ...(await releasedPeriod()), end: "1653-10", reason: "ACQUITTED" }),
      },
    ],
  },
  "app/(workspace)/admin/record-actions.ts#changeRecordStateAction": {
    variants: resourceKeys.flatMap((key) =>
      (["publish", "archive", "restore"] as const).map((transition) => ({
        bound: [key, transition],
        minimum: "EDITOR" as const,
        input: async () => {
          const record = await recordIn(key, startingState[transition]);
          return { id: record.id, version: String(record.version) };
        },
      })),
    ),
  },
  // A release recorded by mistake, undone: the period is open again (the count changes at once).
  "app/(workspace)/admin/record-actions.ts#undoReleaseRecordAction": {
    minimum: "EDITOR",
    input: releasedPeriod,
  },
  // "Create new" from a relation picker: called from client code with the name alone.
  "app/(workspace)/admin/record-actions.ts#quickCreateRecordAction": {
    variants: (["courts", "facilities", "lawyers"] as const).map((key) => ({
      bound: [key],
      minimum: "CONTRIBUTOR" as const,
      input: async () => ({ name: `Entry Quick ${unique()}` }),
    })),
    args: (_form, input) => [input.name],
  },

  // A hearing logged from the courthouse (a contributor's is a draft, an editor's published).
  "app/(workspace)/admin/hearings/new/actions.ts#logHearing": {
    minimum: "CONTRIBUTOR",
    input: async () => ({
      prisonerId: (await saved("prisoners", { fullName: `Entry Defendant ${unique()}`, gender: "MALE" })).id,
      caseTitle: `Entry Logged Case ${unique()}`,
      date: "1655-05-05",
      kind: "TRIAL_SESSION",
      status: "HELD",
    }),
  },

  // A pardon that frees people at once (it changes the public count): editors only.
  "app/(workspace)/admin/decrees/new/actions.ts#recordDecree": {
    minimum: "EDITOR",
    input: async () => {
      const person = await createPrisoner({ fullName: `Entry Pardoned ${unique()}` });
      await createCustodyPeriod({ prisonerId: person.id, start: "1656-01-10" });
      return { kind: "PARDON", title: `Entry Pardon ${unique()}`, signedDate: "1656-06-01", prisonerIds: person.id };
    },
  },

  // A portrait: a real image file. A contributor's is a draft, an editor's published; replacing
  // a published portrait takes it off the public profile, so only an editor may.
  "app/(workspace)/admin/prisoners/[id]/portrait/actions.ts#uploadPortrait": {
    variants: [
      { bound: [], when: "a person without a portrait", minimum: "CONTRIBUTOR", input: async () => portraitForm(await portrayed(null)) },
      { bound: [], when: "a draft portrait", minimum: "CONTRIBUTOR", input: async () => portraitForm(await portrayed("DRAFT")) },
      { bound: [], when: "a published portrait", minimum: "EDITOR", input: async () => portraitForm(await portrayed("PUBLISHED")) },
    ],
  },

  // Bulk import: the preview only reads (editors only, as the import itself), then the import runs.
  "app/(workspace)/admin/import/actions.ts#previewImportFile": {
    minimum: "EDITOR",
    writesNothing: true,
    input: async () => ({ file: new File([importCsv()], "people.csv", { type: "text/csv" }) }),
    args: (form) => [form],
  },
  "app/(workspace)/admin/import/run/route.ts#POST": {
    minimum: "EDITOR",
    input: async () => ({}),
    request: async (_caller, url, origin) => {
      const form = new FormData();
      form.set("file", new File([importCsv()], "people.csv", { type: "text/csv" }));
      return new Request(url, { method: "POST", headers: { ...(origin === null ? {} : { origin }), host: new URL(url).host }, body: form });
    },
  },
};
