import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { calendar, changes, countsOn, createCustodyPeriod, createPrisoner } from "../../scripts/test-support/records";
import { createTestUser } from "../../scripts/test-support/users";
import { performAction } from "../actions/perform";
import { recordDecreeAction } from "../actions/record-decree";
import type { SessionUser } from "../auth/user";
import { disconnect, prisma } from "../db/client";
import { listOpenCustodyForDecree } from "./decrees";

// This file's custody events fall in 1890-1894.
const { year: uniqueYear } = calendar(1890, 1894);

let editor: SessionUser;
let contributor: SessionUser;

beforeAll(async () => {
  [editor, contributor] = await Promise.all([createTestUser("EDITOR"), createTestUser("CONTRIBUTOR")]);
});
afterAll(disconnect);

async function imprisonedSince(start: string, name = `Decree Person ${randomUUID().slice(0, 8)}`) {
  const person = await createPrisoner({ fullName: name });
  const custody = await createCustodyPeriod({ prisonerId: person.id, start });
  return { person, custody };
}

async function rowCounts() {
  const [decree, beneficiary, closed, audit] = await Promise.all([
    prisma.decree.count(),
    prisma.decreeBeneficiary.count(),
    prisma.custodyPeriod.count({ where: { endDate: { not: null } } }),
    prisma.auditEntry.count(),
  ]);
  return { decree, beneficiary, closed, audit };
}

describe("a pardon decree", () => {
  it("frees many people at once: each custody period closed by the decree, audited, and the count follows", async () => {
    const year = uniqueYear();
    const freed = await Promise.all([1, 2, 3].map(() => imprisonedSince(`${year}-02-01`)));
    const days = [`${year}-10-09`, `${year}-10-10`, `${year}-12-31`];
    const before = await countsOn(days);
    expect((await listOpenCustodyForDecree()).map((choice) => choice.prisonerId)).toEqual(
      expect.arrayContaining(freed.map(({ person }) => person.id)),
    );

    const result = await performAction(recordDecreeAction, editor, {
      kind: "PARDON",
      title: "Pardon decree of the test",
      number: "No. 7",
      signedDate: `${year}-10-10`,
      signedBy: "The president",
      prisonerIds: freed.map(({ person }) => person.id),
    });
    expect(result).toMatchObject({ status: "ok", message: "Decree saved; 3 people released.", result: { freed: 3 } });
    if (result.status !== "ok") throw new Error("not saved");
    expect(changes(before, await countsOn(days))).toEqual([0, -3, -3]);

    const periods = await prisma.custodyPeriod.findMany({ where: { id: { in: freed.map(({ custody }) => custody.id) } } });
    for (const period of periods) {
      expect(period).toMatchObject({ releaseReason: "PARDON", releaseDecreeId: result.result.id, endPrecision: "DAY", version: 2 });
    }
    expect(await prisma.decreeBeneficiary.count({ where: { decreeId: result.result.id } })).toBe(3);
    const audit = await prisma.auditEntry.findMany({
      where: {
        OR: [
          { entityId: result.result.id },
          { entityId: { in: freed.map(({ custody }) => custody.id) } },
          { entityId: { startsWith: `${result.result.id}:` } },
        ],
      },
    });
    expect(audit.map((entry) => entry.entityType).sort()).toEqual(
      ["Decree", ...Array(3).fill("CustodyPeriod"), ...Array(3).fill("DecreeBeneficiary")].sort(),
    );
    expect(new Set(audit.map((entry) => entry.actorId))).toEqual(new Set([editor.id]));
  });

  it("writes nothing when one person cannot be released, and names that person", async () => {
    const year = uniqueYear();
    const first = await imprisonedSince(`${year}-02-01`);
    const arrestedLater = await imprisonedSince(`${year}-11-01`, `Later Arrest ${randomUUID().slice(0, 8)}`);
    const notInCustody = await createPrisoner({ fullName: `Free Person ${randomUUID().slice(0, 8)}` });
    const before = await rowCounts();

    const tooEarly = await performAction(recordDecreeAction, editor, {
      kind: "AMNESTY",
      title: "Amnesty of the test",
      signedDate: `${year}-10-10`,
      prisonerIds: [first.person.id, arrestedLater.person.id],
    });
    expect(tooEarly).toMatchObject({ status: "error", code: 400 });
    if (tooEarly.status !== "error") throw new Error("saved");
    expect(tooEarly.fieldErrors.prisonerIds?.[0]).toContain(arrestedLater.person.fullName);

    const free = await performAction(recordDecreeAction, editor, {
      kind: "AMNESTY",
      title: "Amnesty of the test",
      signedDate: `${year}-10-10`,
      prisonerIds: [first.person.id, notInCustody.id],
    });
    expect(free).toMatchObject({ status: "error", code: 400 });
    if (free.status !== "error") throw new Error("saved");
    expect(free.fieldErrors.prisonerIds?.[0]).toBe(
      `${notInCustody.fullName}: has no open custody period, so the decree cannot release them.`,
    );
    expect(await rowCounts()).toEqual(before);
    expect(await prisma.custodyPeriod.findUniqueOrThrow({ where: { id: first.custody.id } })).toMatchObject({ endDate: null, version: 1 });
  });

  it("is refused to a contributor, and bad input is refused field by field", async () => {
    const year = uniqueYear();
    const { person } = await imprisonedSince(`${year}-02-01`);
    const before = await rowCounts();
    const form = { kind: "PARDON", title: "Pardon", signedDate: `${year}-10-10`, prisonerIds: [person.id] };
    expect(await performAction(recordDecreeAction, contributor, form)).toMatchObject({ status: "error", code: 403 });
    const bad = await performAction(recordDecreeAction, editor, {
      kind: "EXILE",
      title: "t".repeat(501),
      signedDate: "3000-01-01",
      url: "javascript:alert(1)",
      prisonerIds: ["not-an-id"],
      role: "ADMIN",
    });
    expect(bad).toMatchObject({ status: "error", code: 400 });
    if (bad.status !== "error") throw new Error("saved");
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["_form", "kind", "prisonerIds", "prisonerIds.0", "signedDate", "title", "url"]);
    expect(await rowCounts()).toEqual(before);
  });
});
