import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedServer } from "../lib/db/embedded-server";
import { bin, run } from "./lib/run";
import { runCommand } from "./test-support/command";
import { testDatabaseMode, testServerUrl } from "./test-support/mode";

/**
 * The backup round trip, for real: a database with the demo data and its audit trail is backed
 * up with `npm run db:backup`, restored with `npm run db:restore` into an empty database (which
 * then migrates), and every table is compared: its row count, a sample of its rows, and every
 * audit entry. PostgreSQL in the PostgreSQL pass of the suite, the embedded database in the
 * embedded pass.
 */

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "habeas-backup-"));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** The environment of a child process, naming the database by DATABASE_URL or by HABEAS_DATA_DIR. */
function environment(target: { url: string } | { dataDir: string }): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.HABEAS_DB_MODE;
  if ("url" in target) return { ...env, DATABASE_URL: target.url };
  return { ...env, HABEAS_DATA_DIR: target.dataDir };
}

function npmScript(script: string, args: string[], env: NodeJS.ProcessEnv) {
  return runCommand(bin("tsx"), [script, ...args], env);
}

async function seed(url: string, mode: "postgresql" | "embedded") {
  const env = { ...environment({ url }), HABEAS_DB_MODE: mode };
  await run(bin("prisma"), ["migrate", "deploy"], { env, stdio: "ignore" });
  await run(bin("tsx"), ["--conditions=react-server", "scripts/db-seed.ts"], { env, stdio: "ignore" });
}

type Snapshot = {
  counts: Record<string, number>;
  samples: Record<string, unknown[]>;
  audit: unknown[];
};

/** Every table of the public schema: how many rows, five of them, and the whole audit log. */
async function snapshot(url: string): Promise<Snapshot> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query<{ name: string }>(
        "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
      )
    ).rows.map((row) => row.name);
    const counts: Record<string, number> = {};
    const samples: Record<string, unknown[]> = {};
    for (const table of tables) {
      const quoted = `"${table.replace(/"/g, '""')}"`;
      counts[table] = Number((await client.query(`SELECT count(*) AS n FROM ${quoted}`)).rows[0].n);
      samples[table] = (
        await client.query(`SELECT to_jsonb(t) AS row FROM ${quoted} t ORDER BY to_jsonb(t)::text LIMIT 5`)
      ).rows.map((row) => row.row);
    }
    const audit = (await client.query("SELECT to_jsonb(a) AS row FROM audit_entry a ORDER BY id")).rows.map((row) => row.row);
    return { counts, samples, audit };
  } finally {
    await client.end();
  }
}

function expectSameRecord(restored: Snapshot, original: Snapshot) {
  expect(Object.keys(original.counts).length).toBeGreaterThan(30);
  expect(original.counts.prisoner).toBeGreaterThan(5);
  expect(original.audit.length).toBeGreaterThan(10);
  expect(restored.counts).toEqual(original.counts);
  expect(restored.samples).toEqual(original.samples);
  expect(restored.audit).toEqual(original.audit);
}

describe.runIf(testDatabaseMode() === "postgresql")("backup and restore on PostgreSQL", () => {
  const server = testServerUrl();
  const names = [`habeas_backup_${randomBytes(4).toString("hex")}`, `habeas_restore_${randomBytes(4).toString("hex")}`];
  const urlOf = (name: string) => {
    const url = new URL(server);
    url.pathname = `/${name}`;
    return url.toString();
  };
  async function admin(sql: string) {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
  afterAll(async () => {
    for (const name of names) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it("restores every table, row and audit entry into an empty database", { timeout: 600_000 }, async () => {
    const [source, target] = names.map(urlOf);
    for (const name of names) await admin(`CREATE DATABASE ${name}`);
    await seed(source, "postgresql");
    const original = await snapshot(source);

    const file = path.join(folder, "postgresql.dump");
    const backup = await npmScript("scripts/db-backup.ts", ["--out", file], environment({ url: source }));
    expect(backup.code, backup.output).toBe(0);

    const restore = await npmScript("scripts/db-restore.ts", [file], environment({ url: target }));
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).toContain("No pending migrations to apply.");
    expectSameRecord(await snapshot(target), original);

    // A database that holds something is not overwritten without --force ...
    const refused = await npmScript("scripts/db-restore.ts", [file], environment({ url: target }));
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("is not empty");
    // ... and with it, is replaced by exactly the backup.
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    await client.query("INSERT INTO category (slug, name) VALUES ('added-after-restore', 'Added after restore')");
    await client.end();
    const forced = await npmScript("scripts/db-restore.ts", [file, "--force"], environment({ url: target }));
    expect(forced.code, forced.output).toBe(0);
    expectSameRecord(await snapshot(target), original);
  });
});

describe.runIf(testDatabaseMode() === "embedded")("backup and restore of the embedded database", () => {
  it("restores every table, row and audit entry into a new data directory", { timeout: 600_000 }, async () => {
    const sourceDir = path.join(folder, "source");
    const targetDir = path.join(folder, "target");
    const source = await startEmbeddedServer({ dataDir: sourceDir });
    let original: Snapshot;
    try {
      await seed(source.url, "embedded");
      original = await snapshot(source.url);
      // The app has it open: a backup now is refused.
      const busy = await npmScript("scripts/db-backup.ts", ["--out", path.join(folder, "busy.tar.gz")], environment({ dataDir: sourceDir }));
      expect(busy.code).toBe(1);
      expect(busy.output).toContain("open in another process");
    } finally {
      await source.stop();
    }

    const file = path.join(folder, "embedded.tar.gz");
    const backup = await npmScript("scripts/db-backup.ts", ["--out", file], environment({ dataDir: sourceDir }));
    expect(backup.code, backup.output).toBe(0);

    const restore = await npmScript("scripts/db-restore.ts", [file], environment({ dataDir: targetDir }));
    expect(restore.code, restore.output).toBe(0);
    expect(restore.output).toContain("No pending migrations to apply.");

    const refused = await npmScript("scripts/db-restore.ts", [file], environment({ dataDir: targetDir }));
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("is not empty");

    const target = await startEmbeddedServer({ dataDir: targetDir });
    try {
      expectSameRecord(await snapshot(target.url), original);
    } finally {
      await target.stop();
    }
  });
});
