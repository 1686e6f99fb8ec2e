import { z } from "zod";

const environment = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: start the app with `npm start`, which provides one" })
    .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL must be a postgresql:// URL" }),
  HABEAS_DB_MODE: z.enum(["postgresql", "embedded"]).default("postgresql"),
  HABEAS_DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).optional(),
});

export type DatabaseConfig = { url: string; mode: "postgresql" | "embedded"; poolSize: number };

/**
 * The embedded server is a single PostgreSQL session shared by every client, so the app keeps
 * one connection to it: two interleaved transactions on one session would not be isolated.
 */
export function databaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const parsed = environment.parse(env);
  const poolSize = parsed.HABEAS_DB_MODE === "embedded" ? 1 : (parsed.HABEAS_DB_POOL_SIZE ?? 10);
  return { url: parsed.DATABASE_URL, mode: parsed.HABEAS_DB_MODE, poolSize };
}

/** A URL safe to print: no password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = parsed.password ? "***" : "";
    parsed.search = "";
    return parsed.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}
