import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findMigrationDrift } from "./lib/migration-drift";
import { testDatabaseMode, testServerUrl } from "./test-support/mode";

// Needs a server where it may create databases: runs in the PostgreSQL pass of the suite.
describe.runIf(testDatabaseMode() === "postgresql")("migrations and schema.prisma", () => {
  it("build the same database", async () => {
    expect(await findMigrationDrift(testServerUrl())).toEqual([]);
  });

  it("are told apart when a migration is missing a column", async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "habeas-drift-"));
    fs.cpSync("prisma", path.join(copy, "prisma"), { recursive: true });
    const init = path.join(copy, "prisma/migrations/20261127000000_init/migration.sql");
    fs.writeFileSync(init, fs.readFileSync(init, "utf8").replace(`"biography" VARCHAR(20000),`, ""));
    try {
      fs.cpSync("prisma.config.ts", path.join(copy, "prisma.config.ts"));
      fs.cpSync("lib/db/migration-adapter.ts", path.join(copy, "lib/db/migration-adapter.ts"));
      fs.symlinkSync(path.resolve("node_modules"), path.join(copy, "node_modules"));
      const problems = await findMigrationDrift(testServerUrl(), copy);
      expect(problems).toContainEqual(expect.stringContaining("biography"));
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });
});
