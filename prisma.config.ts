import path from "node:path";
import { defineConfig } from "prisma/config";
import { migrationAdapter } from "./lib/db/migration-adapter";

// The Prisma CLI runs its schema engine as WebAssembly over a driver adapter, so migrations
// need no native binary (docs/decisions/0002-prisma-6-wasm-engine.md).
export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) {
      throw new Error("DATABASE_URL must be set for Prisma CLI commands (the npm scripts set it).");
    }
    return migrationAdapter(connectionString);
  },
});
