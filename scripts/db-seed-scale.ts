import { parseArgs } from "node:util";
import pg from "pg";
import { describeDatabaseUrl } from "../lib/db/config";
import { isValidIsoDay, todayUtc } from "../lib/dates";
import { bin, run } from "./lib/run";
import { copyRows } from "./lib/scale/copy";
import { isLocalDatabase, reasonToRefuse, recreateDatabase, scaleDatabaseUrl } from "./lib/scale/database";
import { generatePrisoners, generateUpdates, type LawyerLink } from "./lib/scale/generate";
import { generateReference, type ScaleOptions } from "./lib/scale/reference";
import { EVENT_TABLES, PRISONER_TABLES, REFERENCE_TABLES, TABLES, UPDATE_TABLES, emptyRows, type TableName } from "./lib/scale/tables";

/**
 * `npm run db:seed:scale`: a separate database (habeas_scale, or SCALE_DATABASE_URL) filled with
 * a large synthetic data set of obviously fictitious people, for benchmarks. Drops and recreates
 * that database, applies the committed migrations, and bulk-loads generated rows with COPY.
 * Deterministic: the same seed and as-of day give the same rows.
 *
 *   --prisoners N    how many people (default 100000)
 *   --seed N         PRNG seed (default 20261127)
 *   --as-of DAY      the day the record is generated as of (default 2026-11-27, or today if earlier)
 *   --batch N        prisoners per COPY transaction (default 5000)
 *   --force          allow a database server that is not on this machine
 */
const DEFAULT_AS_OF = "2026-11-27";

const { values } = parseArgs({
  options: {
    prisoners: { type: "string", default: "100000" },
    seed: { type: "string", default: "20261127" },
    "as-of": { type: "string" },
    batch: { type: "string", default: "5000" },
    force: { type: "boolean", default: false },
  },
});

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, not ${text}`);
  return value;
}

const today = todayUtc();
const asOf = values["as-of"] ?? (today < DEFAULT_AS_OF ? today : DEFAULT_AS_OF);
if (!isValidIsoDay(asOf) || asOf > today) throw new Error(`--as-of must be a day no later than today (${today})`);
const options: ScaleOptions = {
  seed: positiveInteger("seed", values.seed),
  prisoners: positiveInteger("prisoners", values.prisoners),
  asOf,
};
const batchSize = positiveInteger("batch", values.batch);
const url = scaleDatabaseUrl();
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const log = (message: string) => console.log(`[scale ${elapsed().padStart(7)}] ${message}`);

if (!isLocalDatabase(url) && !values.force) {
  throw new Error(`${describeDatabaseUrl(url)} is not on this machine; pass --force to seed it anyway`);
}
const refusal = await reasonToRefuse(url);
if (refusal) throw new Error(`${refusal}: refusing to replace it. Point SCALE_DATABASE_URL at a database of its own.`);

log(`seeding ${options.prisoners} fictitious prisoners into ${describeDatabaseUrl(url)} (seed ${options.seed}, as of ${options.asOf})`);
await recreateDatabase(url);
await run(bin("prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"] });
log("database recreated and migrated");

const client = new pg.Client({ connectionString: url });
await client.connect();
const loaded = Object.fromEntries(Object.keys(TABLES).map((table) => [table, 0])) as Record<TableName, number>;

async function load(tables: readonly TableName[], rows: ReturnType<typeof emptyRows>) {
  await client.query("BEGIN");
  for (const table of tables) {
    await copyRows(client, table, rows[table]);
    loaded[table] += rows[table].length;
  }
  await client.query("COMMIT");
}

try {
  // Losing the last seconds of a crashed load costs nothing: the next run starts over.
  await client.query("SET synchronous_commit = off");
  // The name trigger rewrites a prisoner's search text once per name; one statement after the
  // load computes the same text for everyone (search_refresh_prisoner_text's expression).
  await client.query(`ALTER TABLE "prisoner_name" DISABLE TRIGGER search_prisoner_text_on_name`);

  const reference = generateReference(options);
  await load(REFERENCE_TABLES, reference.rows);
  log("reference data loaded");

  const links: LawyerLink[] = [];
  for (let from = 0; from < options.prisoners; from += batchSize) {
    const to = Math.min(options.prisoners, from + batchSize);
    const rows = emptyRows();
    generatePrisoners(reference, from, to, rows, links);
    await load(PRISONER_TABLES, rows);
    const events = EVENT_TABLES.reduce((sum, table) => sum + loaded[table], 0);
    log(`prisoners ${to}/${options.prisoners}, events so far ${events}`);
  }

  const updates = emptyRows();
  generateUpdates(reference, updates);
  await load(UPDATE_TABLES, updates);
  log("advocacy updates loaded");

  if (links.length > 0) {
    await client.query(
      `UPDATE "lawyer" l SET prisoner_id = v.prisoner_id
       FROM unnest($1::uuid[], $2::uuid[]) AS v(lawyer_id, prisoner_id) WHERE l.id = v.lawyer_id`,
      [links.map((link) => link.lawyerId), links.map((link) => link.prisonerId)],
    );
  }
  await client.query(`
    UPDATE "prisoner" p SET search_text = search_fold(p.full_name || ' ' || n.names)
    FROM (SELECT prisoner_id, string_agg(value, ' ' ORDER BY value) AS names FROM "prisoner_name" GROUP BY prisoner_id) n
    WHERE n.prisoner_id = p.id`);
  await client.query(`ALTER TABLE "prisoner_name" ENABLE TRIGGER search_prisoner_text_on_name`);
  log("search text computed");

  await client.query(
    `INSERT INTO "audit_entry" (actor_label, action, entity_type, entity_id, after) VALUES ('seed:scale', 'CREATE', 'ScaleDataSet', $1, $2)`,
    [String(options.seed), JSON.stringify({ ...options, rows: loaded })],
  );
  await client.query("VACUUM (ANALYZE)");
  log("vacuumed and analysed");

  const counts: [string, number][] = [];
  for (const table of Object.keys(TABLES)) {
    const result = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM "${table}"`);
    counts.push([table, result.rows[0].count]);
  }
  const open = await client.query<{ open: number; total: number }>(
    `SELECT count(*) FILTER (WHERE end_date IS NULL)::int AS open, count(*)::int AS total FROM custody_period`,
  );
  const width = Math.max(...counts.map(([table]) => table.length));
  console.log(`\n${"table".padEnd(width)}  ${"rows".padStart(10)}`);
  for (const [table, count] of counts) console.log(`${table.padEnd(width)}  ${String(count).padStart(10)}`);
  const events = counts.filter(([table]) => (EVENT_TABLES as readonly string[]).includes(table)).reduce((sum, [, count]) => sum + count, 0);
  const rows = counts.reduce((sum, [, count]) => sum + count, 0);
  console.log(`${"all rows".padEnd(width)}  ${String(rows).padStart(10)}`);
  console.log(`${"events".padEnd(width)}  ${String(events).padStart(10)}  (${EVENT_TABLES.join(", ")})`);
  console.log(`open custody periods: ${open.rows[0].open} of ${open.rows[0].total} (${((100 * open.rows[0].open) / open.rows[0].total).toFixed(1)}%)`);
  log("done");
} finally {
  await client.end();
}
