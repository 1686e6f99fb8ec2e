import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests drive the production build in the system's Chromium (Playwright's own
 * browser download is not available here). The app runs exactly as `npm start` runs it: the
 * embedded database, migrated and seeded with the demo data, in a fresh directory per run.
 */
const port = Number(process.env.E2E_PORT ?? 3210);
const databasePort = Number(process.env.E2E_DATABASE_PORT ?? 55432);
const dataDir = process.env.E2E_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "habeas-e2e-"));
process.env.E2E_DATA_DIR = dataDir;
process.env.E2E_DATABASE_URL ??= `postgresql://postgres:postgres@127.0.0.1:${databasePort}/postgres?sslmode=disable`;

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined } },
  ],
  webServer: {
    command: "node_modules/.bin/tsx scripts/serve.ts start",
    url: `http://127.0.0.1:${port}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(port),
      HABEAS_DATA_DIR: dataDir,
      HABEAS_EMBEDDED_PORT: String(databasePort),
      DATABASE_URL: "",
    },
  },
});
