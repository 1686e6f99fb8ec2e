import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEntriesFor } from "../../scripts/test-support/records";
import { formFields, resourceForms } from "../admin/forms";
import type { RecordSnapshot } from "../admin/record-types";
import type { Role } from "../auth/permissions";
import type { SessionUser } from "../auth/user";
import { readRecord, recordHistory } from "../data/admin/engine";
import { adminResources } from "../data/admin/resources";
import { searchDirectory } from "../data/directory";
import { previewProfileById, publicProfileBySlug } from "../data/profile";
import { disconnect, prisma } from "../db/client";
import type { ActionDefinition } from "./define";
import { performAction } from "./perform";
import { recordActions } from "./records";
import type { ActionState } from "./state";

/**
 * The admin's record actions against a real database: every change audited in its own
 * transaction, the version check under two concurrent saves, roles, and bad input that
 * changes nothing. Names here carry a unique tag so other files' records never interfere.
 */

afterAll(disconnect);

const tag = randomUUID().slice(0, 8);
const users = {} as Record<Role, SessionUser>;

beforeAll(async () => {
  for (const role of ["ADMIN", "EDITOR", "CONTRIBUTOR", "VIEWER"] as const) {
    const email = `${role.toLowerCase()}-${tag}@records.test`;
    const row = await prisma.user.create({ data: { email, name: `${role} ${tag}`, role } });
    users[role] = { id: row.id, email, name: row.name, role };
  }
});

function ok<Result>(state: ActionState<Result>): Result {
  if (state.status !== "ok") throw new Error(`expected ok, got ${JSON.stringify(state)}`);
  return state.result;
}

function refusal(state: ActionState<unknown>) {
  if (state.status !== "error") throw new Error(`expected a refusal, got ${JSON.stringify(state)}`);
  return state;
}

async function createPrisonerDraft(fullName = `Draft Person ${tag} ${randomUUID().slice(0, 6)}`) {
  const saved = ok(await performAction(recordActions.prisoners.create, users.EDITOR, { fullName, gender: "FEMALE" }));
  return { ...saved, fullName };
}

async function snapshot(key: keyof typeof adminResources, id: string): Promise<RecordSnapshot> {
  const record = await readRecord(adminResources[key], id);
  if (!record) throw new Error(`no ${key} ${id}`);
  return record;
}

async function xmin(table: string, id: string | bigint): Promise<string> {
  const rows = await prisma.$queryRawUnsafe<{ xid: string }[]>(
    `SELECT xmin::text AS xid FROM ${table} WHERE id = $1${typeof id === "string" ? "::uuid" : ""}`,
    id,
  );
  return rows[0].xid;
}

describe("creating and editing a person", () => {
  it("creates a draft with its private record, and audits it in the same transaction", async () => {
    const fullName = `Leyla Example ${tag}`;
    const state = await performAction(recordActions.prisoners.create, users.CONTRIBUTOR, {
      fullName,
      slug: "",
      gender: "FEMALE",
      birth: "1955-12",
      biography: "Human rights defender.",
      aliases: `Leyla E. ${tag}\nЛейла ${tag}`,
      familyContact: "Family phone, private",
      healthDetails: "",
      internalNotes: "Note",
    });
    const { id } = ok(state);
    const record = await snapshot("prisoners", id);
    expect(record.state).toBe("DRAFT");
    expect(record.values).toMatchObject({ fullName, birth: "1955-12", familyContact: "Family phone, private" });
    expect(record.values.aliases).toContain(`Лейла ${tag}`);

    const [entry] = await auditEntriesFor(id);
    expect(entry).toMatchObject({ action: "CREATE", entityType: "Prisoner", actorId: users.CONTRIBUTOR.id });
    expect((entry.after as RecordSnapshot).values.fullName).toBe(fullName);
    expect(await xmin("audit_entry", entry.id)).toBe(await xmin("prisoner", id));
  });

  it("saves an edit at the current version, bumps it, and records before and after", async () => {
    const { id, version } = await createPrisonerDraft();
    const state = await performAction(recordActions.prisoners.update, users.CONTRIBUTOR, {
      id,
      version: String(version),
      fullName: `Renamed ${tag}`,
      gender: "FEMALE",
      biography: "Now with a biography.",
    });
    expect(ok(state).version).toBe(version + 1);
    const entries = await auditEntriesFor(id);
    const update = entries.find((entry) => entry.action === "UPDATE")!;
    expect((update.before as RecordSnapshot).values.biography).toBe("");
    expect((update.after as RecordSnapshot).values.biography).toBe("Now with a biography.");
    expect(await xmin("audit_entry", update.id)).toBe(await xmin("prisoner", id));
  });

  it("lets exactly one of two concurrent saves at the same version win; the other gets the current record", async () => {
    const { id, version } = await createPrisonerDraft();
    const save = (user: SessionUser, biography: string) =>
      performAction(recordActions.prisoners.update, user, { id, version: String(version), fullName: `Contested ${tag}`, gender: "FEMALE", biography });
    const results = await Promise.all([save(users.EDITOR, "First editor's text"), save(users.ADMIN, "Second editor's text")]);

    const winners = results.filter((result) => result.status === "ok");
    const losers = results.filter((result) => result.status === "error");
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const loser = refusal(losers[0]);
    expect(loser.code).toBe(409);
    // The loser keeps their input and sees what the record is now.
    const winningText = (results.indexOf(winners[0]) === 0 ? "First" : "Second") + " editor's text";
    expect(loser.values.biography).not.toBe(winningText);
    expect((loser.conflict?.current as RecordSnapshot).values.biography).toBe(winningText);

    const record = await snapshot("prisoners", id);
    expect(record.values.biography).toBe(winningText);
    expect(record.version).toBe(version + 1);
    expect((await auditEntriesFor(id)).filter((entry) => entry.action === "UPDATE")).toHaveLength(1);
  });

  it("makes a valid web address from a long name whose cut falls on a separator", async () => {
    // 99 letters, then a space: the address is cut at 100 characters, right after a hyphen.
    const fullName = `${"a".repeat(99)} ${tag} long name`;
    const saved = ok(await performAction(recordActions.prisoners.create, users.EDITOR, { fullName, gender: "FEMALE" }));
    const slug = (await snapshot("prisoners", saved.id)).values.slug as string;
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slug.length).toBeLessThanOrEqual(105);
  });

  it("refuses a save made from a stale form with 409 and changes nothing", async () => {
    const { id, version } = await createPrisonerDraft();
    ok(await performAction(recordActions.prisoners.update, users.EDITOR, { id, version: String(version), fullName: `Fresh ${tag}`, gender: "MALE" }));
    const stale = refusal(
      await performAction(recordActions.prisoners.update, users.EDITOR, { id, version: String(version), fullName: `Stale ${tag}`, gender: "MALE" }),
    );
    expect(stale.code).toBe(409);
    expect(stale.values.fullName).toBe(`Stale ${tag}`);
    expect((await snapshot("prisoners", id)).values.fullName).toBe(`Fresh ${tag}`);
  });
});

describe("bad input", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["an oversized name", { fullName: "x".repeat(201) }, "fullName"],
    ["a wrong type", { fullName: `Typed ${tag}`, gender: "KING" }, "gender"],
    ["a non-string name", { fullName: 42 }, "fullName"],
    ["an extra field such as role", { fullName: `Sneaky ${tag}`, role: "ADMIN" }, "_form"],
    ["a birth date in the future", { fullName: `Future ${tag}`, birth: "2999-01-01" }, "birth"],
    ["an impossible date", { fullName: `Impossible ${tag}`, birth: "2014-02-30" }, "birth"],
    ["a bad web address", { fullName: `Slug ${tag}`, slug: "Not A Slug!" }, "slug"],
    ["an unknown category", { fullName: `Category ${tag}`, categories: "not-an-id" }, "categories"],
  ];
  it.each(cases)("refuses %s with a field error and writes nothing", async (_label, input, field) => {
    const before = await prisma.prisoner.count();
    const auditBefore = await prisma.auditEntry.count();
    const state = refusal(await performAction(recordActions.prisoners.create, users.EDITOR, input));
    expect(state.code).toBe(400);
    expect(Object.keys(state.fieldErrors)).toContain(field);
    expect(JSON.stringify(state)).not.toMatch(/at \w+ \(|prisma|SELECT|INSERT/i);
    expect(await prisma.prisoner.count()).toBe(before);
    expect(await prisma.auditEntry.count()).toBe(auditBefore);
  });

  it("refuses an edit with a bad value and leaves the record as it was", async () => {
    const { id, version, fullName } = await createPrisonerDraft();
    const state = refusal(
      await performAction(recordActions.prisoners.update, users.EDITOR, { id, version: String(version), fullName: "", gender: "FEMALE" }),
    );
    expect(state.fieldErrors.fullName).toBeDefined();
    const record = await snapshot("prisoners", id);
    expect(record.values.fullName).toBe(fullName);
    expect(record.version).toBe(version);
  });

  it("refuses an appeal's new sentence unless reduced, and a decision date while pending, next to the fields", async () => {
    const person = await createPrisonerDraft();
    const criminalCase = ok(await performAction(recordActions.cases.create, users.EDITOR, { prisonerId: person.id, title: `Case ${tag}` }));
    const verdict = ok(
      await performAction(recordActions.verdicts.create, users.EDITOR, { caseId: criminalCase.id, date: "1633-01-01", outcome: "CONVICTED" }),
    );
    const sentence = refusal(
      await performAction(recordActions.appeals.create, users.EDITOR, { verdictId: verdict.id, result: "UPHELD", newSentenceMonths: "24" }),
    );
    expect(sentence.code).toBe(400);
    expect(sentence.fieldErrors.newSentenceMonths?.[0]).toMatch(/reduced/);
    const pending = refusal(
      await performAction(recordActions.appeals.create, users.EDITOR, { verdictId: verdict.id, result: "PENDING", decided: "1633-06-01" }),
    );
    expect(pending.code).toBe(400);
    expect(pending.fieldErrors.decided?.[0]).toMatch(/pending/i);
    expect(await prisma.appeal.count({ where: { verdictId: verdict.id } })).toBe(0);
  });

  it("refuses a hearing in the future unless it is scheduled, and an extension ending before it starts", async () => {
    const person = await createPrisonerDraft();
    const kase = ok(await performAction(recordActions.cases.create, users.EDITOR, { prisonerId: person.id, title: `Case ${tag}` }));
    const held = refusal(
      await performAction(recordActions.hearings.create, users.EDITOR, { caseId: kase.id, date: "2999-01-01", kind: "TRIAL_SESSION", status: "HELD" }),
    );
    expect(held.fieldErrors.date).toBeDefined();
    ok(await performAction(recordActions.hearings.create, users.EDITOR, { caseId: kase.id, date: "2999-01-01", kind: "TRIAL_SESSION", status: "SCHEDULED" }));
  });
});

describe("publishing, archiving, restoring", () => {
  it("moves a record through its states, each step audited; drafts and archived records stay off the public site", async () => {
    const fullName = `Publishable ${tag}`;
    const { id } = ok(await performAction(recordActions.prisoners.create, users.CONTRIBUTOR, { fullName, gender: "MALE" }));
    const slug = (await snapshot("prisoners", id)).values.slug as string;
    const publicNow = async () => ({
      profile: (await publicProfileBySlug(slug)) !== null,
      directory: (await searchDirectory({ q: fullName })).entries.some((entry) => entry.id === id),
    });
    expect(await publicNow()).toEqual({ profile: false, directory: false });

    const contributorPublish = refusal(await performAction(recordActions.prisoners.publish, users.CONTRIBUTOR, { id, version: "1" }));
    expect(contributorPublish.code).toBe(403);

    let version = ok(await performAction(recordActions.prisoners.publish, users.EDITOR, { id, version: "1" })).version;
    expect(await publicNow()).toEqual({ profile: true, directory: true });

    // A contributor cannot change what the public sees; an editor can.
    const contributorEdit = refusal(
      await performAction(recordActions.prisoners.update, users.CONTRIBUTOR, { id, version: String(version), fullName, gender: "OTHER" }),
    );
    expect(contributorEdit.code).toBe(403);

    version = ok(await performAction(recordActions.prisoners.archive, users.EDITOR, { id, version: String(version) })).version;
    expect(await publicNow()).toEqual({ profile: false, directory: false });
    expect(refusal(await performAction(recordActions.prisoners.archive, users.EDITOR, { id, version: String(version) })).code).toBe(400);

    version = ok(await performAction(recordActions.prisoners.restore, users.EDITOR, { id, version: String(version) })).version;
    expect((await snapshot("prisoners", id)).state).toBe("DRAFT");

    const history = await recordHistory(adminResources.prisoners, id);
    expect(history.map((entry) => entry.action)).toEqual(["CREATE", "PUBLISH", "ARCHIVE", "RESTORE"]);
    expect(history.map((entry) => entry.after?.state)).toEqual(["DRAFT", "PUBLISHED", "ARCHIVED", "DRAFT"]);
    expect(history[1].who).toBe(users.EDITOR.email);
  });

  it("refuses the anonymous and viewers everything, and writes nothing", async () => {
    const { id, version } = await createPrisonerDraft();
    for (const [user, code] of [[null, 401], [users.VIEWER, 403]] as const) {
      for (const action of Object.values(recordActions.prisoners).filter(Boolean) as ActionDefinition[]) {
        const state = refusal(await performAction(action, user, { id, version: String(version), fullName: "Changed", name: "Changed" }));
        expect(state.code).toBe(code);
      }
    }
    const record = await snapshot("prisoners", id);
    expect(record.version).toBe(version);
    expect(await auditEntriesFor(id)).toHaveLength(1);
  });
});

describe("the preview of a draft profile", () => {
  it("shows the person as the public will see them: published parts only, no private field", async () => {
    const person = await createPrisonerDraft();
    ok(await performAction(recordActions.prisoners.update, users.EDITOR, {
      id: person.id, version: "1", fullName: person.fullName, gender: "FEMALE", familyContact: `Private canary ${tag}`,
    }));
    const draftCase = ok(await performAction(recordActions.cases.create, users.EDITOR, { prisonerId: person.id, title: `Draft case ${tag}` }));
    const shownCase = ok(await performAction(recordActions.cases.create, users.EDITOR, { prisonerId: person.id, title: `Shown case ${tag}` }));
    ok(await performAction(recordActions.cases.publish, users.EDITOR, { id: shownCase.id, version: "1" }));

    const preview = await previewProfileById(person.id);
    expect(preview?.fullName).toBe(person.fullName);
    expect(preview?.cases.map((item) => item.id)).toEqual([shownCase.id]);
    expect(JSON.stringify(preview)).not.toContain(`Private canary ${tag}`);
    expect(JSON.stringify(preview)).not.toContain(draftCase.id);
    // The public still sees nothing of a draft person.
    const slug = (await snapshot("prisoners", person.id)).values.slug as string;
    expect(await publicProfileBySlug(slug)).toBeNull();
  });
});

describe("every kind of record", () => {
  it("creates, edits and publishes each one through the same engine", async () => {
    const editor = users.EDITOR;
    const person = await createPrisonerDraft();
    const court = ok(await performAction(recordActions.courts.quickCreate!, editor, { name: `Quick Court ${tag}` }));
    const facility = ok(
      await performAction(recordActions.facilities.create, editor, { name: `Facility ${tag}`, kind: "PRISON", postalAddress: "PO Box 1", country: "az" }),
    );
    const lawyer = ok(await performAction(recordActions.lawyers.create, editor, { fullName: `Lawyer ${tag}`, aliases: "" }));
    const judge = ok(await performAction(recordActions.judges.create, editor, { fullName: `Judge ${tag}`, courtId: court.id }));
    const kase = ok(await performAction(recordActions.cases.create, editor, { prisonerId: person.id, title: `Case ${tag}`, opened: "2014-08" }));
    const charge = ok(await performAction(recordActions.charges.create, editor, { caseId: kase.id, article: "234.4.3", articleTitle: "Drugs" }));
    const hearing = ok(
      await performAction(recordActions.hearings.create, editor, {
        caseId: kase.id,
        courtId: court.id,
        judgeId: judge.id,
        date: "2014-10-24",
        timeOfDay: "10:30",
        kind: "DETENTION_EXTENSION",
        status: "HELD",
      }),
    );
    const motion = ok(
      await performAction(recordActions.motions.create, editor, { hearingId: hearing.id, filedBy: "DEFENCE", lawyerId: lawyer.id, kind: "BAIL", ruling: "DISMISSED" }),
    );
    const arrest = ok(
      await performAction(recordActions.custody.create, editor, { prisonerId: person.id, caseId: kase.id, start: "1903-07-30", facilityId: facility.id }),
    );
    const extension = ok(
      await performAction(recordActions.extensions.create, editor, { custodyPeriodId: arrest.id, hearingId: hearing.id, orderedOn: "1903-10-24", until: "1904-02-08" }),
    );
    const verdict = ok(
      await performAction(recordActions.verdicts.create, editor, { caseId: kase.id, courtId: court.id, date: "1904-04", outcome: "CONVICTED", sentenceKind: "IMPRISONMENT", sentenceMonths: "90" }),
    );
    const appeal = ok(await performAction(recordActions.appeals.create, editor, { verdictId: verdict.id, filed: "1904-05", result: "UPHELD" }));
    const decree = ok(
      await performAction(recordActions.decrees.create, editor, { kind: "PARDON", title: `Decree ${tag}`, signed: "1905-03-17", beneficiaries: [person.id] }),
    );
    ok(
      await performAction(recordActions.custody.update, editor, { id: arrest.id, version: "1", end: "1905-03-18", reason: "PARDON", decreeId: decree.id }),
    );
    const source = ok(await performAction(recordActions.sources.create, editor, { kind: "WEB_PAGE", title: `Source ${tag}`, identity: "Confidential" }));
    const update = ok(
      await performAction(recordActions.updates.create, editor, { kind: "AWARD", title: `Award ${tag}`, date: "2014-10", prisoners: [person.id] }),
    );

    const made = { court, facility, lawyer, judge, kase, charge, hearing, motion, extension, verdict, appeal, decree, source, update };
    const keys = {
      court: "courts", facility: "facilities", lawyer: "lawyers", judge: "judges", kase: "cases", charge: "charges", hearing: "hearings",
      motion: "motions", extension: "extensions", verdict: "verdicts", appeal: "appeals", decree: "decrees", source: "sources", update: "updates",
    } as const;
    for (const [name, saved] of Object.entries(made)) {
      const key = keys[name as keyof typeof keys];
      const record = await snapshot(key, saved.id);
      expect(record.state, key).toBe("DRAFT");
      // Saving the edit form as loaded changes nothing but the version.
      const form: Record<string, unknown> = { id: record.id, version: String(record.version) };
      for (const field of formFields(resourceForms[key], "edit")) form[field.name] = record.values[field.name];
      const edited = await performAction(recordActions[key].update, editor, form);
      expect(edited.status, `${key}: ${JSON.stringify(edited)}`).toBe("ok");
      const after = await snapshot(key, saved.id);
      expect(after.values, key).toEqual(record.values);
      expect(ok(await performAction(recordActions[key].publish, editor, { id: saved.id, version: String(after.version) })).version).toBe(after.version + 1);
    }
    expect((await snapshot("custody", arrest.id)).values).toMatchObject({ end: "1905-03-18", reason: "PARDON", decreeId: decree.id });
    expect((await snapshot("decrees", decree.id)).labels.beneficiaries).toBe(person.fullName);
  });

  it("keeps arrests and releases to editors: they change the public count at once", async () => {
    const person = await createPrisonerDraft();
    const state = refusal(await performAction(recordActions.custody.create, users.CONTRIBUTOR, { prisonerId: person.id, start: "1906-01-01" }));
    expect(state.code).toBe(403);
    expect(await prisma.custodyPeriod.count({ where: { prisonerId: person.id } })).toBe(0);
  });
});
