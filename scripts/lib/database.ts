import path from "node:path";
import { describeDatabaseUrl } from "../../lib/db/config";
import { startEmbeddedServer, type EmbeddedServer } from "../../lib/db/embedded-server";
import { bin, run } from "./run";

export type Database = {
  url: string;
  mode: "postgresql" | "embedded";
  /** Environment for child processes (the app, the Prisma CLI) to reach this database. */
  env: NodeJS.ProcessEnv;
  describe: string;
  stop: () => Promise<void>;
};

/** Where the embedded database keeps its files: HABEAS_DATA_DIR, else ./data/pglite. */
export function embeddedDataDir(): string {
  return path.resolve(process.env.HABEAS_DATA_DIR ?? path.join("data", "pglite"));
}

/**
 * PostgreSQL when DATABASE_URL is set; otherwise the embedded server with its data under
 * ./data (or HABEAS_DATA_DIR), on a free local port.
 */
export async function openDatabase(options: { inMemory?: boolean } = {}): Promise<Database> {
  const external = process.env.DATABASE_URL;
  if (external) {
    return {
      url: external,
      mode: "postgresql",
      env: { ...process.env, DATABASE_URL: external, HABEAS_DB_MODE: "postgresql" },
      describe: `PostgreSQL at ${describeDatabaseUrl(external)} (from DATABASE_URL)`,
      stop: async () => {},
    };
  }
  const dataDir = options.inMemory ? null : embeddedDataDir();
  const port = process.env.HABEAS_EMBEDDED_PORT ? Number(process.env.HABEAS_EMBEDDED_PORT) : undefined;
  const server: EmbeddedServer = await startEmbeddedServer({ dataDir, port });
  return {
    url: server.url,
    mode: "embedded",
    env: { ...process.env, DATABASE_URL: server.url, HABEAS_DB_MODE: "embedded" },
    describe: `embedded PostgreSQL (PGlite) on 127.0.0.1:${server.port}, data in ${dataDir ?? "memory"}`,
    stop: () => server.stop(),
  };
}

/** Applies committed migrations exactly as production does. */
export async function migrate(database: Database): Promise<void> {
  await run(bin("prisma"), ["migrate", "deploy"], { env: database.env });
}

/** Seeds the demo data set when the database holds no prisoners yet. */
export async function seedIfEmpty(database: Database): Promise<void> {
  await run(bin("tsx"), ["--conditions=react-server", "scripts/db-seed.ts", "--if-empty"], { env: database.env });
}
