import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { bin, run } from "../run";

/**
 * The production build of the app, started for a benchmark: `next build` when the build is
 * missing or older than the source, then the production server (scripts/server.ts) on a free local port.
 */

const SOURCES = ["app", "components", "lib", "proxy.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json"];

function newestChange(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, child)));
  return newest;
}

/** Why a build is needed, or null when .next holds a production build newer than every source. */
export function buildNeeded(): string | null {
  const buildId = path.join(".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return "no production build yet";
  const built = fs.statSync(buildId).mtimeMs;
  const changed = SOURCES.find((source) => newestChange(source) > built);
  return changed ? `${changed} changed since the last build` : null;
}

export async function build(env: NodeJS.ProcessEnv): Promise<void> {
  await run(bin("next"), ["build"], { env: { ...env, NODE_ENV: "production" } });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type RunningApp = { origin: string; stop: () => Promise<void>; log: () => string };

/** Starts the production server in a process group of its own, so that stopping it ends all its processes. */
export async function startApp(env: NodeJS.ProcessEnv, fixedPort?: number, server: "front" | "next" = "front"): Promise<RunningApp> {
  const port = fixedPort ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  // The production server as `npm start` runs it (scripts/server.ts: the page cache's front, then
  // Next.js), on every interface and named "localhost" (docs/decisions/0011-languages.md).
  // `next start` alone (--server next) measures the same build without the front.
  const [command, args] = server === "front" ? [bin("tsx"), ["scripts/server.ts"]] : [bin("next"), ["start", "--port", String(port)]];
  const child: ChildProcess = spawn(command, args, {
    env: { ...env, NODE_ENV: "production", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => {
      if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, 5000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${origin}/about`);
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { origin, stop, log: () => output };
}
