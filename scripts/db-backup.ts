import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { describeDatabaseUrl } from "../lib/db/config";
import { backupEmbedded, backupPostgres, embeddedExists, embeddedInUse } from "./lib/backup";
import { embeddedDataDir } from "./lib/database";

/**
 * `npm run db:backup -- --out FILE`: backs up DATABASE_URL with pg_dump (custom format), or
 * the embedded database (a gzipped copy of its data directory; stop the app first).
 * Restore with `npm run db:restore -- FILE`. See docs/backup.md.
 */
const usage = "usage: npm run db:backup -- --out FILE [--force]   (--force: overwrite FILE)";
const { values } = parseArgs({
  options: { out: { type: "string" }, force: { type: "boolean", default: false }, help: { type: "boolean" } },
});
if (values.help || !values.out) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}
const out = path.resolve(values.out);

function fail(message: string): never {
  console.error(`[habeas] ${message}`);
  process.exit(1);
}

if (fs.existsSync(out) && !values.force) fail(`${out} exists: choose another file, or add --force to overwrite it.`);
const url = process.env.DATABASE_URL;
try {
  if (url) {
    console.log(`[habeas] backing up PostgreSQL at ${describeDatabaseUrl(url)} with pg_dump`);
    await backupPostgres(url, out);
  } else {
    const dataDir = embeddedDataDir();
    if (!embeddedExists(dataDir)) fail(`there is no embedded database at ${dataDir}.`);
    if (embeddedInUse(dataDir)) {
      fail(`the embedded database at ${dataDir} is open in another process: stop the app, then back up.`);
    }
    console.log(`[habeas] backing up the embedded database at ${dataDir}`);
    await backupEmbedded(dataDir, out);
  }
} catch (error) {
  fs.rmSync(out, { force: true });
  fail(`backup failed, no file written: ${error instanceof Error ? error.message : String(error)}`);
}
console.log(`[habeas] backup written: ${out} (${fs.statSync(out).size} bytes)`);
