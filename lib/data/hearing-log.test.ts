import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCase, createLawyer } from "../../scripts/test-support/hearings";
import { calendar, countsOn, changes, createCustodyPeriod, createPrisoner } from "../../scripts/test-support/records";
import { createTestUser } from "../../scripts/test-support/users";
import { logHearingAction } from "../actions/log-hearing";
import { performAction } from "../actions/perform";
import type { SessionUser } from "../auth/user";
import { addDays, todayUtc } from "../dates";
import { disconnect, prisma } from "../db/client";
import { publicProfileBySlug } from "./profile";

// This file's hearings and custody events fall in 1860-1869.
const { year: uniqueYear } = calendar(1860, 1869);

let editor: SessionUser;
let contributor: SessionUser;
let viewer: SessionUser;

beforeAll(async () => {
  [editor, contributor, viewer] = await Promise.all([createTestUser("EDITOR"), createTestUser("CONTRIBUTOR"), createTestUser("VIEWER")]);
});
afterAll(disconnect);

/** A published person in custody since 1 January of a year of this file, with one case. */
async function personInCustody(year: number) {
  const person = await createPrisoner({ fullName: `Hearing Log Person ${randomUUID().slice(0, 8)}` });
  const criminalCase = await createCase(person.id, { title: "Case of the test" });
  const custody = await createCustodyPeriod({ prisonerId: person.id, start: `${year}-01-01` });
  return { person, criminalCase, custody };
}

/** What the form sends for the 24 October hearing pattern: two motions and an extension. */
function extensionForm(fields: { prisonerId: string; caseId: string; date: string; until: string; court: string }) {
  return {
    prisonerId: fields.prisonerId,
    caseId: fields.caseId,
    courtName: fields.court,
    courtKind: "DISTRICT",
    judgeName: `Judge ${fields.court}`,
    lawyers: [`Lawyer One ${fields.court}`, `Lawyer Two ${fields.court}`],
    date: fields.date,
    kind: "DETENTION_EXTENSION",
    status: "HELD",
    outcome: "Detention extended; house arrest or bail refused.",
    "motions.0.party": "INVESTIGATION",
    "motions.0.kind": "EXTEND_DETENTION",
    "motions.0.text": "Extend detention",
    "motions.0.ruling": "GRANTED",
    "motions.1.party": "DEFENCE",
    "motions.1.kind": "HOUSE_ARREST_OR_BAIL",
    "motions.1.text": "Replace detention with house arrest or bail",
    "motions.1.ruling": "DISMISSED",
    // A spare row the form offers, left empty: not a motion.
    "motions.2.party": "",
    "motions.2.kind": "",
    "motions.2.text": "",
    "motions.2.ruling": "GRANTED",
    result: "extended",
    until: fields.until,
  };
}

/** Every row this file can write, counted, to show a refusal wrote nothing. */
async function rowCounts() {
  const [hearing, motion, extension, court, judge, lawyer, criminalCase, verdict, audit, closed] = await Promise.all([
    prisma.hearing.count(),
    prisma.motion.count(),
    prisma.detentionExtension.count(),
    prisma.court.count(),
    prisma.judge.count(),
    prisma.lawyer.count(),
    prisma.case.count(),
    prisma.verdict.count(),
    prisma.auditEntry.count(),
    prisma.custodyPeriod.count({ where: { endDate: { not: null } } }),
  ]);
  return { hearing, motion, extension, court, judge, lawyer, criminalCase, verdict, audit, closed };
}

describe("logging a hearing", () => {
  it("writes the hearing, its motions, new court, judge and lawyers, and the extension in one audited transaction, published at once", async () => {
    const year = uniqueYear();
    const { person, criminalCase, custody } = await personInCustody(year);
    const existingLawyer = await createLawyer({ fullName: `Known Lawyer ${randomUUID().slice(0, 8)}` });
    const court = `Court ${randomUUID().slice(0, 8)}`;
    const form = extensionForm({ prisonerId: person.id, caseId: criminalCase.id, date: `${year}-10-24`, until: `${year + 1}-02-08`, court });
    form.lawyers.push(existingLawyer.fullName.toUpperCase());

    const result = await performAction(logHearingAction, editor, form);
    expect(result).toMatchObject({ status: "ok", message: "Hearing saved and published.", result: { isPublic: true } });
    if (result.status !== "ok") throw new Error("not saved");
    const { hearingId, publicPath } = result.result;
    expect(publicPath).toBe(`/prisoners/${person.slug}#event-${hearingId}`);

    const hearing = await prisma.hearing.findUniqueOrThrow({
      where: { id: hearingId },
      include: { court: true, judge: true, lawyers: { include: { lawyer: true } }, motions: { orderBy: { position: "asc" } }, extensions: true },
    });
    expect(hearing).toMatchObject({ caseId: criminalCase.id, kind: "DETENTION_EXTENSION", status: "HELD", state: "PUBLISHED", datePrecision: "DAY" });
    expect(hearing.court).toMatchObject({ name: court, kind: "DISTRICT", state: "PUBLISHED" });
    expect(hearing.judge).toMatchObject({ fullName: `Judge ${court}`, courtId: hearing.courtId });
    expect(hearing.lawyers.map(({ lawyer }) => lawyer.fullName).sort()).toEqual(
      [existingLawyer.fullName, `Lawyer One ${court}`, `Lawyer Two ${court}`].sort(),
    );
    expect(hearing.motions.map((motion) => [motion.filedBy, motion.kind, motion.ruling])).toEqual([
      ["INVESTIGATION", "EXTEND_DETENTION", "GRANTED"],
      ["DEFENCE", "HOUSE_ARREST_OR_BAIL", "DISMISSED"],
    ]);
    expect(hearing.extensions).toHaveLength(1);
    expect(hearing.extensions[0]).toMatchObject({ custodyPeriodId: custody.id, motionId: hearing.motions[0].id, state: "PUBLISHED" });

    // One audit entry for every row written, by the editor, all in the hearing's transaction.
    const written = [
      ["Hearing", hearingId],
      ["Court", hearing.courtId],
      ["Judge", hearing.judgeId],
      ["Motion", hearing.motions[0].id],
      ["Motion", hearing.motions[1].id],
      ["DetentionExtension", hearing.extensions[0].id],
      ...hearing.lawyers.map(({ lawyerId }) => ["HearingLawyer", `${hearingId}:${lawyerId}`]),
      ...hearing.lawyers.filter(({ lawyer }) => lawyer.id !== existingLawyer.id).map(({ lawyerId }) => ["Lawyer", lawyerId]),
    ] as [string, string][];
    const entries = await prisma.auditEntry.findMany({ where: { entityId: { in: written.map(([, id]) => id) } } });
    expect(entries.map((entry) => [entry.entityType, entry.entityId]).sort()).toEqual(written.sort());
    expect(new Set(entries.map((entry) => entry.actorId))).toEqual(new Set([editor.id]));
    const writers = await prisma.$queryRaw<{ xid: string }[]>`
      SELECT DISTINCT xmin::text AS xid FROM audit_entry WHERE entity_id = ANY(${written.map(([, id]) => id)})
      UNION SELECT xmin::text FROM hearing WHERE id = ${hearingId}::uuid`;
    expect(writers).toHaveLength(1);

    // The public profile shows the hearing and the extension straight away.
    const profile = await publicProfileBySlug(person.slug);
    const events = profile?.timeline ?? [];
    expect(events.find((event) => event.id === hearingId)).toMatchObject({
      type: "hearing",
      court: { name: court },
      motions: [{ ruling: "GRANTED" }, { ruling: "DISMISSED" }],
    });
    expect(events.find((event) => event.type === "detention-extension")).toMatchObject({
      until: `${year + 1}-02-08`,
      hearingAnchor: `event-${hearingId}`,
    });
  });

  it("finds an existing court by name instead of creating another, and saves a contributor's hearing as a draft", async () => {
    const year = uniqueYear();
    const { person, criminalCase } = await personInCustody(year);
    const court = `Court ${randomUUID().slice(0, 8)}`;
    const first = await performAction(logHearingAction, editor, {
      ...extensionForm({ prisonerId: person.id, caseId: criminalCase.id, date: `${year}-03-01`, until: `${year}-06-01`, court }),
    });
    expect(first.status).toBe("ok");

    const second = await performAction(logHearingAction, contributor, {
      prisonerId: person.id,
      caseId: criminalCase.id,
      courtName: court.toLowerCase(),
      date: `${year}-06-01`,
      kind: "TRIAL_SESSION",
    });
    expect(second).toMatchObject({ status: "ok", message: "Hearing saved as a draft for an editor to publish.", result: { state: "DRAFT" } });
    expect(await prisma.court.count({ where: { name: court } })).toBe(1);
    const profile = await publicProfileBySlug(person.slug);
    expect(profile?.timeline.filter((event) => event.type === "hearing")).toHaveLength(1);
  });

  it("creates a new case when the form names one, and records a verdict with its sentence", async () => {
    const year = uniqueYear();
    const { person } = await personInCustody(year);
    const result = await performAction(logHearingAction, editor, {
      prisonerId: person.id,
      caseTitle: "New case from the courthouse",
      date: `${year}-05-05`,
      kind: "VERDICT",
      result: "verdict",
      verdictOutcome: "CONVICTED",
      sentenceKind: "IMPRISONMENT",
      sentenceMonths: "90",
    });
    if (result.status !== "ok") throw new Error(JSON.stringify(result));
    const verdict = await prisma.verdict.findFirstOrThrow({ where: { hearingId: result.result.hearingId }, include: { case: true } });
    expect(verdict).toMatchObject({ outcome: "CONVICTED", sentenceKind: "IMPRISONMENT", sentenceMonths: 90, state: "PUBLISHED" });
    expect(verdict.case).toMatchObject({ prisonerId: person.id, title: "New case from the courthouse" });
  });

  it("closes the custody period on a release, so the count follows", async () => {
    const year = uniqueYear();
    const { person, criminalCase, custody } = await personInCustody(year);
    const days = [`${year}-07-09`, `${year}-07-10`, `${year}-12-31`];
    const before = await countsOn(days);
    const result = await performAction(logHearingAction, editor, {
      prisonerId: person.id,
      caseId: criminalCase.id,
      date: `${year}-07-10`,
      kind: "TRIAL_SESSION",
      result: "released",
      releaseReason: "ACQUITTED",
    });
    expect(result.status).toBe("ok");
    expect(changes(before, await countsOn(days))).toEqual([0, -1, -1]);
    const closed = await prisma.custodyPeriod.findUniqueOrThrow({ where: { id: custody.id } });
    expect(closed).toMatchObject({ releaseReason: "ACQUITTED", endPrecision: "DAY", version: 2 });
    const audit = await prisma.auditEntry.findMany({ where: { entityId: custody.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "UPDATE", actorId: editor.id });
  });
});

describe("a refused hearing writes nothing", () => {
  it("rolls everything back when the release, written last, breaks a database rule", async () => {
    const year = uniqueYear();
    const { person, criminalCase } = await personInCustody(year);
    const before = await rowCounts();
    // The hearing is before the arrest of 1 January: the database refuses the release only
    // after the court, judge, lawyers, hearing and motions were written in the transaction.
    const result = await performAction(logHearingAction, editor, {
      ...extensionForm({ prisonerId: person.id, caseId: criminalCase.id, date: `${year - 1}-12-30`, until: `${year}-01-05`, court: `Court ${randomUUID()}` }),
      result: "released",
      releaseReason: "ACQUITTED",
    });
    expect(result).toMatchObject({
      status: "error",
      code: 400,
      fieldErrors: { date: ["The release date cannot be before the arrest date."] },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("rolls everything back when there is no custody period to extend, and keeps the input", async () => {
    const year = uniqueYear();
    const person = await createPrisoner();
    const criminalCase = await createCase(person.id);
    const before = await rowCounts();
    const form = extensionForm({ prisonerId: person.id, caseId: criminalCase.id, date: `${year}-10-24`, until: `${year + 1}-02-08`, court: `Court ${randomUUID()}` });
    const result = await performAction(logHearingAction, editor, form);
    expect(result).toMatchObject({ status: "error", code: 400 });
    if (result.status !== "error") throw new Error("saved");
    expect(result.fieldErrors.until?.[0]).toMatch(/has no open custody period/);
    expect(result.values).toMatchObject({ "motions.1.kind": "HOUSE_ARREST_OR_BAIL", until: `${year + 1}-02-08`, lawyers: form.lawyers });
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses bad input field by field: oversized text, wrong types, an extra role field, a future held hearing", async () => {
    const year = uniqueYear();
    const { person, criminalCase } = await personInCustody(year);
    const before = await rowCounts();
    const result = await performAction(logHearingAction, editor, {
      prisonerId: person.id,
      caseId: criminalCase.id,
      date: addDays(todayUtc(), 30),
      kind: "NOT_A_KIND",
      outcome: "x".repeat(5001),
      "motions.0.party": "DEFENCE",
      "motions.0.kind": "BAIL",
      "motions.0.text": "y".repeat(2001),
      "motions.1.party": 42,
      "motions.1.kind": "BAIL",
      sentenceMonths: "twelve",
      role: "ADMIN",
    });
    expect(result).toMatchObject({ status: "error", code: 400 });
    if (result.status !== "error") throw new Error("saved");
    expect(Object.keys(result.fieldErrors).sort()).toEqual(
      ["_form", "kind", "motions", "motions.0.text", "motions.1.party", "outcome", "sentenceMonths"].sort(),
    );
    expect(result.fieldErrors._form?.join()).toMatch(/role/);
    expect(result.fieldErrors["motions.0.text"]).toEqual(["Use at most 2000 characters"]);
    expect(await rowCounts()).toEqual(before);

    // With the types right, the date rule speaks: only a scheduled hearing is in the future.
    const future = await performAction(logHearingAction, editor, {
      prisonerId: person.id,
      caseId: criminalCase.id,
      date: addDays(todayUtc(), 30),
      kind: "TRIAL_SESSION",
    });
    expect(future).toMatchObject({ status: "error", fieldErrors: { date: ["Only a scheduled hearing can have a date in the future"] } });
    const scheduled = await performAction(logHearingAction, contributor, {
      prisonerId: person.id,
      caseId: criminalCase.id,
      date: addDays(todayUtc(), 30),
      kind: "TRIAL_SESSION",
      status: "SCHEDULED",
    });
    expect(scheduled.status).toBe("ok");
  });

  it("refuses people without the permission, and a contributor's release", async () => {
    const year = uniqueYear();
    const { person, criminalCase } = await personInCustody(year);
    const before = await rowCounts();
    const form = { prisonerId: person.id, caseId: criminalCase.id, date: `${year}-04-04`, kind: "TRIAL_SESSION", result: "released", releaseReason: "ACQUITTED" };
    expect(await performAction(logHearingAction, null, form)).toMatchObject({ status: "error", code: 401 });
    expect(await performAction(logHearingAction, viewer, form)).toMatchObject({ status: "error", code: 403 });
    const byContributor = await performAction(logHearingAction, contributor, form);
    expect(byContributor).toMatchObject({ status: "error", code: 400 });
    if (byContributor.status !== "error") throw new Error("saved");
    expect(byContributor.fieldErrors.result?.[0]).toMatch(/Only an editor can record a release/);
    expect(await rowCounts()).toEqual(before);
  });
});
