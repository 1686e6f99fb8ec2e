import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "../lib/db/client";
import { bin } from "./lib/run";
import { runCommand } from "./test-support/command";

/** Runs `npm run import` as a user would, against this run's database. */
function runImport(args: string[]) {
  return runCommand(bin("tsx"), ["--conditions=react-server", "scripts/import.ts", ...args]);
}

const token = randomUUID().slice(0, 8);
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "habeas-import-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

function file(name: string, lines: string[]): string {
  const target = path.join(folder, name);
  fs.writeFileSync(target, ["full_name,category,arrest_date,charges,place_of_detention,source_url,remarks", ...lines].join("\r\n"));
  return target;
}

describe("npm run import", () => {
  it("prints every error and writes nothing, then imports the fixed file once", async () => {
    const bad = file("bad.csv", [
      `Cli Person ${token},Cli Category ${token},1899-02,221.3,,https://example.org/cli,x`,
      `Cli Other ${token},,1899-13,22x,,ftp://example.org,y`,
    ]);
    const refused = await runImport([bad]);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("Row 3 ERROR arrest_date:");
    expect(refused.output).toContain('Row 3 ERROR charges: "22x" is not an article number');
    expect(refused.output).toContain("Row 3 ERROR source_url:");
    expect(refused.output).toContain("Ignored columns: remarks");
    expect(await prisma.prisoner.count({ where: { fullName: { contains: token } } })).toBe(0);

    const good = file("good.csv", [
      `Cli Person ${token},Cli Category ${token},1899-02,221.3,,https://example.org/cli,x`,
      `Cli Other ${token},,1899-11,,,https://example.org/cli,y`,
    ]);
    const dryRun = await runImport([good, "--dry-run"]);
    expect(dryRun.output).toContain("Rows: 2 new, 0 changed, 0 unchanged, 0 with errors");
    expect(dryRun.output).toContain("Dry run: nothing was written.");
    expect(await prisma.prisoner.count({ where: { fullName: { contains: token } } })).toBe(0);

    const imported = await runImport([good]);
    expect(imported.code).toBe(0);
    expect(imported.output).toContain(`New categories: Cli Category ${token}`);
    expect(imported.output).toContain("Importing: 2/2 rows");
    expect(imported.output).toMatch(/Imported: 2 prisoners, 1 categories/);
    const people = await prisma.prisoner.findMany({ where: { fullName: { contains: token } } });
    expect(people.map((person) => person.state)).toEqual(["DRAFT", "DRAFT"]);
    const audit = await prisma.auditEntry.findMany({ where: { entityId: { in: people.map((person) => person.id) } } });
    expect(audit.map((entry) => entry.actorLabel)).toEqual(["import", "import"]);

    const again = await runImport([good]);
    expect(again.code).toBe(0);
    expect(again.output).toContain("Rows: 0 new, 0 changed, 2 unchanged, 0 with errors");
    expect(again.output).toContain("Nothing to import: the record already holds every row.");
  }, 180_000);
});
