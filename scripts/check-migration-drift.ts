import { testServerUrl } from "./test-support/mode";
import { findMigrationDrift } from "./lib/migration-drift";

/**
 * `npm run db:check-drift`: fails when prisma/migrations and prisma/schema.prisma disagree.
 * After changing schema.prisma, author the next migration with
 *   prisma migrate diff --from-schema-datamodel <previous schema> --to-schema-datamodel prisma/schema.prisma --script
 * (docs/decisions/0002-prisma-6-wasm-engine.md).
 */
const problems = await findMigrationDrift(testServerUrl());
if (problems.length > 0) {
  console.error(`Migrations and schema.prisma disagree:\n${problems.join("\n")}`);
  process.exit(1);
}
console.log("Migrations and schema.prisma agree.");
