import fs from "node:fs/promises";
import { parseArgs } from "node:util";
import { openDatabase } from "./lib/database";

/**
 * `npm run import -- FILE.csv [--dry-run] [--publish] [--verbose]`: imports people from a CSV
 * file (docs/import.md) into DATABASE_URL, or into the embedded database (stop the app first:
 * the embedded database is open in one process at a time). Prints the preview, then what was
 * written. Exits 1 and writes nothing when any row has an error. The database must be migrated
 * already (`npm start` and `npm run db:migrate` do that).
 */
const usage = "usage: npm run import -- FILE.csv [--dry-run] [--publish] [--verbose]";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "dry-run": { type: "boolean", default: false },
    publish: { type: "boolean", default: false },
    verbose: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

if (values.help || positionals.length !== 1) {
  console.error(usage);
  process.exit(values.help ? 0 : 2);
}

const text = await fs.readFile(positionals[0], "utf8");
const database = await openDatabase();
console.log(`[habeas] database: ${database.describe}`);
let failed = false;
try {
  Object.assign(process.env, { DATABASE_URL: database.url, HABEAS_DB_MODE: database.mode });
  // Loaded after the environment names the database: the client reads it on first use.
  const { applyImport, importActor, previewImport } = await import("../lib/data/import");
  const { describePreview, describeResult } = await import("../lib/import-report");
  const { disconnect } = await import("../lib/db/client");
  try {
    const preview = await previewImport(text, { publish: values.publish });
    for (const line of describePreview(preview, { verbose: values.verbose })) console.log(line);
    if (!preview.importable) {
      console.log("Nothing was imported: fix the errors above and run the import again.");
      failed = true;
    } else if (values["dry-run"]) {
      console.log("Dry run: nothing was written.");
    } else {
      let reported = -1;
      const result = await applyImport(importActor, text, {
        publish: values.publish,
        onProgress: (done, total) => {
          const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
          if (percent >= reported + 10 || done === total) {
            reported = percent;
            console.log(`Importing: ${done}/${total} rows`);
          }
        },
      });
      console.log(describeResult(result));
    }
  } finally {
    await disconnect();
  }
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
  const listed = (error as { fieldErrors?: Record<string, string[]> }).fieldErrors;
  for (const message of Object.values(listed ?? {}).flat()) console.error(message);
} finally {
  await database.stop();
}
process.exit(failed ? 1 : 0);
