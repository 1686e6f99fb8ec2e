import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { custodyStatusOf, listImprisoned } from "../../lib/data/custody-status";
import { fromIsoDay, toIsoDay } from "../../lib/dates";
import { disconnect, prisma } from "../../lib/db/client";
import { rowCounts } from "../../scripts/test-support/users";
import { DEMO_SOURCE_ID, seedDemo } from "./demo";

const seed = () => prisma.$transaction((tx) => seedDemo(tx), { timeout: 120_000, maxWait: 30_000 });

const PARDONED = ["bakhtiyar-guliev", "elsevar-mursalli", "hasan-huseynli", "shahin-novruzlu"];

// Another test file may have loaded the demo data already: either way, it is present from here on.
beforeAll(async () => {
  expect(["seeded", "already-present"]).toContain(await seed());
}, 180_000);

afterAll(disconnect);

describe("the demo data", () => {
  it("loads once: a second run changes no table", async () => {
    const before = await rowCounts();
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(["prisoner", "custody_period", "hearing", "motion", "citation", "audit_entry"]),
    );
    expect(before.citation).toBeGreaterThan(0);

    expect(await seed()).toBe("already-present");
    expect(await rowCounts()).toEqual(before);
  });

  it("cites the seed document for every event it creates", async () => {
    // The seed runs in one transaction and audits everything it creates, so the audit entries
    // sharing the writer (xmin) of the demo source's entry are exactly the seed's records.
    const created = await prisma.$queryRaw<{ entity_type: string; entity_id: string }[]>`
      SELECT entity_type, entity_id FROM audit_entry
      WHERE xmin::text = (
        SELECT xmin::text FROM audit_entry
        WHERE entity_type = 'Source' AND entity_id = ${DEMO_SOURCE_ID} AND action = 'CREATE')`;
    const idsOf = (entityType: string) =>
      created.filter((row) => row.entity_type === entityType).map((row) => row.entity_id);

    const citations = await prisma.citation.findMany({
      where: { sourceId: DEMO_SOURCE_ID },
      select: {
        custodyPeriodId: true,
        hearingId: true,
        motionId: true,
        detentionExtensionId: true,
        decreeId: true,
        updateId: true,
      },
    });
    const subjects = [
      ["CustodyPeriod", "custodyPeriodId", 8],
      ["Hearing", "hearingId", 6],
      ["Motion", "motionId", 5],
      ["DetentionExtension", "detentionExtensionId", 2],
      ["Decree", "decreeId", 1],
      ["AdvocacyUpdate", "updateId", 5],
    ] as const;
    for (const [entityType, field, expected] of subjects) {
      const ids = idsOf(entityType);
      expect(ids, entityType).toHaveLength(expected);
      const cited = new Set(citations.map((citation) => citation[field]));
      expect(ids.filter((id) => !cited.has(id)), `${entityType} without a citation`).toEqual([]);
    }
  });

  it("holds the hearings of 24 October 2014 at Nasimi District Court, with motions, rulings and extensions", async () => {
    const hearings = await prisma.hearing.findMany({
      where: { date: fromIsoDay("2014-10-24"), court: { slug: "nasimi-district-court" } },
      include: {
        case: { select: { prisoner: { select: { slug: true } } } },
        motions: { orderBy: { position: "asc" }, include: { extension: true } },
        extensions: { include: { custodyPeriod: { select: { prisoner: { select: { slug: true } } } } } },
      },
    });
    expect(hearings.map((hearing) => hearing.case.prisoner.slug).sort()).toEqual(["intigam-aliyev", "leyla-yunus"]);

    const expectations = [
      [
        "intigam-aliyev",
        [
          ["INVESTIGATION", "EXTEND_DETENTION", "GRANTED"],
          ["DEFENCE", "HOUSE_ARREST_OR_BAIL", "DISMISSED"],
          ["DEFENCE", "MEDICAL_EXAMINATION", "NOT_CONSIDERED"],
        ],
        "2015-02-08",
      ],
      [
        "leyla-yunus",
        [
          ["INVESTIGATION", "EXTEND_DETENTION", "GRANTED"],
          ["DEFENCE", "HOUSE_ARREST_OR_BAIL", "DISMISSED"],
        ],
        "2015-02-28",
      ],
    ] as const;
    for (const [slug, motions, until] of expectations) {
      const hearing = hearings.find((candidate) => candidate.case.prisoner.slug === slug);
      if (!hearing) throw new Error(`no hearing for ${slug}`);
      expect(hearing.status).toBe("HELD");
      expect(hearing.motions.map((motion) => [motion.filedBy, motion.kind, motion.ruling])).toEqual(motions);

      // The granted motion to extend is what ordered the extension, for this person's custody.
      expect(hearing.extensions).toHaveLength(1);
      const [extension] = hearing.extensions;
      expect(toIsoDay(extension.orderedOn)).toBe("2014-10-24");
      expect(toIsoDay(extension.until)).toBe(until);
      expect(extension.motionId).toBe(hearing.motions[0].id);
      expect(extension.custodyPeriod.prisoner.slug).toBe(slug);
    }
  });

  it("counts Yunus and Aliyev as imprisoned on 1 November 2014, and Mammadov only from the end of 2014", async () => {
    const november = (await listImprisoned("2014-11-01")).map((person) => person.slug);
    expect(november).toEqual(expect.arrayContaining(["leyla-yunus", "intigam-aliyev"]));
    expect(november).not.toContain("ilgar-mammadov");
    // His custody is proven only by a 2014 post: "in custody by 2014" counts from 31 December.
    expect((await listImprisoned("2014-12-31")).map((person) => person.slug)).toContain("ilgar-mammadov");
  });

  it("frees the four pardoned people by the decree, and does not count them today", async () => {
    const decree = await prisma.decree.findFirstOrThrow({
      where: { kind: "PARDON", citations: { some: { sourceId: DEMO_SOURCE_ID } } },
      include: {
        beneficiaries: { select: { prisoner: { select: { slug: true } } } },
        releases: { select: { releaseReason: true, prisoner: { select: { id: true, slug: true } } } },
      },
    });
    expect(decree.beneficiaries.map((beneficiary) => beneficiary.prisoner.slug).sort()).toEqual(PARDONED);
    expect(decree.releases.map((release) => release.prisoner.slug).sort()).toEqual(PARDONED);

    const today = (await listImprisoned()).map((person) => person.slug);
    for (const release of decree.releases) {
      expect(release.releaseReason).toBe("PARDON");
      expect(today).not.toContain(release.prisoner.slug);
      expect(await custodyStatusOf(release.prisoner.id)).toMatchObject({ state: "released", reason: "PARDON" });
    }
  });

  it("keeps Leyla Yunus's health details in her private record", async () => {
    const record = await prisma.prisonerPrivate.findFirstOrThrow({ where: { prisoner: { slug: "leyla-yunus" } } });
    expect(record.healthDetails).toMatch(/health/i);
  });
});
