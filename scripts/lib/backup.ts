import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { embeddedExtensions } from "../../lib/db/embedded-server";
import { run } from "./run";

/**
 * Backup and restore (docs/backup.md, decision 0018).
 *
 * PostgreSQL: pg_dump's custom format, restored by pg_restore in one transaction.
 * Embedded: PGlite's own copy of its data directory (a gzipped tarball), taken and restored
 * with the database closed. Debian's pg_dump 15 refuses the embedded server (PGlite reports
 * itself as a newer PostgreSQL), and PGlite's WebAssembly pg_dump requires another PGlite
 * version than the one the app uses; the data directory copy needs neither.
 */

export type BackupKind = "postgresql" | "embedded";

/** Which kind of backup a file holds, by its first bytes. */
export function backupKindOf(file: string): BackupKind | null {
  const handle = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(5);
    fs.readSync(handle, head, 0, 5, 0);
    if (head.toString("latin1") === "PGDMP") return "postgresql";
    if (head[0] === 0x1f && head[1] === 0x8b) return "embedded";
    return null;
  } finally {
    fs.closeSync(handle);
  }
}

export async function backupPostgres(url: string, out: string): Promise<void> {
  await run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", out, "--dbname", url]);
}

/** Tables, views and sequences a restore would collide with. */
export async function postgresObjectCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>(
      `SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND c.relkind IN ('r', 'v', 'S', 'p')`,
    );
    return Number(result.rows[0].count);
  } finally {
    await client.end();
  }
}

/** Drops everything in the public schema (restore --force), leaving it as a new database has it. */
export async function emptyPublicSchema(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`BEGIN;
      DROP SCHEMA public CASCADE;
      CREATE SCHEMA public AUTHORIZATION pg_database_owner;
      GRANT USAGE ON SCHEMA public TO PUBLIC;
      COMMIT;`);
  } finally {
    await client.end();
  }
}

export async function restorePostgres(url: string, file: string): Promise<void> {
  await run("pg_restore", [
    "--no-owner",
    "--no-privileges",
    "--exit-on-error",
    "--single-transaction",
    "--dbname",
    url,
    file,
  ]);
}

/**
 * PGlite removes postmaster.pid when it closes: a file there means a process (the app) has the
 * database open, or one stopped without closing it.
 */
export function embeddedInUse(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, "postmaster.pid"));
}

export function embeddedExists(dataDir: string): boolean {
  return fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0;
}

export async function backupEmbedded(dataDir: string, out: string): Promise<void> {
  const db = await PGlite.create({ dataDir, extensions: embeddedExtensions });
  try {
    const archive = await db.dumpDataDir("gzip");
    fs.writeFileSync(out, new Uint8Array(await archive.arrayBuffer()));
  } finally {
    await db.close();
  }
}

/** Unpacks a backup into a new data directory and checks that PostgreSQL opens it. */
export async function restoreEmbedded(dataDir: string, file: string): Promise<void> {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const db = await PGlite.create({
    dataDir,
    extensions: embeddedExtensions,
    loadDataDir: new Blob([new Uint8Array(fs.readFileSync(file))]),
  });
  try {
    await db.query("SELECT count(*) FROM pg_class");
  } finally {
    await db.close();
  }
}
