import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { writeAudit } from "../lib/data/audit";
import { recordArrest, recordRelease } from "../lib/data/custody";
import { ConflictError, RuleViolation, explainDatabaseError } from "../lib/data/errors";
import { addDays, fromIsoDay, todayUtc } from "../lib/dates";
import { disconnect, prisma } from "../lib/db/client";
import {
  auditEntriesFor,
  calendar,
  createCustodyPeriod,
  createPrisoner,
  failureOf,
  testActor,
  uniqueSlug,
} from "../scripts/test-support/records";

// This file's custody events fall in 1900-1949; lib/data/custody-status.test.ts uses 1950-1989.
const { year: uniqueYear } = calendar(1900, 1949);

afterAll(disconnect);

/** What the data layer makes of a refusal by the database when writing directly. */
async function refusalOf(action: () => Promise<unknown>): Promise<unknown> {
  return explainDatabaseError(await failureOf(action));
}

function expectRuleViolation(error: unknown, rule: string, field?: string): RuleViolation {
  expect(error).toBeInstanceOf(RuleViolation);
  const violation = error as RuleViolation;
  expect(violation.rule).toBe(rule);
  expect(violation.message).not.toMatch(/rule_|violates|constraint/);
  if (field) expect(violation.fieldErrors[field]).toEqual([violation.message]);
  return violation;
}

const periodsOf = (prisonerId: string) =>
  prisma.custodyPeriod.findMany({ where: { prisonerId }, orderBy: { startDate: "asc" } });

describe("custody periods", () => {
  it("refuse a release before the arrest, leaving the period and the audit log as they were", async () => {
    const year = uniqueYear();
    const person = await createPrisoner();
    const { id } = await recordArrest(testActor, { prisonerId: person.id, start: `${year}-05-01` });
    const before = await prisma.custodyPeriod.findUniqueOrThrow({ where: { id } });
    const audited = await auditEntriesFor(id);

    const error = await failureOf(() =>
      recordRelease(testActor, { custodyPeriodId: id, version: 1, end: `${year}-04-30`, reason: "ACQUITTED" }),
    );
    const violation = expectRuleViolation(error, "rule_custody_release_after_arrest", "end");
    expect(violation.message).toBe("The release date cannot be before the arrest date.");
    expect(await prisma.custodyPeriod.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await auditEntriesFor(id)).toEqual(audited);
  });

  it("refuse a second open period for one person", async () => {
    const year = uniqueYear();
    const person = await createPrisoner();
    await recordArrest(testActor, { prisonerId: person.id, start: `${year}-03-01` });

    for (const start of [`${year}-06-01`, `${year}-01-01`]) {
      const error = await failureOf(() => recordArrest(testActor, { prisonerId: person.id, start }));
      expect(error).toBeInstanceOf(RuleViolation);
      const violation = error as RuleViolation;
      expect(violation.rule).toBe("rule_custody_one_open_period");
      expect(violation.fieldErrors.start?.[0]).toMatch(/record the release/i);
    }
    // Written past the data layer, the database refuses it too (PostgreSQL checks the exclusion
    // constraint before the unique index, so either rule may answer).
    const direct = await failureOf(() =>
      prisma.custodyPeriod.create({ data: { prisonerId: person.id, startDate: new Date(`${year}-06-01T00:00:00Z`) } }),
    );
    expect((explainDatabaseError(direct) as RuleViolation).rule).toMatch(/^rule_custody_(one_open_period|no_overlap)$/);
    expect(await periodsOf(person.id)).toHaveLength(1);
  });

  it("refuse overlapping closed periods, but allow one to start on the day the other ends", async () => {
    const year = uniqueYear();
    const person = await createPrisoner();
    await createCustodyPeriod({ prisonerId: person.id, start: `${year}-02-01`, end: `${year}-05-01` });

    const error = await refusalOf(() =>
      createCustodyPeriod({ prisonerId: person.id, start: `${year}-04-01`, end: `${year}-06-01` }),
    );
    expectRuleViolation(error, "rule_custody_no_overlap", "start");
    expect(await periodsOf(person.id)).toHaveLength(1);

    // The day of release is a day of freedom: a new arrest that day does not overlap.
    await createCustodyPeriod({ prisonerId: person.id, start: `${year}-05-01`, end: `${year}-06-01` });
    expect(await periodsOf(person.id)).toHaveLength(2);
  });

  it("refuse an arrest dated in the future, in the form and in the database", async () => {
    const person = await createPrisoner();
    const future = addDays(todayUtc(), 5);

    const error = await failureOf(() => recordArrest(testActor, { prisonerId: person.id, start: future }));
    expect(error).toBeInstanceOf(RuleViolation);
    expect((error as RuleViolation).rule).toBe("validation");
    expect((error as RuleViolation).fieldErrors.start).toEqual(["This date is in the future"]);

    const direct = await refusalOf(() => createCustodyPeriod({ prisonerId: person.id, start: future }));
    expectRuleViolation(direct, "rule_custody_not_future", "start");
    expect(await periodsOf(person.id)).toEqual([]);
  });

  it("refuse a month-only date that is not the 1st, and a year-only date that is not 1 January", async () => {
    const year = uniqueYear();
    const person = await createPrisoner();

    for (const [start, startPrecision] of [
      [`${year}-03-15`, "MONTH"],
      [`${year}-03-01`, "YEAR"],
    ] as const) {
      const error = await refusalOf(() => createCustodyPeriod({ prisonerId: person.id, start, startPrecision }));
      expectRuleViolation(error, "rule_custody_date_precision", "start");
    }
    expect(await periodsOf(person.id)).toEqual([]);

    await createCustodyPeriod({ prisonerId: person.id, start: `${year}-03-01`, startPrecision: "MONTH" });
    expect(await periodsOf(person.id)).toHaveLength(1);
  });

  it("refuse a link to a record that does not exist, writing nothing", async () => {
    const year = uniqueYear();
    const person = await createPrisoner();

    const error = await failureOf(() =>
      recordArrest(testActor, { prisonerId: person.id, start: `${year}-03-01`, facilityId: randomUUID() }),
    );
    expectRuleViolation(error, "foreign_key");
    expect(await periodsOf(person.id)).toEqual([]);
  });
});

describe("placements", () => {
  it("must fall within their custody period, on insert and on update", async () => {
    const year = uniqueYear();
    const person = await createPrisoner();
    const period = await createCustodyPeriod({ prisonerId: person.id, start: `${year}-03-01`, end: `${year}-06-01` });
    const facility = await prisma.facility.create({
      data: { slug: uniqueSlug(), name: "Test Detention Centre", kind: "PRE_TRIAL_DETENTION_CENTRE" },
    });
    const place = (day: string) =>
      prisma.placement.create({ data: { custodyPeriodId: period.id, facilityId: facility.id, fromDate: fromIsoDay(day) } });

    for (const outside of [`${year}-02-28`, `${year}-06-02`]) {
      expectRuleViolation(await refusalOf(() => place(outside)), "rule_placement_within_custody", "fromDate");
    }
    const inside = await place(`${year}-04-01`);
    expectRuleViolation(
      await refusalOf(() =>
        prisma.placement.update({ where: { id: inside.id }, data: { fromDate: fromIsoDay(`${year}-07-01`) } }),
      ),
      "rule_placement_within_custody",
      "fromDate",
    );
    const placements = await prisma.placement.findMany({ where: { custodyPeriodId: period.id } });
    expect(placements).toEqual([expect.objectContaining({ id: inside.id, fromDate: fromIsoDay(`${year}-04-01`) })]);
  });
});

describe("detention extensions", () => {
  it("must end after the day they are ordered", async () => {
    const year = uniqueYear();
    const person = await createPrisoner();
    const period = await createCustodyPeriod({ prisonerId: person.id, start: `${year}-01-10` });

    for (const until of [`${year}-02-28`, `${year}-03-01`]) {
      const error = await refusalOf(() =>
        prisma.detentionExtension.create({
          data: { custodyPeriodId: period.id, orderedOn: fromIsoDay(`${year}-03-01`), until: fromIsoDay(until) },
        }),
      );
      expectRuleViolation(error, "rule_extension_ends_after_start", "until");
    }
    expect(await prisma.detentionExtension.count({ where: { custodyPeriodId: period.id } })).toBe(0);
  });
});

describe("hearings", () => {
  it("may be in the future only when not yet held", async () => {
    const person = await createPrisoner();
    const criminalCase = await prisma.case.create({ data: { prisonerId: person.id, title: "Test case" } });
    const future = fromIsoDay(addDays(todayUtc(), 10));
    const hearing = (status: "HELD" | "SCHEDULED") =>
      prisma.hearing.create({ data: { caseId: criminalCase.id, date: future, kind: "TRIAL_SESSION", status } });

    expectRuleViolation(await refusalOf(() => hearing("HELD")), "rule_hearing_future_only_if_scheduled", "date");
    expect(await prisma.hearing.count({ where: { caseId: criminalCase.id } })).toBe(0);

    const scheduled = await hearing("SCHEDULED");
    expect(await prisma.hearing.findMany({ where: { caseId: criminalCase.id } })).toEqual([
      expect.objectContaining({ id: scheduled.id, status: "SCHEDULED", date: future }),
    ]);
  });
});

describe("citations", () => {
  it("support exactly one fact", async () => {
    const person = await createPrisoner();
    const criminalCase = await prisma.case.create({ data: { prisonerId: person.id, title: "Test case" } });
    const source = await prisma.source.create({ data: { kind: "OTHER", title: "Test source" } });

    await expect(prisma.citation.create({ data: { sourceId: source.id } })).rejects.toThrow(/rule_citation_one_subject/);
    await expect(
      prisma.citation.create({ data: { sourceId: source.id, prisonerId: person.id, caseId: criminalCase.id } }),
    ).rejects.toThrow(/rule_citation_one_subject/);
    expect(await prisma.citation.count({ where: { sourceId: source.id } })).toBe(0);

    await prisma.citation.create({ data: { sourceId: source.id, caseId: criminalCase.id } });
    expect(await prisma.citation.count({ where: { sourceId: source.id } })).toBe(1);
  });
});

describe("the audit log", () => {
  it("refuses UPDATE and DELETE", async () => {
    const entityId = randomUUID();
    await prisma.$transaction((tx) =>
      writeAudit(tx, { actor: testActor, action: "CREATE", entityType: "Test", entityId, after: { value: 1 } }),
    );
    const [entry] = await auditEntriesFor(entityId);

    for (const statement of [
      `UPDATE audit_entry SET action = 'TAMPERED' WHERE id = $1`,
      `DELETE FROM audit_entry WHERE id = $1`,
    ]) {
      const error = await failureOf(() => prisma.$executeRawUnsafe(statement, entry.id));
      expect(String(error)).toMatch(/rule_audit_append_only/);
      expectRuleViolation(explainDatabaseError(error), "rule_audit_append_only");
    }
    expect(await auditEntriesFor(entityId)).toEqual([entry]);
  });
});

describe("input validation", () => {
  it("refuses extra fields and oversized text with field errors, writing nothing", async () => {
    const year = uniqueYear();
    const person = await createPrisoner();

    const error = await failureOf(() =>
      recordArrest(testActor, { prisonerId: person.id, start: `${year}-03-01`, role: "admin", note: "x".repeat(5001) }),
    );
    expect(error).toBeInstanceOf(RuleViolation);
    const { rule, fieldErrors } = error as RuleViolation;
    expect(rule).toBe("validation");
    expect(fieldErrors._form).toEqual([expect.stringContaining('"role"')]);
    expect(fieldErrors.note).toEqual(["Use at most 5000 characters"]);
    expect(await periodsOf(person.id)).toEqual([]);

    const { id } = await recordArrest(testActor, { prisonerId: person.id, start: `${year}-03-01` });
    const before = await prisma.custodyPeriod.findUniqueOrThrow({ where: { id } });
    const release = await failureOf(() =>
      recordRelease(testActor, { custodyPeriodId: id, version: 1, end: `${year}-04-01`, reason: "OTHER", state: "ARCHIVED" }),
    );
    expect((release as RuleViolation).fieldErrors._form).toEqual([expect.stringContaining('"state"')]);
    expect(await prisma.custodyPeriod.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await auditEntriesFor(id)).toHaveLength(1);
  });
});

describe("concurrent edits", () => {
  it("refuse a release made from a stale version, changing nothing", async () => {
    const year = uniqueYear();
    const person = await createPrisoner();
    const { id } = await recordArrest(testActor, { prisonerId: person.id, start: `${year}-03-01` });
    // Someone else edits the period after our user loaded version 1.
    await prisma.custodyPeriod.update({ where: { id }, data: { note: "Corrected", version: { increment: 1 } } });
    const current = await prisma.custodyPeriod.findUniqueOrThrow({ where: { id } });
    const audited = await auditEntriesFor(id);

    const error = await failureOf(() =>
      recordRelease(testActor, { custodyPeriodId: id, version: 1, end: `${year}-05-01`, reason: "OTHER" }),
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toMatchObject({ id, version: 2, note: "Corrected" });
    expect(await prisma.custodyPeriod.findUniqueOrThrow({ where: { id } })).toEqual(current);
    expect(await auditEntriesFor(id)).toEqual(audited);
  });
});

describe("name search", () => {
  it("folds case and Azerbaijani letters, so ismayilova finds İsmayılova", async () => {
    const person = await createPrisoner({ fullName: "Test Person", aliases: ["İsmayılova"] });
    const matches = (query: string) => prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM prisoner
      WHERE id = ${person.id}::uuid AND search_text LIKE '%' || search_fold(${query}) || '%'`;

    expect(await matches("ismayilova")).toEqual([{ id: person.id }]);
    expect(await matches("ISMAYILOVA")).toEqual([{ id: person.id }]);
    expect(await matches("ismailova")).toEqual([]);
  });
});
