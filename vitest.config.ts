import path from "node:path";
import { defineConfig } from "vitest/config";
import { testDatabaseMode } from "./scripts/test-support/mode.ts";

const mode = testDatabaseMode();

export default defineConfig({
  resolve: {
    alias: {
      "server-only": path.resolve("scripts/test-support/empty-module.ts"),
      "@": path.resolve("."),
    },
  },
  test: {
    name: mode,
    include: ["app/**/*.test.ts", "components/**/*.test.ts", "lib/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts"],
    // next-intl imports "next/navigation" without an extension; bundling it through Vite resolves that.
    server: { deps: { inline: ["next-intl"] } },
    globalSetup: ["scripts/test-support/global-setup.ts"],
    setupFiles: ["scripts/test-support/setup-database-env.ts"],
    // Files share one database, and the embedded server is a single session.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
