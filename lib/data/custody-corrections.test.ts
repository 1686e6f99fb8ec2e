import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditEntriesFor,
  calendar,
  changes,
  countsOn,
  createCustodyPeriod,
  createPrisoner,
  failureOf,
  testActor,
  uniqueSlug,
  writerOf,
} from "../../scripts/test-support/records";
import { createTestUser } from "../../scripts/test-support/users";
import { performAction } from "../actions/perform";
import { recordActions, undoReleaseAction } from "../actions/records";
import type { ActionState } from "../actions/state";
import type { SessionUser } from "../auth/user";
import { disconnect, prisma } from "../db/client";
import { readRecord, recordHistory } from "./admin/engine";
import { adminResources } from "./admin/resources";
import { custodyStatusOf } from "./custody-status";
import { recordArrest, recordRelease, saveRelease, undoRelease } from "./custody";
import { ConflictError, RuleViolation } from "./errors";
import { publicProfileBySlug } from "./profile";

/**
 * Transfers (placements) through the record engine, and releases corrected or undone after
 * they were saved (decision 0019), against a real database. Custody dates stay in this file's
 * years (1600-1618), so a change in a count on one of its days is this file's own.
 */

afterAll(disconnect);

const { year: uniqueYear } = calendar(1600, 1618);
let editor: SessionUser;
let contributor: SessionUser;

beforeAll(async () => {
  editor = await createTestUser("EDITOR", "corrections");
  contributor = await createTestUser("CONTRIBUTOR", "corrections");
});

function ok<Result>(state: ActionState<Result>): Result {
  if (state.status !== "ok") throw new Error(`expected ok, got ${JSON.stringify(state)}`);
  return state.result;
}

function refused(state: ActionState<unknown>) {
  if (state.status !== "error") throw new Error(`expected a refusal, got ${JSON.stringify(state)}`);
  return state;
}

async function publishedFacility(name: string) {
  return prisma.facility.create({ data: { slug: uniqueSlug("facility"), name, kind: "PRISON", state: "PUBLISHED" } });
}

async function publishedSource(title: string) {
  return prisma.source.create({ data: { kind: "WEB_PAGE", title, url: "https://example.org/transfer", state: "PUBLISHED" } });
}

describe("transfers", () => {
  it("records a transfer as a draft with its sources, publishes it onto the public timeline, edits, archives and restores it", async () => {
    const year = uniqueYear();
    const person = await createPrisoner({ fullName: "Transferred Person" });
    await recordArrest(testActor, { prisonerId: person.id, start: `${year}-02-01` });
    const facility = await publishedFacility(`Prison of ${year}`);
    const source = await publishedSource(`Report of the transfer ${year}`);

    const saved = ok(
      await performAction(recordActions.placements.create, editor, {
        prisonerId: person.id,
        facilityId: facility.id,
        from: `${year}-05-10`,
        fromQualifier: "EXACT",
        sourceIds: [source.id],
      }),
    );
    const row = await prisma.placement.findUniqueOrThrow({ where: { id: saved.id }, include: { citations: true } });
    expect(row).toMatchObject({ state: "DRAFT", facilityId: facility.id, version: 1 });
    expect(row.citations.map((citation) => citation.sourceId)).toEqual([source.id]);
    const [created] = await auditEntriesFor(saved.id);
    expect(created).toMatchObject({ action: "CREATE", entityType: "Placement", actorId: editor.id });
    expect(created.after).toMatchObject({ values: { facilityId: facility.id, from: `${year}-05-10`, sourceIds: [source.id] } });
    const [placementWriter] = await prisma.$queryRaw<{ xid: string }[]>`SELECT xmin::text AS xid FROM placement WHERE id = ${saved.id}::uuid`;
    expect(await writerOf("audit_entry", created.id)).toBe(placementWriter.xid);

    // A draft is not on the public timeline.
    const transfersOf = async () =>
      (await publicProfileBySlug(person.slug))!.timeline.filter((event) => event.type === "placement");
    expect(await transfersOf()).toEqual([]);

    const published = ok(await performAction(recordActions.placements.publish, editor, { id: saved.id, version: "1" }));
    expect(await transfersOf()).toMatchObject([
      { type: "placement", id: saved.id, date: { date: `${year}-05-10`, precision: "DAY" }, facility: { name: facility.name } },
    ]);
    const [event] = await transfersOf();
    expect(event.sources.map((cited) => cited.source.title)).toEqual([source.title]);

    // Edited: a month-only date, no sources; the snapshot before and after in the audit.
    const edited = ok(
      await performAction(recordActions.placements.update, editor, {
        id: saved.id,
        version: String(published.version),
        facilityId: facility.id,
        from: `${year}-06`,
        fromQualifier: "ON_OR_BEFORE",
      }),
    );
    expect((await readRecord(adminResources.placements, saved.id))?.values).toMatchObject({
      from: `${year}-06`,
      fromQualifier: "ON_OR_BEFORE",
      sourceIds: [],
    });
    const update = (await auditEntriesFor(saved.id)).at(-1)!;
    expect(update).toMatchObject({ action: "UPDATE" });
    expect(update.before).toMatchObject({ values: { from: `${year}-05-10` } });
    expect(update.after).toMatchObject({ values: { from: `${year}-06` } });
    expect(await prisma.citation.count({ where: { placementId: saved.id } })).toBe(0);

    ok(await performAction(recordActions.placements.archive, editor, { id: saved.id, version: String(edited.version) }));
    expect(await transfersOf()).toEqual([]);
    const restored = ok(await performAction(recordActions.placements.restore, editor, { id: saved.id, version: String(edited.version + 1) }));
    expect((await prisma.placement.findUniqueOrThrow({ where: { id: saved.id } })).state).toBe("DRAFT");
    expect(restored.version).toBe(edited.version + 2);
    expect((await auditEntriesFor(saved.id)).map((entry) => entry.action)).toEqual(["CREATE", "PUBLISH", "UPDATE", "ARCHIVE", "RESTORE"]);
  });

  it("refuses a stale version with the record as it is now, and changes nothing", async () => {
    const year = uniqueYear();
    const person = await createPrisoner();
    await recordArrest(testActor, { prisonerId: person.id, start: `${year}-01-10` });
    const first = await publishedFacility(`First prison ${year}`);
    const second = await publishedFacility(`Second prison ${year}`);
    const { id } = ok(
      await performAction(recordActions.placements.create, editor, { prisonerId: person.id, facilityId: first.id, from: `${year}-03-01` }),
    );
    ok(await performAction(recordActions.placements.update, editor, { id, version: "1", facilityId: second.id, from: `${year}-03-01` }));
    const state = refused(
      await performAction(recordActions.placements.update, editor, { id, version: "1", facilityId: first.id, from: `${year}-04-01` }),
    );
    expect(state.code).toBe(409);
    expect(state.conflict?.current).toMatchObject({ version: 2, values: { facilityId: second.id } });
    expect(state.values).toMatchObject({ facilityId: first.id, from: `${year}-04-01` });
    expect(await prisma.placement.findUniqueOrThrow({ where: { id } })).toMatchObject({ facilityId: second.id, version: 2 });
  });

  it("needs the person in custody on the date, and one place per day", async () => {
    const year = uniqueYear();
    const person = await createPrisoner();
    await createCustodyPeriod({ prisonerId: person.id, start: `${year}-03-01`, end: `${year}-09-01` });
    const facility = await publishedFacility(`Prison ${year}`);
    const before = await prisma.placement.count();

    const outside = refused(
      await performAction(recordActions.placements.create, contributor, { prisonerId: person.id, facilityId: facility.id, from: `${year}-10-01` }),
    );
    expect(outside.code).toBe(400);
    expect(outside.fieldErrors.from?.[0]).toMatch(/no custody period on this date/);
    const noFacility = refused(
      await performAction(recordActions.placements.create, contributor, { prisonerId: person.id, facilityId: "", from: `${year}-04-01` }),
    );
    expect(noFacility.fieldErrors.facilityId).toEqual(["Choose the facility, or create it"]);
    expect(await prisma.placement.count()).toBe(before);

    const draft = ok(
      await performAction(recordActions.placements.create, contributor, { prisonerId: person.id, facilityId: facility.id, from: `${year}-04-01` }),
    );
    const twice = refused(
      await performAction(recordActions.placements.create, contributor, { prisonerId: person.id, facilityId: facility.id, from: `${year}-04-01` }),
    );
    expect(twice.fieldErrors.from?.[0]).toMatch(/already recorded from this date/);
    // A contributor's transfer is a draft, and only an editor publishes it.
    expect(refused(await performAction(recordActions.placements.publish, contributor, { id: draft.id, version: "1" })).code).toBe(403);
  });
});

describe("correcting a release", () => {
  it("moves the release date and reason, the count following, audited before and after", async () => {
    const year = uniqueYear();
    const person = await createPrisoner();
    const { id } = await recordArrest(testActor, { prisonerId: person.id, start: `${year}-02-01` });
    await recordRelease(testActor, { custodyPeriodId: id, version: 1, end: `${year}-06-15`, reason: "CHARGES_DROPPED" });
    const days = [`${year}-06-14`, `${year}-06-15`, `${year}-07-01`, `${year}-08-01`] as const;
    const before = await countsOn([...days]);

    const result = await saveRelease(testActor, { custodyPeriodId: id, version: 2, end: `${year}-07-20`, reason: "ACQUITTED" });
    expect(result).toEqual({ id, version: 3 });
    // Held until 20 July now: counted on 15 June and 1 July, not on 1 August.
    expect(changes(before, await countsOn([...days]))).toEqual([0, 1, 1, 0]);
    expect(await custodyStatusOf(person.id, `${year}-08-01`)).toEqual({
      state: "released",
      on: { date: `${year}-07-20`, precision: "DAY" },
      reason: "ACQUITTED",
    });

    const entries = await auditEntriesFor(id);
    const correction = entries.at(-1)!;
    expect(correction).toMatchObject({ action: "UPDATE", entityType: "CustodyPeriod" });
    expect(correction.before).toMatchObject({ endDate: `${year}-06-15T00:00:00.000Z`, releaseReason: "CHARGES_DROPPED", version: 2 });
    expect(correction.after).toMatchObject({ endDate: `${year}-07-20T00:00:00.000Z`, releaseReason: "ACQUITTED", version: 3 });
    expect(await writerOf("audit_entry", correction.id)).toBe(await writerOf("custody_period", id));

    // The history reads as the form does.
    const history = await recordHistory(adminResources.custody, id);
    expect(history.at(-1)?.before?.values).toMatchObject({ end: `${year}-06-15`, reason: "CHARGES_DROPPED" });
    expect(history.at(-1)?.after?.values).toMatchObject({ end: `${year}-07-20`, reason: "ACQUITTED", prisonerId: person.id });
    expect(history.at(-1)?.after?.labels).toMatchObject({ prisonerId: person.fullName });
  });

  it("refuses a stale version, and a date the record's rules forbid, changing nothing", async () => {
    const year = uniqueYear();
    const person = await createPrisoner();
    const { id } = await recordArrest(testActor, { prisonerId: person.id, start: `${year}-03-01` });
    await recordRelease(testActor, { custodyPeriodId: id, version: 1, end: `${year}-05-01`, reason: "OTHER" });
    const row = async () => prisma.custodyPeriod.findUniqueOrThrow({ where: { id } });
    const stored = await row();

    const stale = await failureOf(() => saveRelease(testActor, { custodyPeriodId: id, version: 1, end: `${year}-05-02`, reason: "OTHER" }));
    expect(stale).toBeInstanceOf(ConflictError);
    const beforeArrest = await failureOf(() => saveRelease(testActor, { custodyPeriodId: id, version: 2, end: `${year}-02-01`, reason: "OTHER" }));
    expect(beforeArrest).toMatchObject({ rule: "rule_custody_release_after_arrest", fieldErrors: { end: [expect.any(String)] } });
    const facility = await publishedFacility(`Prison ${year}`);
    await prisma.placement.create({ data: { custodyPeriodId: id, facilityId: facility.id, fromDate: new Date(`${year}-04-20T00:00:00Z`) } });
    // A release before a recorded transfer would leave the transfer outside the period.
    const beforeTransfer = await failureOf(() => saveRelease(testActor, { custodyPeriodId: id, version: 2, end: `${year}-04-10`, reason: "OTHER" }));
    expect(beforeTransfer).toBeInstanceOf(RuleViolation);
    expect(beforeTransfer).toMatchObject({ rule: "rule_custody_covers_placements", fieldErrors: { end: [expect.stringMatching(/transfer/)] } });
    expect(await row()).toEqual(stored);
  });

  it("undoes a release recorded by mistake: the period is open and the person counted again", async () => {
    const year = uniqueYear();
    const person = await createPrisoner();
    const { id } = await recordArrest(testActor, { prisonerId: person.id, start: `${year}-02-01` });
    const days = [`${year}-03-01`, `${year}-06-01`, `${year}-12-31`] as const;
    const held = await countsOn([...days]);
    await recordRelease(testActor, { custodyPeriodId: id, version: 1, end: `${year}-05-01`, reason: "PARDON" });
    expect(changes(held, await countsOn([...days]))).toEqual([0, -1, -1]);

    const state = ok(await performAction(undoReleaseAction, editor, { id, version: "2" }));
    expect(state).toEqual({ id, version: 3 });
    expect(changes(held, await countsOn([...days]))).toEqual([0, 0, 0]);
    expect(await custodyStatusOf(person.id)).toMatchObject({ state: "imprisoned", since: { date: `${year}-02-01` } });
    expect(await prisma.custodyPeriod.findUniqueOrThrow({ where: { id } })).toMatchObject({
      endDate: null,
      endPrecision: null,
      releaseReason: null,
      version: 3,
    });
    const undo = (await auditEntriesFor(id)).at(-1)!;
    expect(undo).toMatchObject({ action: "UPDATE", actorId: editor.id });
    expect(undo.before).toMatchObject({ releaseReason: "PARDON", endDate: `${year}-05-01T00:00:00.000Z` });
    expect(undo.after).toMatchObject({ releaseReason: null, endDate: null });

    // Open now: nothing to undo, and a stale version is a conflict.
    expect(refused(await performAction(undoReleaseAction, editor, { id, version: "3" })).code).toBe(400);
    expect(refused(await performAction(undoReleaseAction, editor, { id, version: "2" })).code).toBe(409);
    // A contributor may not change the count.
    expect(refused(await performAction(undoReleaseAction, contributor, { id, version: "3" })).code).toBe(403);
  });

  it("refuses to re-open a period when the person has another open one, or a later one would overlap", async () => {
    const year = uniqueYear();
    const person = await createPrisoner();
    const first = await createCustodyPeriod({ prisonerId: person.id, start: `${year}-01-10`, end: `${year}-03-01` });
    const later = await createCustodyPeriod({ prisonerId: person.id, start: `${year}-06-01`, end: `${year}-08-01` });
    await createCustodyPeriod({ prisonerId: person.id, start: `${year}-10-01` });

    const openElsewhere = await failureOf(() => undoRelease(testActor, { id: first.id, version: 1 }));
    expect(openElsewhere).toMatchObject({ rule: "rule_custody_one_open_period" });
    const overlapping = await failureOf(() => saveRelease(testActor, { custodyPeriodId: first.id, version: 1, end: `${year}-07-01`, reason: "OTHER" }));
    expect(overlapping).toMatchObject({ rule: "rule_custody_no_overlap", fieldErrors: { end: [expect.any(String)] } });
    expect(await prisma.custodyPeriod.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ version: 1 });
    expect(await prisma.custodyPeriod.findUniqueOrThrow({ where: { id: later.id } })).toMatchObject({ version: 1 });
  });

  it("corrects a release through the admin's release form, and keeps an open period's release working as before", async () => {
    const year = uniqueYear();
    const person = await createPrisoner();
    const arrest = ok(await performAction(recordActions.custody.create, editor, { prisonerId: person.id, start: `${year}-02-01` }));
    const released = ok(
      await performAction(recordActions.custody.update, editor, { id: arrest.id, version: String(arrest.version), end: `${year}-04-01`, reason: "OTHER" }),
    );
    const corrected = ok(
      await performAction(recordActions.custody.update, editor, { id: arrest.id, version: String(released.version), end: `${year}-04`, reason: "AMNESTY" }),
    );
    expect(corrected.version).toBe(released.version + 1);
    expect((await readRecord(adminResources.custody, arrest.id))?.values).toMatchObject({ end: `${year}-04`, reason: "AMNESTY" });
    const stale = refused(
      await performAction(recordActions.custody.update, editor, { id: arrest.id, version: String(released.version), end: `${year}-05-01`, reason: "OTHER" }),
    );
    expect(stale.code).toBe(409);
    expect(stale.conflict?.current).toMatchObject({ values: { end: `${year}-04`, reason: "AMNESTY" } });
  });
});
