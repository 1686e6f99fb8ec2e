import fs from "node:fs";
import { spawn } from "node:child_process";
import { ensureAuthSecret } from "./lib/auth-secret";
import { migrate, openDatabase, seedIfEmpty } from "./lib/database";
import { bin, run } from "./lib/run";

/**
 * `npm start` / `npm run dev`: the database (PostgreSQL from DATABASE_URL, or the embedded
 * server), migrations applied, demo data seeded into an empty database, then the app: the
 * production server (scripts/server.ts) or Next.js's development server.
 */
const command = process.argv[2] === "dev" ? "dev" : "start";

const database = await openDatabase();
console.log(`[habeas] database: ${database.describe}`);

let child: ReturnType<typeof spawn> | undefined = undefined;
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  child?.kill("SIGTERM");
  await database.stop();
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  const secret = await ensureAuthSecret();
  if (secret !== "environment") {
    console.log(`[habeas] NEXTAUTH_SECRET not set: using one ${secret} beside the data directory`);
  }
  await migrate(database);
  await seedIfEmpty(database);
  if (command === "start" && !fs.existsSync(".next/BUILD_ID")) {
    console.log("[habeas] no production build yet: running next build");
    await run(bin("next"), ["build"], { env: { ...database.env, NODE_ENV: "production" } });
  }
} catch (error) {
  console.error(`[habeas] could not start: ${(error as Error).message}`);
  await shutdown(1);
}

const port = process.env.PORT ?? "3000";
// Sign-in links and next-auth's own URLs; a deployment sets NEXTAUTH_URL to its https address.
const env = { ...database.env, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` };
// Production: scripts/server.ts, Next.js behind the page cache's front (decision 0024).
child =
  command === "start"
    ? spawn(bin("tsx"), ["scripts/server.ts"], { stdio: "inherit", env: { ...env, PORT: port, NODE_ENV: "production" } })
    : spawn(bin("next"), ["dev", "--port", port], { stdio: "inherit", env });
child.on("exit", (code) => void shutdown(code ?? 0));
