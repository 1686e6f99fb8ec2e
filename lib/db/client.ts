import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { databaseConfig, type DatabaseConfig } from "./config";

/**
 * The one Prisma client. Only the data layer (lib/data) imports it; pages, actions and route
 * handlers call data-layer functions instead.
 */
function createClient() {
  const config = databaseConfig();
  // disposeExternalPool: $disconnect ends the pool, as it would end one the adapter made itself.
  const adapter = new PrismaPg(createPool(config), { disposeExternalPool: true });
  return new PrismaClient({ adapter });
}

/**
 * The connection pool, with one repair. When a connection dies inside an interactive transaction
 * (PostgreSQL restarted, a backend terminated), the transaction's ROLLBACK fails on the dead
 * connection and the adapter never hands the connection back: the pool would count it as in use
 * for ever, and after `poolSize` such failures every query would wait for a connection that never
 * comes (lib/actions/interrupted-save.test.ts). So a connection that ends while checked out is
 * released here, as broken, and a later release of it by the adapter does nothing.
 */
function createPool(config: DatabaseConfig): pg.Pool {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize,
    // On PostgreSQL a query waits at most 10 s for a connection: when the server is unreachable,
    // requests fail with a clear error (and the page cache serves its stored copy) instead of
    // hanging. The embedded server runs in this process, and its single connection may be held
    // by a long import, so there requests wait as long as it takes.
    ...(config.mode === "postgresql" ? { connectionTimeoutMillis: 10_000 } : {}),
  });
  const inUse = new Set<pg.PoolClient>();
  pool.on("acquire", (client) => inUse.add(client));
  pool.on("release", (_error, client) => inUse.delete(client as pg.PoolClient));
  pool.on("connect", (client) => {
    client.on("end", () => {
      const checkedOut = client as pg.PoolClient;
      if (!inUse.has(checkedOut)) return;
      const release = checkedOut.release;
      checkedOut.release = () => undefined;
      release(new Error("the connection ended while in use"));
    });
  });
  return pool;
}

const globalForPrisma = globalThis as unknown as { habeasPrisma?: PrismaClient };

function instance(): PrismaClient {
  // One client per process, kept across hot reloads in development.
  globalForPrisma.habeasPrisma ??= createClient();
  return globalForPrisma.habeasPrisma;
}

/**
 * Created on first use, so that `next build` and imports never need a database.
 */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = instance();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** Closes the pool (scripts and tests; the app keeps it for its lifetime). */
export async function disconnect(): Promise<void> {
  const client = globalForPrisma.habeasPrisma;
  globalForPrisma.habeasPrisma = undefined;
  await client?.$disconnect();
}

export type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
