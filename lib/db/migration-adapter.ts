import { PrismaPg } from "@prisma/adapter-pg";
import type { Pool } from "pg";

/**
 * The driver adapter the Prisma CLI uses to run migrations.
 *
 * @prisma/adapter-pg runs a migration script by splitting it on ";" and sending each piece,
 * which breaks any migration with a function body (our rule_* triggers). PostgreSQL accepts a
 * whole script as one simple-protocol query and runs it in one implicit transaction, so a
 * failing migration leaves nothing half-applied. See docs/decisions/0002-prisma-6-wasm-engine.md.
 */
export function migrationAdapter(connectionString: string) {
  const factory = new PrismaPg({ connectionString, max: 1 });
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.executeScript = async (script: string) => {
      const pool = adapter.underlyingDriver() as Pool;
      await pool.query(script);
    };
    return adapter;
  };
  return factory;
}
