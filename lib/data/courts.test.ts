import { afterAll, describe, expect, it } from "vitest";
import { createCase, createCourt, createHearing, createLawyer } from "../../scripts/test-support/hearings";
import { createPrisoner } from "../../scripts/test-support/records";
import { disconnect, prisma } from "../db/client";
import { getCourt, listCourts } from "./courts";

afterAll(disconnect);

describe("a court's motion tally", () => {
  it("counts published motions at public hearings by who filed them and the ruling, and nothing else", async () => {
    const court = await createCourt();
    const elsewhere = await createCourt();
    const person = await createPrisoner({ fullName: "Tally Person" });
    const draftPerson = await createPrisoner({ state: "DRAFT" });
    const personCase = await createCase(person.id);
    const draftCase = await createCase(person.id, { state: "DRAFT" });
    const draftPersonCase = await createCase(draftPerson.id);

    const first = await createHearing({
      caseId: personCase.id,
      courtId: court.id,
      date: "2014-10-24",
      motions: [
        { filedBy: "INVESTIGATION", ruling: "GRANTED", kind: "EXTEND_DETENTION" },
        { filedBy: "DEFENCE", ruling: "DISMISSED", kind: "HOUSE_ARREST_OR_BAIL" },
        { filedBy: "DEFENCE", ruling: "NOT_CONSIDERED", kind: "MEDICAL_EXAMINATION" },
        { filedBy: "DEFENCE", ruling: "DISMISSED", state: "DRAFT" },
      ],
    });
    const second = await createHearing({
      caseId: personCase.id,
      courtId: court.id,
      date: "2014-11-10",
      motions: [
        { filedBy: "INVESTIGATION", ruling: "GRANTED" },
        { filedBy: "DEFENCE", ruling: "DISMISSED" },
        { filedBy: "DEFENCE", ruling: "PARTLY_GRANTED" },
        { filedBy: "PROSECUTION", ruling: "PENDING" },
      ],
    });
    // Not public, or not here: none of these may be counted.
    const excluded = [
      { caseId: personCase.id, courtId: court.id, state: "DRAFT" as const },
      { caseId: personCase.id, courtId: court.id, state: "ARCHIVED" as const },
      { caseId: draftCase.id, courtId: court.id },
      { caseId: draftPersonCase.id, courtId: court.id },
      { caseId: personCase.id, courtId: elsewhere.id },
    ];
    for (const hearing of excluded) {
      await createHearing({
        ...hearing,
        date: "2014-10-25",
        motions: [
          { filedBy: "DEFENCE", ruling: "GRANTED" },
          { filedBy: "INVESTIGATION", ruling: "DISMISSED" },
        ],
      });
    }

    const record = await getCourt(court.slug);
    if (!record) throw new Error("the published court was not found");

    const zero = { GRANTED: 0, PARTLY_GRANTED: 0, DISMISSED: 0, NOT_CONSIDERED: 0, POSTPONED: 0, PENDING: 0 };
    expect(record.motionTally).toEqual({
      rows: [
        { filedBy: "DEFENCE", byRuling: { ...zero, DISMISSED: 2, NOT_CONSIDERED: 1, PARTLY_GRANTED: 1 }, total: 4 },
        { filedBy: "PROSECUTION", byRuling: { ...zero, PENDING: 1 }, total: 1 },
        { filedBy: "INVESTIGATION", byRuling: { ...zero, GRANTED: 2 }, total: 2 },
      ],
      totals: {
        byRuling: { ...zero, GRANTED: 2, PARTLY_GRANTED: 1, DISMISSED: 2, NOT_CONSIDERED: 1, PENDING: 1 },
        total: 7,
      },
    });

    // The hearings listed are the same public ones, newest first, without the draft motion.
    expect(record.hearings.map((hearing) => hearing.id)).toEqual([second.id, first.id]);
    expect(record.hearings[1].motions.map((motion) => [motion.filedBy, motion.ruling])).toEqual([
      ["INVESTIGATION", "GRANTED"],
      ["DEFENCE", "DISMISSED"],
      ["DEFENCE", "NOT_CONSIDERED"],
    ]);
    expect(record.hearings[1]).toMatchObject({
      date: { date: "2014-10-24", precision: "DAY" },
      prisoner: { slug: person.slug, name: "Tally Person" },
      court: { slug: court.slug },
    });
  });
});

describe("a court's hearings and judges", () => {
  it("lists hearings newest first with their date precision, and names only published judges, with hearing counts here", async () => {
    const court = await createCourt();
    const other = await createCourt();
    const person = await createPrisoner();
    const personCase = await createCase(person.id);
    const [presiding, visiting, unpublished, idle] = await Promise.all([
      prisma.judge.create({ data: { fullName: "Judge Presiding", courtId: court.id } }),
      prisma.judge.create({ data: { fullName: "Judge Visiting", courtId: other.id } }),
      prisma.judge.create({ data: { fullName: "Judge Unpublished", courtId: court.id, state: "DRAFT" } }),
      prisma.judge.create({ data: { fullName: "Judge Idle", courtId: court.id } }),
    ]);
    const inMonth = await prisma.hearing.create({
      data: {
        caseId: personCase.id,
        courtId: court.id,
        judgeId: presiding.id,
        date: new Date("2013-05-01T00:00:00Z"),
        datePrecision: "MONTH",
        kind: "TRIAL_SESSION",
        status: "HELD",
      },
    });
    const morning = await createHearing({ caseId: personCase.id, courtId: court.id, judgeId: presiding.id, date: "2013-06-02" });
    await prisma.hearing.update({ where: { id: morning.id }, data: { timeOfDay: "10:00" } });
    const afternoon = await createHearing({ caseId: personCase.id, courtId: court.id, judgeId: visiting.id, date: "2013-06-02" });
    await prisma.hearing.update({ where: { id: afternoon.id }, data: { timeOfDay: "15:30" } });
    const byUnpublished = await createHearing({ caseId: personCase.id, courtId: court.id, judgeId: unpublished.id, date: "2013-04-01" });
    // The presiding judge's hearing elsewhere is not counted here.
    await createHearing({ caseId: personCase.id, courtId: other.id, judgeId: presiding.id, date: "2013-06-03" });

    const record = await getCourt(court.slug);
    if (!record) throw new Error("the published court was not found");
    expect(record.hearings.map((hearing) => hearing.id)).toEqual([afternoon.id, morning.id, inMonth.id, byUnpublished.id]);
    expect(record.hearings.map((hearing) => hearing.judge)).toEqual(["Judge Visiting", "Judge Presiding", "Judge Presiding", null]);
    expect(record.hearings[2].date).toEqual({ date: "2013-05-01", precision: "MONTH" });

    expect(record.judges.map((judge) => [judge.fullName, judge.hearingCount])).toEqual([
      ["Judge Presiding", 2],
      ["Judge Visiting", 1],
      ["Judge Idle", 0],
    ]);
    expect(record.judges.map((judge) => judge.id)).not.toContain(unpublished.id);
    expect(record.judges.map((judge) => judge.id)).toContain(idle.id);
  });

  it("lists hearings of one day without a time by the person's name", async () => {
    const court = await createCourt();
    const later = await createPrisoner({ fullName: "Zeynab Later" });
    const earlier = await createPrisoner({ fullName: "Abbas Earlier" });
    const zeynab = await createHearing({ caseId: (await createCase(later.id)).id, courtId: court.id, date: "2013-08-08" });
    const abbas = await createHearing({ caseId: (await createCase(earlier.id)).id, courtId: court.id, date: "2013-08-08" });
    const record = await getCourt(court.slug);
    expect(record?.hearings.map((hearing) => hearing.id)).toEqual([abbas.id, zeynab.id]);
  });

  it("names a motion's lawyer only when the lawyer is published", async () => {
    const court = await createCourt();
    const person = await createPrisoner();
    const personCase = await createCase(person.id);
    const published = await createLawyer({ fullName: "Published Counsel" });
    const draft = await createLawyer({ fullName: "Draft Counsel", state: "DRAFT" });
    await createHearing({
      caseId: personCase.id,
      courtId: court.id,
      date: "2013-02-01",
      motions: [
        { filedBy: "DEFENCE", ruling: "DISMISSED", lawyerId: published.id },
        { filedBy: "DEFENCE", ruling: "DISMISSED", lawyerId: draft.id },
      ],
    });
    const record = await getCourt(court.slug);
    expect(record?.hearings[0].motions.map((motion) => motion.lawyer)).toEqual([
      { slug: published.slug, name: "Published Counsel" },
      null,
    ]);
  });
});

describe("which courts are public", () => {
  it("finds no unknown, draft or archived court, and lists published courts with their public hearings only", async () => {
    const published = await createCourt({ name: "Listed Court" });
    const draft = await createCourt({ state: "DRAFT" });
    const archived = await createCourt({ state: "ARCHIVED" });
    const person = await createPrisoner();
    const draftPerson = await createPrisoner({ state: "DRAFT" });
    await createHearing({ caseId: (await createCase(person.id)).id, courtId: published.id, date: "2012-01-10" });
    await createHearing({ caseId: (await createCase(draftPerson.id)).id, courtId: published.id, date: "2012-01-11" });

    expect(await getCourt(draft.slug)).toBeNull();
    expect(await getCourt(archived.slug)).toBeNull();
    expect(await getCourt("no-such-court")).toBeNull();

    const courts = await listCourts();
    const slugs = courts.map((court) => court.slug);
    expect(slugs).toContain(published.slug);
    expect(slugs).not.toContain(draft.slug);
    expect(slugs).not.toContain(archived.slug);
    expect(courts.find((court) => court.slug === published.slug)).toEqual({
      slug: published.slug,
      name: "Listed Court",
      aliases: [],
      kind: "DISTRICT",
      city: "Testville",
      hearingCount: 1,
    });
  });
});
