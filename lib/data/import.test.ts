import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { failureOf } from "../../scripts/test-support/records";
import { rowCounts as tableCounts } from "../../scripts/test-support/users";
import { applyImport, importActor, previewImport } from "./import";
import { RuleViolation } from "./errors";

// Imported arrests fall in 1895-1899, a range no other test file counts in; people are drafts
// unless a test publishes them, so the public count never sees them.

const token = randomUUID().slice(0, 8);
const facilityName = `Import Test Prison ${token}`;
const header = "full_name,category,arrest_date,charges,place_of_detention,source_url";

function csv(lines: string[], head = header): string {
  return [head, ...lines].join("\n") + "\n";
}

beforeAll(async () => {
  await prisma.facility.create({
    data: { slug: `import-test-${token}`, name: facilityName, aliases: [`Prison ${token}`], kind: "PRISON" },
  });
});

describe("a file with bad rows", () => {
  const bad = csv([
    `Good Person ${token},Reporter ${token},1895-03-02,234.4.3; 221.3,${facilityName},https://example.org/a`,
    `,Reporter ${token},1895-13,abc,Nowhere ${token},not a url`,
    `Future Person ${token},Reporter ${token},2999-01-01,221.3,,https://example.org/b`,
    `Short Row ${token},Journalist`,
  ]);

  it("is previewed with every error of every row, and writes nothing", async () => {
    const before = await tableCounts();
    const preview = await previewImport(bad);
    expect(preview.importable).toBe(false);
    expect(preview.counts).toEqual({ new: 1, changed: 0, unchanged: 0, error: 3 });
    const second = preview.rows.find((row) => row.line === 3)!;
    expect(Object.keys(second.errors).sort()).toEqual(
      ["arrest_date", "charges", "full_name", "place_of_detention", "source_url"].sort(),
    );
    expect(second.errors.charges.join(" ")).toContain('"abc" is not an article number');
    expect(preview.rows.find((row) => row.line === 4)!.errors.arrest_date).toEqual(["This date is in the future"]);
    expect(preview.rows.find((row) => row.line === 5)!.errors._row[0]).toMatch(/2 fields; the header has 6/);
    expect(await tableCounts()).toEqual(before);
  });

  it("is refused by the import with every row's errors, and nothing is written", async () => {
    const before = await tableCounts();
    const error = await failureOf(() => applyImport(importActor, bad));
    expect(error).toBeInstanceOf(RuleViolation);
    const messages = (error as RuleViolation).fieldErrors.csv;
    expect(messages.map((message) => message.split(":")[0])).toEqual(["Row 3", "Row 4", "Row 5"]);
    expect(await tableCounts()).toEqual(before);
    expect(await prisma.prisoner.count({ where: { fullName: `Good Person ${token}` } })).toBe(0);
  });

  it("an unknown facility is a row error, not a new facility", async () => {
    const preview = await previewImport(
      csv([`Someone ${token},,1895-05,,Unknown Place ${token},https://example.org/c`]),
    );
    expect(preview.rows[0].errors.place_of_detention[0]).toContain("is not a facility in the record");
  });

  it("imports once the rows are fixed", async () => {
    const fixed = csv([
      `Good Person ${token},Reporter ${token},1895-03-02,234.4.3; 221.3,${facilityName},https://example.org/a`,
      `Other Person ${token},Reporter ${token},1895-11,221.3,Prison ${token},https://example.org/a`,
    ]);
    const result = await applyImport(importActor, fixed);
    expect(result.preview.counts).toMatchObject({ new: 2, error: 0 });
    const person = await prisma.prisoner.findFirstOrThrow({
      where: { fullName: `Good Person ${token}` },
      include: {
        cases: { include: { charges: { include: { article: true } } } },
        custodyPeriods: { include: { placements: { include: { facility: true } }, citations: true } },
        citations: { include: { source: true } },
      },
    });
    expect(person.state).toBe("DRAFT");
    expect(person.cases[0].charges.map((charge) => charge.article!.article).sort()).toEqual(["221.3", "234.4.3"]);
    expect(person.custodyPeriods).toHaveLength(1);
    expect(person.custodyPeriods[0]).toMatchObject({ endDate: null, startPrecision: "DAY" });
    expect(person.custodyPeriods[0].placements[0].facility.name).toBe(facilityName);
    expect(person.custodyPeriods[0].caseId).toBe(person.cases[0].id);
    expect(person.custodyPeriods[0].citations).toHaveLength(1);
    expect(person.citations[0].source.url).toBe("https://example.org/a");
    const other = await prisma.prisoner.findFirstOrThrow({
      where: { fullName: `Other Person ${token}` },
      include: { custodyPeriods: true },
    });
    expect(other.custodyPeriods[0].startPrecision).toBe("MONTH");
    const audit = await prisma.auditEntry.findMany({ where: { entityId: person.id } });
    expect(audit).toMatchObject([{ action: "CREATE", entityType: "Prisoner", actorLabel: "import" }]);
  });
});

describe("columns and categories", () => {
  it("reports extra columns and creates unknown categories once, reporting them", async () => {
    const category = `Import Category ${token}`;
    const file = csv(
      [
        `Notes;${category};Cat ${token};1896-02;;;https://example.org/d;x`,
        `Other;${category};Cat2 ${token};;221.3;;https://example.org/d;y`,
      ],
      "notes;category;full_name;arrest_date;charges;place_of_detention;source_url;remarks",
    );
    const preview = await previewImport(file);
    expect(preview.delimiter).toBe(";");
    expect(preview.extraColumns).toEqual(["notes", "remarks"]);
    expect(preview.newCategories).toEqual([category]);
    expect(preview.importable).toBe(true);
    await applyImport(importActor, file);
    const created = await prisma.category.findMany({ where: { name: category }, include: { prisoners: true } });
    expect(created).toHaveLength(1);
    expect(created[0].prisoners).toHaveLength(2);
    expect((await previewImport(file)).newCategories).toEqual([]);
  });

  it("reads a byte order mark and maps a known category by name in any case", async () => {
    await prisma.category.create({ data: { slug: `known-${token}`, name: `Known ${token}` } });
    const preview = await previewImport(`\uFEFF${csv([`Bom ${token},KNOWN ${token},,,,https://example.org/e`])}`);
    expect(preview.missingColumns).toEqual([]);
    expect(preview.newCategories).toEqual([]);
    expect(preview.rows[0].changes).toContain(`adds category Known ${token}`);
  });

  it("refuses a file without the required columns", async () => {
    const preview = await previewImport("full_name,source_url\nSomeone,https://example.org\n");
    expect(preview.importable).toBe(false);
    expect(preview.missingColumns).toEqual(["category", "arrest_date", "charges", "place_of_detention"]);
  });

  it("publishes new people only when asked", async () => {
    const file = csv([`Published ${token},,,,,https://example.org/f`]);
    await applyImport(importActor, file, { publish: true });
    expect((await prisma.prisoner.findFirstOrThrow({ where: { fullName: `Published ${token}` } })).state).toBe("PUBLISHED");
  });
});

describe("matching", () => {
  it("matches by external id, and by name and birth date when there is none", async () => {
    const withIds = csv(
      [
        `X1-${token},Twin ${token},1980-05-01,,,1897-01,,,https://example.org/g`,
        `X2-${token},Twin ${token},1981,,,1897-02,,,https://example.org/g`,
      ],
      "external_id,full_name,birth_date,category,charges,arrest_date,place_of_detention,notes,source_url",
    );
    expect((await applyImport(importActor, withIds)).preview.counts).toMatchObject({ new: 2 });
    // Same people by name and birth date, with a charge added: two changed rows, no one new.
    const byName = csv([
      `Twin ${token},,1897-01,221.3,,https://example.org/g,1980-05-01`,
    ], `${header},birth_date`);
    const preview = await previewImport(byName);
    expect(preview.rows[0]).toMatchObject({ status: "changed", changes: ["adds a case", "adds charge 221.3"] });
    // Without a birth date the name alone matches no one here (both have one): a new person.
    const nameOnly = await previewImport(csv([`Twin ${token},,,,,https://example.org/g`]));
    expect(nameOnly.rows[0].status).toBe("new");
  });

  it("refuses a person named twice in one file", async () => {
    const preview = await previewImport(
      csv([`Twice ${token},,,,,https://example.org/h`, `Twice ${token},,,221.3,,https://example.org/h`]),
    );
    expect(preview.rows[1].errors._row[0]).toBe("The same person as row 2: put everything about one person in one row.");
  });

  it("refuses a second arrest while the first is open", async () => {
    const name = `Held ${token}`;
    await applyImport(importActor, csv([`${name},,1898-01-05,,,https://example.org/i`]));
    const preview = await previewImport(csv([`${name},,1898-06-01,,,https://example.org/i`]));
    expect(preview.rows[0].errors.arrest_date[0]).toContain("already has an open custody period");
  });
});

describe("a file of 1,000 rows", () => {
  const rows = Array.from({ length: 1000 }, (_, index) => {
    const month = String((index % 12) + 1).padStart(2, "0");
    const year = 1895 + (index % 5);
    const date = index % 3 === 0 ? `${year}-${month}` : `${year}-${month}-${String((index % 28) + 1).padStart(2, "0")}`;
    const charges = index % 2 === 0 ? `"234.4.3; 221.3"` : "167-2.2.1".replace("-", ".");
    const category = index % 5 === 0 ? `Bulk Category ${token}` : `Reporter ${token}`;
    const place = index % 4 === 0 ? "" : facilityName;
    return `Bulk Person ${index} ${token},${category},${date},${charges},${place},https://example.org/bulk/${index % 50}`;
  });
  const file = csv(rows);

  it("imports, and importing it again changes nothing", async () => {
    const before = await tableCounts();
    const progress: number[] = [];
    const first = await applyImport(importActor, file, { onProgress: (done) => progress.push(done) });
    expect(first.preview.counts).toEqual({ new: 1000, changed: 0, unchanged: 0, error: 0 });
    expect(progress).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    const afterFirst = await tableCounts();
    expect(afterFirst.prisoner - before.prisoner).toBe(1000);
    expect(afterFirst.custody_period - before.custody_period).toBe(1000);
    expect(afterFirst.placement - before.placement).toBe(750);
    expect(afterFirst.charge - before.charge).toBe(1500);
    expect(afterFirst.source - before.source).toBe(50);
    expect(afterFirst.citation - before.citation).toBe(2000);

    const again = await applyImport(importActor, file);
    expect(again.preview.counts).toEqual({ new: 0, changed: 0, unchanged: 1000, error: 0 });
    expect(Object.values(again.created).every((count) => count === 0)).toBe(true);
    expect(await tableCounts()).toEqual(afterFirst);
  });
});
