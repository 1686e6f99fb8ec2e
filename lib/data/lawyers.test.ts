import { afterAll, describe, expect, it } from "vitest";
import { createCase, createCourt, createHearing, createLawyer } from "../../scripts/test-support/hearings";
import { createPrisoner } from "../../scripts/test-support/records";
import { disconnect, prisma } from "../db/client";
import { getLawyer, listLawyers } from "./lawyers";

afterAll(disconnect);

async function defend(lawyerId: string, caseId: string) {
  await prisma.caseLawyer.create({ data: { lawyerId, caseId } });
}

describe("a lawyer's clients", () => {
  it("are the published people whose published cases name the lawyer, each once with their cases", async () => {
    const lawyer = await createLawyer();
    const client = await createPrisoner({ fullName: "Client Published" });
    const draftPerson = await createPrisoner({ fullName: "Client Draft", state: "DRAFT" });
    const archivedPerson = await createPrisoner({ fullName: "Client Archived", state: "ARCHIVED" });
    const withDraftCase = await createPrisoner({ fullName: "Client With Draft Case" });

    const firstCase = await createCase(client.id, { title: "A first case" });
    const secondCase = await createCase(client.id, { title: "A second case" });
    await defend(lawyer.id, firstCase.id);
    await defend(lawyer.id, secondCase.id);
    await defend(lawyer.id, (await createCase(draftPerson.id)).id);
    await defend(lawyer.id, (await createCase(archivedPerson.id)).id);
    await defend(lawyer.id, (await createCase(withDraftCase.id, { state: "DRAFT" })).id);

    const record = await getLawyer(lawyer.slug);
    expect(record?.clients).toEqual([
      {
        prisoner: { slug: client.slug, name: "Client Published" },
        cases: [
          { title: "A first case", caseNumber: null, since: null },
          { title: "A second case", caseNumber: null, since: null },
        ],
      },
    ]);
    const listed = (await listLawyers()).find((entry) => entry.slug === lawyer.slug);
    expect(listed?.clientCount).toBe(1);
  });
});

describe("a lawyer's hearings and motions", () => {
  it("are only those at public hearings, and only published motions", async () => {
    const lawyer = await createLawyer();
    const court = await createCourt({ name: "Hearing Court" });
    const client = await createPrisoner({ fullName: "Hearing Client" });
    const draftPerson = await createPrisoner({ state: "DRAFT" });
    const clientCase = await createCase(client.id);

    const attended = await createHearing({
      caseId: clientCase.id,
      courtId: court.id,
      date: "2011-03-04",
      lawyerIds: [lawyer.id],
      motions: [
        { filedBy: "INVESTIGATION", ruling: "GRANTED", kind: "EXTEND_DETENTION" },
        { filedBy: "DEFENCE", ruling: "DISMISSED", kind: "BAIL", lawyerId: lawyer.id },
        { filedBy: "DEFENCE", ruling: "GRANTED", kind: "RELEASE", lawyerId: lawyer.id, state: "DRAFT" },
      ],
    });
    // Not public: a draft hearing, and a hearing in the case of an unpublished person.
    await createHearing({
      caseId: clientCase.id,
      courtId: court.id,
      date: "2011-03-05",
      state: "DRAFT",
      lawyerIds: [lawyer.id],
      motions: [{ filedBy: "DEFENCE", ruling: "GRANTED", lawyerId: lawyer.id }],
    });
    await createHearing({
      caseId: (await createCase(draftPerson.id)).id,
      courtId: court.id,
      date: "2011-03-06",
      lawyerIds: [lawyer.id],
      motions: [{ filedBy: "DEFENCE", ruling: "GRANTED", lawyerId: lawyer.id }],
    });
    // A public hearing the lawyer did not attend.
    await createHearing({ caseId: clientCase.id, courtId: court.id, date: "2011-03-07" });

    const record = await getLawyer(lawyer.slug);
    if (!record) throw new Error("the published lawyer was not found");
    expect(record.hearings.map((hearing) => hearing.id)).toEqual([attended.id]);
    expect(record.hearings[0].court).toEqual({ slug: court.slug, name: "Hearing Court" });
    expect(record.motions).toEqual([
      {
        id: expect.any(String),
        filedBy: "DEFENCE",
        kind: "BAIL",
        description: null,
        ruling: "DISMISSED",
        rulingNote: null,
        hearingDate: { date: "2011-03-04", precision: "DAY" },
        prisoner: { slug: client.slug, name: "Hearing Client" },
        court: { slug: court.slug, name: "Hearing Court" },
      },
    ]);
  });
});

describe("a lawyer who is also prosecuted", () => {
  it("links to the person's profile only when it is published", async () => {
    const publishedPerson = await createPrisoner({ fullName: "Prosecuted Lawyer" });
    const draftPerson = await createPrisoner({ fullName: "Hidden Lawyer", state: "DRAFT" });
    const linked = await createLawyer({ fullName: "Prosecuted Lawyer", prisonerId: publishedPerson.id });
    const hidden = await createLawyer({ fullName: "Hidden Lawyer", prisonerId: draftPerson.id });

    expect((await getLawyer(linked.slug))?.prosecutedAs).toEqual({ slug: publishedPerson.slug, name: "Prosecuted Lawyer" });
    expect((await getLawyer(hidden.slug))?.prosecutedAs).toBeNull();

    const listed = await listLawyers();
    expect(listed.find((entry) => entry.slug === linked.slug)?.prosecutedAs).toEqual({
      slug: publishedPerson.slug,
      name: "Prosecuted Lawyer",
    });
    expect(listed.find((entry) => entry.slug === hidden.slug)?.prosecutedAs).toBeNull();
  });
});

describe("which lawyers are public", () => {
  it("finds no unknown, draft or archived lawyer, and does not list them", async () => {
    const published = await createLawyer();
    const draft = await createLawyer({ state: "DRAFT" });
    const archived = await createLawyer({ state: "ARCHIVED" });

    expect(await getLawyer(published.slug)).not.toBeNull();
    expect(await getLawyer(draft.slug)).toBeNull();
    expect(await getLawyer(archived.slug)).toBeNull();
    expect(await getLawyer("no-such-lawyer")).toBeNull();

    const slugs = (await listLawyers()).map((lawyer) => lawyer.slug);
    expect(slugs).toContain(published.slug);
    expect(slugs).not.toContain(draft.slug);
    expect(slugs).not.toContain(archived.slug);
  });
});
