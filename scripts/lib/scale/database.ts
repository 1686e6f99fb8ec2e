import pg from "pg";
import { DEMO_SOURCE_ID } from "../../../prisma/seed/demo";
import { FICTITIOUS_MARKER, SCALE_SOURCE_ID } from "./reference";

/**
 * Where the scale data set lives, and the checks that keep it away from any real record: it is
 * dropped and recreated on every run, so the target must be a database that holds nothing but
 * an earlier scale data set.
 */

export const DEFAULT_SCALE_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/habeas_scale";

export function scaleDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.SCALE_DATABASE_URL ?? DEFAULT_SCALE_DATABASE_URL;
}

const LOCAL_HOSTS = new Set(["", "localhost", "127.0.0.1", "::1", "[::1]"]);

/** True for a server on this machine: loopback, or a Unix socket. */
export function isLocalDatabase(url: string): boolean {
  const parsed = new URL(url);
  const socketHost = parsed.searchParams.get("host");
  if (socketHost !== null) return socketHost.startsWith("/") || LOCAL_HOSTS.has(socketHost);
  return LOCAL_HOSTS.has(parsed.hostname);
}

/** The database name in the URL; only plain identifiers, never a system database. */
export function databaseNameOf(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`the scale database name must be lower-case letters, digits and underscores, not "${name}"`);
  }
  if (["postgres", "template0", "template1"].includes(name)) {
    throw new Error(`refusing to use the system database "${name}" for the scale data set`);
  }
  return name;
}

/** The same server's maintenance database, from which the scale database is dropped and created. */
export function maintenanceUrlOf(url: string): string {
  const parsed = new URL(url);
  parsed.pathname = "/postgres";
  return parsed.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Why the database at url must not be replaced, or null when it may: it does not exist, is
 * empty, or holds only what an earlier run of the scale seed put there.
 */
export async function reasonToRefuse(url: string): Promise<string | null> {
  const name = databaseNameOf(url);
  const exists = await withClient(maintenanceUrlOf(url), async (client) => {
    const result = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return result.rowCount === 1;
  });
  if (!exists) return null;

  return withClient(url, async (client) => {
    const tables = new Set(
      (
        await client.query<{ name: string }>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
        )
      ).rows.map((row) => row.name),
    );
    if (tables.size === 0) return null;
    if (!tables.has("prisoner") || !tables.has("source") || !tables.has("citation")) {
      return `database "${name}" holds tables that are not a Habeas data set`;
    }
    const demo = await client.query("SELECT 1 FROM source WHERE id = $1", [DEMO_SOURCE_ID]);
    if (demo.rowCount) return `database "${name}" holds the demo data set`;
    const foreign = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM prisoner p
       WHERE position($2 in coalesce(p.biography, '')) = 0
          OR NOT EXISTS (SELECT 1 FROM citation c WHERE c.prisoner_id = p.id AND c.source_id = $1)`,
      [SCALE_SOURCE_ID, FICTITIOUS_MARKER],
    );
    if (foreign.rows[0].count > 0) {
      return `database "${name}" holds ${foreign.rows[0].count} prisoner(s) not created by the scale seed`;
    }
    return null;
  });
}

export async function recreateDatabase(url: string): Promise<void> {
  const name = databaseNameOf(url);
  await withClient(maintenanceUrlOf(url), async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
}
