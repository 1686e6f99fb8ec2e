import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { databaseConfig } from "./config";

/**
 * The one Prisma client. Only the data layer (lib/data) imports it; pages, actions and route
 * handlers call data-layer functions instead.
 */
function createClient() {
  const config = databaseConfig();
  const adapter = new PrismaPg({ connectionString: config.url, max: config.poolSize });
  return new PrismaClient({ adapter });
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
