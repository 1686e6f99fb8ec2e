import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { bin, run } from "./run";
import { diffSnapshots, snapshotSchema } from "./schema-snapshot";

const execFileAsync = promisify(execFile);

/**
 * Compares the database the committed migrations build with the one schema.prisma describes.
 * Needs a PostgreSQL server (serverUrl) on which it may create and drop two databases.
 * projectDir holds prisma.config.ts and prisma/. Returns the differences; empty means they agree.
 */
export async function findMigrationDrift(serverUrl: string, projectDir = process.cwd()): Promise<string[]> {
  const suffix = randomBytes(5).toString("hex");
  const names = { migrated: `habeas_drift_m_${suffix}`, declared: `habeas_drift_s_${suffix}` };
  const urlFor = (database: string) => {
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${names.migrated}`);
    await admin.query(`CREATE DATABASE ${names.declared}`);

    await run(path.join(projectDir, bin("prisma")), ["migrate", "deploy"], {
      cwd: projectDir,
      env: { ...process.env, DATABASE_URL: urlFor(names.migrated) },
      stdio: "ignore",
    });
    const { stdout: script } = await execFileAsync(
      path.join(projectDir, bin("prisma")),
      ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
      { cwd: projectDir, env: { ...process.env, DATABASE_URL: urlFor(names.declared) }, maxBuffer: 16 * 1024 * 1024 },
    );

    const declared = new pg.Client({ connectionString: urlFor(names.declared) });
    const migrated = new pg.Client({ connectionString: urlFor(names.migrated) });
    await declared.connect();
    await migrated.connect();
    try {
      await declared.query(script);
      return diffSnapshots(await snapshotSchema(migrated), await snapshotSchema(declared));
    } finally {
      await declared.end();
      await migrated.end();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${names.migrated} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${names.declared} WITH (FORCE)`);
    await admin.end();
  }
}
