import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedServer } from "../../lib/db/embedded-server";
import { bin, run } from "../lib/run";
import { testDatabaseMode, testServerUrl } from "./mode";

/**
 * Every integration run gets a database of its own, migrated with the committed migrations
 * exactly as production is: a new database on the real PostgreSQL server, or a new in-memory
 * embedded server. Nothing is mocked.
 */
export default async function setup(project: TestProject) {
  const mode = testDatabaseMode();
  if (mode === "embedded") {
    const server = await startEmbeddedServer({ dataDir: null });
    await run(bin("prisma"), ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: server.url },
      stdio: "ignore",
    });
    project.provide("databaseUrl", server.url);
    project.provide("databaseMode", mode);
    return async () => server.stop();
  }

  const serverUrl = testServerUrl();
  const name = `habeas_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await run(bin("prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url.toString() },
    stdio: "ignore",
  });
  project.provide("databaseUrl", url.toString());
  project.provide("databaseMode", mode);
  return async () => {
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseMode: "postgresql" | "embedded";
  }
}
