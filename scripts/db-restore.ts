import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { describeDatabaseUrl } from "../lib/db/config";
import {
  backupKindOf,
  embeddedExists,
  embeddedInUse,
  emptyPublicSchema,
  postgresObjectCount,
  restoreEmbedded,
  restorePostgres,
} from "./lib/backup";
import { embeddedDataDir, migrate, openDatabase } from "./lib/database";

/**
 * `npm run db:restore -- FILE [--force]`: restores a backup made by `npm run db:backup` into
 * DATABASE_URL (with pg_restore, in one transaction) or into the embedded database, then applies
 * any migrations newer than the backup. Refuses a database that already holds anything unless
 * --force: then PostgreSQL's public schema is emptied first, and the embedded data directory is
 * moved aside (kept, never deleted). See docs/backup.md.
 */
const usage = "usage: npm run db:restore -- FILE [--force]";
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { force: { type: "boolean", default: false }, help: { type: "boolean" } },
});
if (values.help || positionals.length !== 1) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}

function fail(message: string): never {
  console.error(`[habeas] ${message}`);
  process.exit(1);
}

const file = path.resolve(positionals[0]);
if (!fs.existsSync(file)) fail(`${file} does not exist.`);
const kind = backupKindOf(file);
if (!kind) fail(`${file} is not a backup made by npm run db:backup.`);
const url = process.env.DATABASE_URL;

if (url) {
  if (kind !== "postgresql") {
    fail("this is a backup of the embedded database: restore it without DATABASE_URL (see docs/backup.md).");
  }
  const objects = await postgresObjectCount(url);
  if (objects > 0 && !values.force) {
    fail(
      `${describeDatabaseUrl(url)} is not empty (${objects} tables, views or sequences): restore into an empty database, or add --force to replace everything in it.`,
    );
  }
  if (objects > 0) {
    console.log(`[habeas] --force: emptying ${describeDatabaseUrl(url)}`);
    await emptyPublicSchema(url);
  }
  console.log(`[habeas] restoring ${file} into ${describeDatabaseUrl(url)} with pg_restore`);
  await restorePostgres(url, file);
} else {
  if (kind !== "embedded") {
    fail("this is a pg_dump backup of PostgreSQL: set DATABASE_URL to the database to restore it into.");
  }
  const dataDir = embeddedDataDir();
  if (embeddedInUse(dataDir)) fail(`the embedded database at ${dataDir} is open in another process: stop the app first.`);
  if (embeddedExists(dataDir)) {
    if (!values.force) {
      fail(`the embedded database at ${dataDir} is not empty: add --force to replace it (it is moved aside, not deleted).`);
    }
    const aside = `${dataDir}.replaced-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    fs.renameSync(dataDir, aside);
    console.log(`[habeas] --force: the previous database was moved to ${aside}`);
  }
  console.log(`[habeas] restoring ${file} into the embedded database at ${dataDir}`);
  await restoreEmbedded(dataDir, file);
}

// A backup from an older version comes up to date; on a current one this changes nothing.
const database = await openDatabase();
try {
  await migrate(database);
} finally {
  await database.stop();
}
console.log("[habeas] restore complete");
