import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect, prisma } from "../db/client";
import { fromIsoDay, todayUtc } from "../dates";
import type { TimelineEvent } from "../timeline";
import { previewPortraitFileById, previewProfileById, publicPortraitFileBySlug, publicProfileBySlug, publicProfileSummaryBySlug } from "./profile";

/**
 * The public profile against a real database. Every run of this file writes its own people,
 * courts and sources under unique names, so it can share the database with other test files.
 */

const run = randomUUID().slice(0, 8);
const unique = (label: string) => `${label}-${run}`;
const day = fromIsoDay;

/** Written into every private column; must never appear in a public profile. */
const CANARY = {
  health: `CANARY-HEALTH-${randomUUID()}`,
  family: `CANARY-FAMILY-${randomUUID()}`,
  notes: `CANARY-NOTES-${randomUUID()}`,
  sourceIdentity: `CANARY-SOURCE-IDENTITY-${randomUUID()}`,
  sourceContact: `CANARY-SOURCE-CONTACT-${randomUUID()}`,
  sourceNotes: `CANARY-SOURCE-NOTES-${randomUUID()}`,
};
/** Text of records that are not published; must never appear either. */
const HIDDEN = {
  draftHearing: `DRAFT-HEARING-${randomUUID()}`,
  draftMotion: `DRAFT-MOTION-${randomUUID()}`,
  draftUpdate: `DRAFT-UPDATE-${randomUUID()}`,
  unlinkedUpdate: `UNLINKED-UPDATE-${randomUUID()}`,
  draftCaseHearing: `DRAFT-CASE-HEARING-${randomUUID()}`,
  draftLawyer: `Draft Lawyer ${randomUUID()}`,
  draftCourt: `Draft Court ${randomUUID()}`,
  draftSourceExcerpt: `DRAFT-SOURCE-EXCERPT-${randomUUID()}`,
  archivedPortraitCredit: `ARCHIVED-PORTRAIT-${randomUUID()}`,
};

const slugs = {
  released: unique("profile-released"),
  held: unique("profile-held"),
  lawyer: unique("profile-lawyer"),
  draft: unique("profile-draft"),
  archived: unique("profile-archived"),
};

let releasedId = "";
let hearingId = "";
let draftHearingId = "";

beforeAll(async () => {
  const source = await prisma.source.create({
    data: {
      kind: "MEDIA_REPORT",
      title: unique("Court report"),
      publisher: "Test Gazette",
      url: "https://example.org/report",
      publishedDate: day("2014-05-06"),
      publishedPrecision: "DAY",
      archivedCopy: "https://archive.example.org/report",
      privateRecord: {
        create: { identity: CANARY.sourceIdentity, contact: CANARY.sourceContact, notes: CANARY.sourceNotes },
      },
    },
  });
  const draftSource = await prisma.source.create({
    data: { kind: "TESTIMONY", title: unique("Unverified testimony"), state: "DRAFT" },
  });
  const cite = (excerpt: string) => ({ create: [{ sourceId: source.id, excerpt }] });

  const court = await prisma.court.create({
    data: { slug: unique("test-district-court"), name: unique("Test District Court"), kind: "DISTRICT", city: "Baku" },
  });
  const draftCourt = await prisma.court.create({
    data: { slug: unique("draft-court"), name: HIDDEN.draftCourt, kind: "APPEAL", state: "DRAFT" },
  });
  const facilityA = await prisma.facility.create({
    data: { slug: unique("facility-a"), name: unique("Detention Centre A"), kind: "PRE_TRIAL_DETENTION_CENTRE" },
  });
  const facilityB = await prisma.facility.create({
    data: {
      slug: unique("facility-b"),
      name: unique("Prison B"),
      kind: "PRISON",
      city: "Baku",
      postalAddress: "Prison B, 1 Example Street, Baku AZ1000",
    },
  });
  const category = await prisma.category.create({ data: { slug: unique("category"), name: unique("Journalist") } });
  const organization = await prisma.organization.create({ data: { name: unique("Civic Movement"), kind: "CIVIC_MOVEMENT" } });
  const recognizer = await prisma.organization.create({
    data: { name: unique("Rights Centre"), kind: "NGO", url: "https://rights.example.org" },
  });
  const article = await prisma.criminalCodeArticle.create({
    data: { article: unique("206.3.2"), title: "Smuggling" },
  });

  // The person whose whole story is told: arrest to pardon and release. ------------------------
  const released = await prisma.prisoner.create({
    data: {
      slug: slugs.released,
      fullName: unique("Test Person"),
      state: "PUBLISHED",
      biography: "A journalist.",
      names: {
        create: [
          { value: unique("Тест Персон"), kind: "TRANSLITERATION", script: "Cyrl", language: "ru" },
          { value: unique("Təst Pərsən"), kind: "NATIVE_SCRIPT", language: "az" },
        ],
      },
      categories: { create: [{ categoryId: category.id }] },
      affiliations: { create: [{ organizationId: organization.id, role: "Member", citations: cite("member of the movement") }] },
      recognitions: {
        create: [{ organizationId: recognizer.id, sinceDate: day("2014-06-01"), sincePrecision: "MONTH", citations: cite("recognized") }],
      },
      portrait: {
        create: {
          storageKey: `portraits/${run}.jpg`,
          mimeType: "image/jpeg",
          width: 400,
          height: 500,
          credit: "Photo Agency",
          licence: "CC BY 4.0",
          consent: "FAMILY",
        },
      },
      privateRecord: {
        create: { healthDetails: CANARY.health, familyContact: CANARY.family, internalNotes: CANARY.notes },
      },
      citations: { create: [{ sourceId: source.id, excerpt: "a journalist" }, { sourceId: draftSource.id, excerpt: HIDDEN.draftSourceExcerpt }] },
    },
  });
  releasedId = released.id;

  const lawyerPerson = await prisma.prisoner.create({
    data: { slug: slugs.lawyer, fullName: unique("Lawyer Person"), state: "PUBLISHED" },
  });
  const lawyer = await prisma.lawyer.create({
    data: { slug: unique("lawyer"), fullName: unique("Lawyer Person"), prisonerId: lawyerPerson.id, state: "PUBLISHED" },
  });
  const draftLawyer = await prisma.lawyer.create({ data: { slug: unique("draft-lawyer"), fullName: HIDDEN.draftLawyer } });

  const criminalCase = await prisma.case.create({
    data: {
      prisonerId: released.id,
      title: unique("Smuggling case"),
      caseNumber: unique("No. 1"),
      prosecutingBody: "Prosecutor General's Office",
      citations: cite("a case was opened"),
      charges: {
        create: [
          { articleId: article.id, citations: cite("charged under article 206.3.2") },
          { description: "Tax evasion", citations: cite("charged with tax evasion") },
        ],
      },
      lawyers: { create: [{ lawyerId: lawyer.id }, { lawyerId: draftLawyer.id }] },
    },
  });
  const draftCase = await prisma.case.create({
    data: { prisonerId: released.id, title: unique("Draft case"), state: "DRAFT" },
  });
  await prisma.hearing.create({
    data: { caseId: draftCase.id, date: day("2014-07-02"), kind: "TRIAL_SESSION", status: "HELD", outcome: HIDDEN.draftCaseHearing },
  });

  const decree = await prisma.decree.create({
    data: {
      kind: "PARDON",
      title: unique("Pardon decree"),
      number: "1234",
      signedDate: day("2015-03-16"),
      signedBy: "The President",
      citations: cite("signed a pardon decree"),
      beneficiaries: { create: [{ prisonerId: released.id }] },
    },
  });

  const custody = await prisma.custodyPeriod.create({
    data: {
      prisonerId: released.id,
      caseId: criminalCase.id,
      startDate: day("2014-03-10"),
      endDate: day("2015-03-17"),
      endPrecision: "DAY",
      releaseReason: "PARDON",
      releaseDecreeId: decree.id,
      citations: cite("arrested on 10 March 2014"),
      placements: {
        create: [
          { facilityId: facilityA.id, fromDate: day("2014-03-10"), citations: cite("held in detention centre A") },
          { facilityId: facilityB.id, fromDate: day("2014-06-01"), citations: cite("transferred to prison B") },
        ],
      },
    },
  });

  const hearing = await prisma.hearing.create({
    data: {
      caseId: criminalCase.id,
      courtId: court.id,
      date: day("2014-05-05"),
      timeOfDay: "10:30",
      kind: "DETENTION_EXTENSION",
      status: "HELD",
      outcome: "Detention extended.",
      citations: cite("the court heard the motion"),
      lawyers: { create: [{ lawyerId: lawyer.id }, { lawyerId: draftLawyer.id }] },
      motions: {
        create: [
          {
            position: 0,
            filedBy: "INVESTIGATION",
            kind: "EXTEND_DETENTION",
            ruling: "GRANTED",
            rulingNote: "Extended until 5 August 2014.",
            citations: cite("granted the extension"),
          },
          {
            position: 1,
            filedBy: "DEFENCE",
            kind: "BAIL",
            lawyerId: lawyer.id,
            ruling: "DISMISSED",
            citations: cite("bail refused"),
          },
          { position: 2, filedBy: "DEFENCE", kind: "OTHER", description: HIDDEN.draftMotion, state: "DRAFT" },
        ],
      },
    },
    include: { motions: true },
  });
  hearingId = hearing.id;
  await prisma.detentionExtension.create({
    data: {
      custodyPeriodId: custody.id,
      hearingId: hearing.id,
      motionId: hearing.motions[0].id,
      orderedOn: day("2014-05-05"),
      until: day("2014-08-05"),
      citations: cite("extended until 5 August"),
    },
  });
  const draftHearing = await prisma.hearing.create({
    data: {
      caseId: criminalCase.id,
      courtId: court.id,
      date: day("2014-07-01"),
      kind: "TRIAL_SESSION",
      status: "HELD",
      outcome: HIDDEN.draftHearing,
      state: "DRAFT",
    },
  });
  draftHearingId = draftHearing.id;
  await prisma.hearing.create({
    data: {
      caseId: criminalCase.id,
      courtId: court.id,
      date: day("2014-09-01"),
      kind: "TRIAL_SESSION",
      status: "SCHEDULED",
      citations: cite("the trial is set for 1 September"),
    },
  });
  const verdict = await prisma.verdict.create({
    data: {
      caseId: criminalCase.id,
      courtId: court.id,
      date: day("2014-11-20"),
      outcome: "CONVICTED",
      sentenceKind: "IMPRISONMENT",
      sentenceMonths: 30,
      citations: cite("sentenced to two and a half years"),
    },
  });
  await prisma.appeal.create({
    data: {
      verdictId: verdict.id,
      courtId: draftCourt.id,
      filedDate: day("2014-12-01"),
      decidedDate: day("2015-01-15"),
      result: "REDUCED",
      newSentenceMonths: 24,
      citations: cite("the appeal court reduced the sentence"),
    },
  });

  await prisma.advocacyUpdate.create({
    data: {
      kind: "DEMONSTRATION",
      title: unique("Vigil for release"),
      date: day("2015-04-01"),
      state: "PUBLISHED",
      prisoners: { create: [{ prisonerId: released.id }] },
      citations: cite("a vigil was held"),
    },
  });
  await prisma.advocacyUpdate.create({
    data: {
      kind: "STATEMENT",
      title: HIDDEN.draftUpdate,
      date: day("2015-04-02"),
      prisoners: { create: [{ prisonerId: released.id }] },
    },
  });
  await prisma.advocacyUpdate.create({
    data: { kind: "AWARD", title: HIDDEN.unlinkedUpdate, date: day("2015-04-03"), state: "PUBLISHED" },
  });

  // A person held now, whose arrest date the sources give only as a bound. ----------------------
  const held = await prisma.prisoner.create({
    data: {
      slug: slugs.held,
      fullName: unique("Held Person"),
      state: "PUBLISHED",
      portrait: {
        create: {
          storageKey: `portraits/${run}-archived.jpg`,
          mimeType: "image/jpeg",
          width: 400,
          height: 500,
          credit: HIDDEN.archivedPortraitCredit,
          licence: "CC BY 4.0",
          consent: "FAMILY",
          state: "ARCHIVED",
        },
      },
    },
  });
  await prisma.custodyPeriod.create({
    data: {
      prisonerId: held.id,
      startDate: day("2014-09-17"),
      startQualifier: "ON_OR_BEFORE",
      placements: {
        create: [
          { facilityId: facilityA.id, fromDate: day("2014-09-17"), fromQualifier: "ON_OR_BEFORE" },
          { facilityId: facilityB.id, fromDate: day("2015-01-10") },
        ],
      },
    },
  });

  // People the public must not see. -------------------------------------------------------------
  for (const [slug, state] of [
    [slugs.draft, "DRAFT"],
    [slugs.archived, "ARCHIVED"],
  ] as const) {
    const hidden = await prisma.prisoner.create({ data: { slug, fullName: unique(`Hidden ${state}`), state } });
    await prisma.custodyPeriod.create({ data: { prisonerId: hidden.id, startDate: day("2014-01-10") } });
  }
});

afterAll(async () => {
  await disconnect();
});

function only<T extends TimelineEvent["type"]>(events: TimelineEvent[], type: T) {
  return events.filter((event): event is Extract<TimelineEvent, { type: T }> => event.type === type);
}

describe("the public profile", () => {
  it("lists every kind of public event in date order, each with its sources", async () => {
    const profile = await publicProfileBySlug(slugs.released);
    expect(profile).not.toBeNull();
    const timeline = profile!.timeline;

    expect(timeline.map((event) => [event.type, event.date.date])).toEqual([
      ["custody-start", "2014-03-10"],
      ["placement", "2014-03-10"],
      ["hearing", "2014-05-05"],
      ["detention-extension", "2014-05-05"],
      ["placement", "2014-06-01"],
      ["hearing", "2014-09-01"],
      ["verdict", "2014-11-20"],
      ["appeal", "2015-01-15"],
      ["decree", "2015-03-16"],
      ["release", "2015-03-17"],
      ["update", "2015-04-01"],
    ]);
    for (const event of timeline) {
      expect(event.sources.length, `${event.type} on ${event.date.date} has a source`).toBeGreaterThan(0);
      expect(event.sources[0].source).toMatchObject({ title: unique("Court report"), publisher: "Test Gazette" });
      expect(event.anchor).toMatch(/^event-[0-9a-f-]{36}(-release)?$/);
    }
    expect(new Set(timeline.map((event) => event.anchor)).size).toBe(timeline.length);

    const [held, transfer] = only(timeline, "placement");
    expect(held).toMatchObject({ transfer: false, facility: { name: unique("Detention Centre A") } });
    expect(transfer).toMatchObject({ transfer: true, facility: { name: unique("Prison B") } });

    const [heard, scheduled] = only(timeline, "hearing");
    expect(heard).toMatchObject({
      id: hearingId,
      timeOfDay: "10:30",
      status: "HELD",
      court: { name: unique("Test District Court"), city: "Baku" },
    });
    expect(heard.sources.map((citation) => citation.excerpt)).toEqual(["the court heard the motion"]);
    expect(heard.motions.map((motion) => [motion.filedBy, motion.kind, motion.ruling, motion.rulingNote])).toEqual([
      ["INVESTIGATION", "EXTEND_DETENTION", "GRANTED", "Extended until 5 August 2014."],
      ["DEFENCE", "BAIL", "DISMISSED", null],
    ]);
    expect(heard.motions[0].sources.map((citation) => citation.excerpt)).toEqual(["granted the extension"]);
    expect(heard.motions[1].lawyer).toMatchObject({ fullName: unique("Lawyer Person"), profileSlug: slugs.lawyer });
    expect(heard.lawyers.map((lawyer) => lawyer.fullName)).toEqual([unique("Lawyer Person")]);
    expect(scheduled.status).toBe("SCHEDULED");

    const [extension] = only(timeline, "detention-extension");
    expect(extension).toMatchObject({ until: "2014-08-05", hearingAnchor: heard.anchor });

    const [verdict] = only(timeline, "verdict");
    expect(verdict).toMatchObject({ outcome: "CONVICTED", sentenceKind: "IMPRISONMENT", sentenceMonths: 30 });
    const [appeal] = only(timeline, "appeal");
    expect(appeal).toMatchObject({ result: "REDUCED", newSentenceMonths: 24, court: null, verdictAnchor: verdict.anchor });

    const [decree] = only(timeline, "decree");
    expect(decree).toMatchObject({ decreeKind: "PARDON", number: "1234", signedBy: "The President" });
    const [release] = only(timeline, "release");
    expect(release).toMatchObject({ reason: "PARDON", decree: { title: unique("Pardon decree") } });
    expect(release.anchor).toBe(`${only(timeline, "custody-start")[0].anchor}-release`);

    const [update] = only(timeline, "update");
    expect(update).toMatchObject({ updateKind: "DEMONSTRATION", title: unique("Vigil for release") });
  });

  it("shows status, charges, lawyers, names, affiliations, recognition and the portrait", async () => {
    const profile = (await publicProfileBySlug(slugs.released))!;
    expect(profile.status).toEqual({ state: "released", on: { date: "2015-03-17", precision: "DAY" }, reason: "PARDON" });
    expect(profile.heldAt).toBeNull();
    expect(profile.names).toEqual([
      { value: unique("Тест Персон"), kind: "TRANSLITERATION", script: "Cyrl", language: "ru" },
      { value: unique("Təst Pərsən"), kind: "NATIVE_SCRIPT", script: "Latn", language: "az" },
    ]);
    expect(profile.categories).toEqual([{ slug: unique("category"), name: unique("Journalist") }]);
    expect(profile.affiliations).toMatchObject([{ organization: unique("Civic Movement"), role: "Member" }]);
    expect(profile.recognitions).toMatchObject([
      { organization: unique("Rights Centre"), url: "https://rights.example.org", since: { date: "2014-06-01", precision: "MONTH" } },
    ]);
    expect(profile.cases).toHaveLength(1);
    expect(profile.cases[0].charges).toMatchObject([
      { article: { number: unique("206.3.2"), title: "Smuggling" }, description: null },
      { article: null, description: "Tax evasion" },
    ]);
    expect(profile.lawyers).toMatchObject([{ fullName: unique("Lawyer Person"), profileSlug: slugs.lawyer }]);
    expect(profile.portrait).toEqual({
      src: `/prisoners/${slugs.released}/portrait`,
      altText: null,
      width: 400,
      height: 500,
      credit: "Photo Agency",
      licence: "CC BY 4.0",
    });
    expect(await publicPortraitFileBySlug(slugs.released)).toEqual({ storageKey: `portraits/${run}.jpg`, mimeType: "image/jpeg" });
    // Only sources that are themselves published are shown.
    expect(profile.sources.map((citation) => citation.excerpt)).toEqual(["a journalist"]);

    const lawyer = (await publicProfileBySlug(slugs.lawyer))!;
    expect(lawyer.defends).toEqual([{ slug: slugs.released, fullName: unique("Test Person") }]);
  });

  it("says where a person is held now, with the address for letters, and a bound for an unknown arrest date", async () => {
    const profile = (await publicProfileBySlug(slugs.held))!;
    expect(profile.status).toEqual({
      state: "imprisoned",
      since: { date: "2014-09-17", precision: "DAY" },
      sinceQualifier: "ON_OR_BEFORE",
    });
    expect(profile.heldAt).toEqual({
      facility: { name: unique("Prison B"), city: "Baku", postalAddress: "Prison B, 1 Example Street, Baku AZ1000" },
      since: { date: "2015-01-10", precision: "DAY" },
      qualifier: "EXACT",
    });
    expect(profile.timeline[0]).toMatchObject({ type: "custody-start", qualifier: "ON_OR_BEFORE" });
    // An archived portrait is not shown, and its file is not served.
    expect(profile.portrait).toBeNull();
    expect(await publicPortraitFileBySlug(slugs.held)).toBeNull();
  });

  it("leaves out draft hearings, motions and updates, drafts' cases, draft lawyers and courts", async () => {
    const text = JSON.stringify(await publicProfileBySlug(slugs.released));
    for (const hidden of Object.values(HIDDEN)) expect(text).not.toContain(hidden);
    expect(text).not.toContain(draftHearingId);
    // The draft hearing is in the database: the test would pass for the wrong reason otherwise.
    expect(await prisma.hearing.count({ where: { id: draftHearingId, outcome: HIDDEN.draftHearing } })).toBe(1);
  });

  it("gives nothing for a draft, an archived or an unknown person", async () => {
    expect(await publicProfileBySlug(slugs.draft)).toBeNull();
    expect(await publicProfileBySlug(slugs.archived)).toBeNull();
    expect(await publicProfileBySlug(unique("nobody"))).toBeNull();
    expect(await publicProfileBySlug("Not A Slug/../x")).toBeNull();
    expect(await publicProfileSummaryBySlug(slugs.draft)).toBeNull();
    expect(await publicProfileSummaryBySlug(slugs.archived)).toBeNull();
    expect(await publicProfileSummaryBySlug(slugs.held)).toMatchObject({ fullName: unique("Held Person") });
  });

  it("never contains a private fact", async () => {
    const stored = await prisma.prisonerPrivate.findUniqueOrThrow({ where: { prisonerId: releasedId } });
    expect(stored.healthDetails).toBe(CANARY.health);
    const results = [
      await publicProfileBySlug(slugs.released),
      await publicProfileBySlug(slugs.lawyer),
      await publicProfileSummaryBySlug(slugs.released),
    ];
    const text = JSON.stringify(results);
    expect(text).toContain(unique("Test Person"));
    for (const canary of Object.values(CANARY)) expect(text).not.toContain(canary);
  });

  it("does not so much as select from the private tables", () => {
    const code = fs.readFileSync(new URL("./profile.ts", import.meta.url), "utf8");
    expect(code).not.toMatch(/privateRecord|prisonerPrivate|sourcePrivate|_private/);
  });

  it("is last updated when its newest public record changed, not when a draft did", async () => {
    const before = (await publicProfileBySlug(slugs.released))!.lastUpdated;
    await prisma.hearing.update({ where: { id: draftHearingId }, data: { outcome: `${HIDDEN.draftHearing} (edited)` } });
    expect((await publicProfileBySlug(slugs.released))!.lastUpdated).toEqual(before);

    const touched = await prisma.hearing.update({ where: { id: hearingId }, data: { outcome: "Detention extended (corrected)." } });
    const after = (await publicProfileBySlug(slugs.released))!.lastUpdated;
    expect(after).toEqual(touched.updatedAt);
    expect(after.getTime()).toBeGreaterThan(before.getTime());
  });
});

describe("the workspace's preview", () => {
  const idOf = async (slug: string) => (await prisma.prisoner.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;

  it("of a published person is exactly the public profile", async () => {
    const today = todayUtc();
    for (const slug of [slugs.released, slugs.held, slugs.lawyer]) {
      const published = await publicProfileBySlug(slug, today);
      expect(published?.slug).toBe(slug);
      expect(await previewProfileById(await idOf(slug), today)).toEqual(published);
    }
  });

  it("of a draft follows the public rules; an archived or unknown person has none", async () => {
    const draft = await previewProfileById(await idOf(slugs.draft));
    expect(draft).toMatchObject({ slug: slugs.draft, fullName: unique("Hidden DRAFT"), status: { state: "imprisoned" } });
    const text = JSON.stringify(draft);
    for (const secret of [...Object.values(CANARY), ...Object.values(HIDDEN)]) expect(text).not.toContain(secret);
    expect(await previewProfileById(await idOf(slugs.archived))).toBeNull();
    expect(await previewProfileById(randomUUID())).toBeNull();
    expect(await previewProfileById("not-a-uuid")).toBeNull();
  });

  it("serves a draft's published portrait to the preview, never a draft or archived portrait", async () => {
    const draftId = await idOf(slugs.draft);
    const portrait = {
      storageKey: `portraits/${run}-draft-person.jpg`,
      mimeType: "image/jpeg",
      width: 400,
      height: 500,
      credit: "Preview Agency",
      licence: "CC BY 4.0",
      consent: "FAMILY" as const,
    };
    await prisma.portrait.create({ data: { ...portrait, prisonerId: draftId, state: "DRAFT" } });
    expect(await previewPortraitFileById(draftId)).toBeNull();
    expect((await previewProfileById(draftId))!.portrait).toBeNull();
    await prisma.portrait.update({ where: { prisonerId: draftId }, data: { state: "PUBLISHED" } });
    expect(await previewPortraitFileById(draftId)).toEqual({ storageKey: portrait.storageKey, mimeType: "image/jpeg" });
    expect((await previewProfileById(draftId))!.portrait).toMatchObject({ credit: "Preview Agency" });
    // Still nothing for the public, and never an archived portrait (the held person has one).
    expect(await publicPortraitFileBySlug(slugs.draft)).toBeNull();
    expect(await previewPortraitFileById(await idOf(slugs.held))).toBeNull();
    expect(await previewPortraitFileById("not-a-uuid")).toBeNull();
  });
});
