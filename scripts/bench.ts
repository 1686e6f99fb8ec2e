import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { describeDatabaseUrl } from "../lib/db/config";
import { disconnect } from "../lib/db/client";
import { measureFanOut } from "./lib/bench/fan-out";
import { explainQueries, measureDataLayer, pickSearchTerms } from "./lib/bench/data-layer";
import { measureExport } from "./lib/bench/export";
import { measureEndpoint, settle, type EndpointResult } from "./lib/bench/http";
import { build, buildNeeded, startApp, type RunningApp } from "./lib/bench/server";
import { markdownTable, ms } from "./lib/bench/stats";
import { scaleDatabaseUrl } from "./lib/scale/database";

/**
 * `npm run bench`: the production build against the scale data set (npm run db:seed:scale),
 * measured in one run.
 *   1. the data layer: countImprisoned(), the home page's list, a directory-like name search
 *   2. HTTP with autocannon: a static file as baseline, then the pages that read the record,
 *      each reported as a ratio to the baseline measured in the same run
 *   3. live-count fan-out: N open event streams, R arrests and releases saved through the data
 *      layer, and how long each change takes to reach every stream (scripts/lib/bench/fan-out.ts)
 *   4. exports: every published person as CSV and as JSON, read to the end in this process:
 *      rows/s and the memory held while it runs (scripts/lib/bench/export.ts)
 * Prints Markdown tables; --markdown FILE also writes them to a file.
 *
 *   --duration S      seconds measured per endpoint (default 10)
 *   --warmup S        seconds of warm-up per endpoint, not measured (default 3)
 *   --connections N   concurrent connections (default 20)
 *   --calls N         calls per data-layer query (default 100)
 *   --explain         also print EXPLAIN ANALYZE of the count and search queries
 *   --build           rebuild even if the build looks current
 *   --only PART       run one part: data-layer, http, fan-out or export (default: all)
 *   --listeners N     open event streams for the fan-out (default 500)
 *   --changes R       arrests (each followed by its release) for the fan-out (default 5)
 *   --port N          port for the production server (default: a free one)
 *   --server S        front: scripts/server.ts, as `npm start` runs it (default); next: `next start`
 *                     alone, to measure what the front of the server changes
 */
const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    connections: { type: "string", default: "20" },
    calls: { type: "string", default: "100" },
    explain: { type: "boolean", default: false },
    build: { type: "boolean", default: false },
    markdown: { type: "string" },
    only: { type: "string" },
    listeners: { type: "string", default: "500" },
    changes: { type: "string", default: "5" },
    port: { type: "string" },
    server: { type: "string", default: "front" },
  },
});
if (values.server !== "front" && values.server !== "next") throw new Error(`--server must be front or next, not ${values.server}`);
const server = values.server as "front" | "next";
const serverLabel = server === "front" ? "scripts/server.ts" : "next start, without the front";
const PARTS = ["data-layer", "http", "fan-out", "export"] as const;
if (values.only !== undefined && !(PARTS as readonly string[]).includes(values.only)) {
  throw new Error(`--only must be one of ${PARTS.join(", ")}, not ${values.only}`);
}
const runs = (part: (typeof PARTS)[number]) => values.only === undefined || values.only === part;
const fanOut = { listeners: Number(values.listeners), changes: Number(values.changes) };
const settings = { duration: Number(values.duration), warmup: Number(values.warmup), connections: Number(values.connections) };
const calls = Number(values.calls);
for (const [name, value] of Object.entries({ ...settings, calls, ...fanOut })) {
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number, not ${value}`);
}

const url = scaleDatabaseUrl();
process.env.DATABASE_URL = url;
process.env.HABEAS_DB_MODE = "postgresql";
const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, HABEAS_DB_MODE: "postgresql" };
const out: string[] = [];
const print = (text = "") => {
  console.log(text);
  out.push(text);
};

async function machine(): Promise<string[][]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const version = (await client.query<{ version: string }>("SELECT version()")).rows[0].version;
    const prisoners = (await client.query<{ count: number }>("SELECT count(*)::int AS count FROM prisoner")).rows[0].count;
    if (prisoners === 0) throw new Error("the scale database holds no prisoners");
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain"], { encoding: "utf8" }).trim() ? " (with uncommitted changes)" : "";
    return [
      ["what", "value"],
      ["date", new Date().toISOString()],
      ["commit", commit + dirty],
      ["cores", `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown"}`],
      ["memory", `${Math.round(os.totalmem() / 2 ** 30)} GiB`],
      ["load average at start (1, 5, 15 min)", os.loadavg().map((load) => load.toFixed(2)).join(", ")],
      ["node", process.version],
      ["PostgreSQL", version],
      ["database", `${describeDatabaseUrl(url)}, ${prisoners} prisoners`],
      ["load", `${settings.connections} connections, ${settings.warmup} s warm-up + ${settings.duration} s measured per endpoint`],
      ["fan-out", `${fanOut.listeners} event streams, ${fanOut.changes} arrests and ${fanOut.changes} releases`],
    ];
  } catch (error) {
    throw new Error(`${(error as Error).message}: run \`npm run db:seed:scale\` first (${describeDatabaseUrl(url)})`);
  } finally {
    await client.end();
  }
}

/**
 * The smallest script a page loads from /_next/static: a file Next.js answers from disk before
 * the proxy or the page cache, so that what it costs is the server's floor.
 */
async function staticChunk(origin: string): Promise<{ path: string; label: string }> {
  const html = await (await fetch(`${origin}/about`)).text();
  const paths = [...new Set([...html.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((match) => match[1]))];
  if (paths.length === 0) throw new Error("no /_next/static script on /about to use as the baseline");
  const sized = await Promise.all(
    paths.map(async (path) => ({ path, bytes: (await (await fetch(origin + path)).arrayBuffer()).byteLength })),
  );
  const smallest = sized.reduce((a, b) => (b.bytes < a.bytes ? b : a));
  return { path: smallest.path, label: `/_next/static/…js (${smallest.bytes} bytes)` };
}

async function profileSlug(): Promise<string> {
  // The published person with the most hearings: the heaviest profile page.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ slug: string; hearings: number }>(`
      SELECT p.slug, count(*)::int AS hearings FROM prisoner p
      JOIN criminal_case c ON c.prisoner_id = p.id JOIN hearing h ON h.case_id = c.id
      WHERE p.state = 'PUBLISHED' GROUP BY p.id, p.slug ORDER BY count(*) DESC, p.slug LIMIT 1`);
    return result.rows[0].slug;
  } finally {
    await client.end();
  }
}

/**
 * Paths that are each requested once, for the cache-miss lines: full names of published people
 * (a search with one match) and their profiles, in a fixed pseudo-random order.
 */
async function missPaths(): Promise<{ searches: string[]; profiles: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ full_name: string; slug: string }>(`
      SELECT full_name, slug FROM prisoner WHERE state = 'PUBLISHED' ORDER BY md5(slug) LIMIT 50000`);
    return {
      searches: result.rows.map((row) => `/prisoners?q=${encodeURIComponent(row.full_name)}`),
      profiles: result.rows.map((row) => `/prisoners/${row.slug}`),
    };
  } finally {
    await client.end();
  }
}

/** The next path of the list on every call; wraps around (and would then hit) only past its end. */
function cycle(paths: string[]): () => string {
  let next = 0;
  return () => paths[next++ % paths.length];
}

let app: RunningApp | undefined;
async function stopApp() {
  await app?.stop();
  app = undefined;
}
process.on("SIGINT", () => void stopApp().then(() => process.exit(130)));
process.on("SIGTERM", () => void stopApp().then(() => process.exit(143)));

try {
  print("## Machine\n");
  print(markdownTable(await machine()));

  const terms = await pickSearchTerms();
  const slug = await profileSlug();

  if (runs("data-layer")) {
    print("\n## Data layer (one call at a time)\n");
    const dataLayer = await measureDataLayer(calls, terms);
    print(
      markdownTable([
        ["query", "result", "calls", "mean ms", "p50 ms", "p95 ms", "p99 ms"],
        ...dataLayer.map((row) => [
          row.label,
          row.detail,
          String(row.summary.count),
          ms(row.summary.mean),
          ms(row.summary.p50),
          ms(row.summary.p95),
          ms(row.summary.p99),
        ]),
      ]),
    );
    if (values.explain) {
      for (const { label, plan } of await explainQueries(terms)) print(`\n### EXPLAIN ANALYZE: ${label}\n\n\`\`\`\n${plan}\n\`\`\``);
    }
    await disconnect();
  }

  if (runs("export")) {
    print("\n## Exports (in process, every published person)\n");
    const rows = [["export", "rows", "MB", "seconds", "rows/s", "heap before MB", "heap held at most MB", "RSS before MB", "RSS peak MB"]];
    const exports = [
      ["csv", "status=imprisoned", { status: "imprisoned" }],
      ["csv", "all", {}],
      ["json", "all", {}],
    ] as const;
    for (const [format, label, params] of exports) {
      console.log(`[bench] export ${format} ${label}`);
      const result = await measureExport(format, params);
      rows.push([
        `${format}, ${label}`,
        String(result.rows),
        (result.bytes / 1024 / 1024).toFixed(1),
        result.seconds.toFixed(1),
        (result.rows / result.seconds).toFixed(0),
        result.heapBeforeMb.toFixed(0),
        result.heapPeakMb.toFixed(0),
        result.rssBeforeMb.toFixed(0),
        result.rssPeakMb.toFixed(0),
      ]);
    }
    print(markdownTable(rows));
    await disconnect();
  }

  const needsApp = runs("http") || runs("fan-out");
  const reason = needsApp && (values.build ? "--build given" : buildNeeded());
  if (reason) {
    console.log(`\n[bench] building (${reason})`);
    await build(env);
  }
  if (needsApp) app = await startApp(env, values.port === undefined ? undefined : Number(values.port), server);
  const origin = app?.origin ?? "";

  if (runs("http")) {
    const misses = await missPaths();
    const searches = cycle(misses.searches);
    const profiles = cycle(misses.profiles.toReversed());
    // What browsers send; without it (autocannon's default) every response is uncompressed.
    const browser = { "accept-encoding": "gzip, deflate, br, zstd" };
    const chunk = await staticChunk(origin);
    const endpoints: [string, string, (() => string)?, Record<string, string>?][] = [
      // A file Next.js serves as it is, before any of the app's code runs: what serving costs with
      // no rendering, no cache lookup and no proxy. The strictest baseline the app has.
      [`baseline: static file ${chunk.label}`, chunk.path],
      // A small text the app writes (robots.txt), through the proxy for its security headers.
      ["small route with security headers /robots.txt", "/robots.txt"],
      ["/about (fixed text, page cache)", "/about"],
      ["home page with the count", "/"],
      ["JSON count /api/count", "/api/count"],
      ["directory /prisoners", "/prisoners"],
      [`directory search ?q=${terms[0].term}`, `/prisoners?q=${encodeURIComponent(terms[0].term)}`],
      ["profile /prisoners/<slug>", `/prisoners/${slug}`],
      ["directory /prisoners, compressed (as browsers ask)", "/prisoners", undefined, browser],
      ["profile /prisoners/<slug>, compressed (as browsers ask)", `/prisoners/${slug}`, undefined, browser],
      ["miss: directory search, a new name per request", searches(), searches],
      ["miss: profile, another person per request", profiles(), profiles],
      // The machine is shared: a second baseline shows how much the load moved during the run.
      [`baseline again, at the end: ${chunk.label}`, chunk.path],
    ];
    const results: [string, string, EndpointResult][] = [];
    for (const [label, path, nextPath, headers] of endpoints) {
      console.log(`[bench] ${path}`);
      const idle = async () => {
        const waited = await settle(`${origin}/about`, 50);
        if (waited > 2000) console.log(`[bench] waited ${(waited / 1000).toFixed(1)} s for requests cut off by the end of a run`);
      };
      const result = await measureEndpoint(origin + path, settings, idle, nextPath, headers);
      results.push([label, path, result]);
      if (result.available) await idle();
    }

    const baseline = results[0][2];
    if (!baseline.available) throw new Error(`the baseline page ${results[0][1]} ${baseline.note}`);
    print(`\n## HTTP (production build, ${serverLabel})\n`);
    print(
      markdownTable([
        ["endpoint", "alone ms", "req/s", "p50 ms", "p95 ms", "p99 ms", "req/s vs baseline", "p50 vs baseline", "bytes", "non-2xx, errors, timeouts"],
        ...results.map(([label, , result]) => {
          if (!result.available) return [label, result.note, "", "", "", "", "", "", "", ""];
          const answered = result.latency.count > 0;
          return [
            label,
            ms(result.aloneMs),
            result.requestsPerSecond.toFixed(1),
            answered ? ms(result.latency.p50) : `none within ${settings.duration} s`,
            ms(result.latency.p95),
            ms(result.latency.p99),
            `${(result.requestsPerSecond / baseline.requestsPerSecond).toFixed(4)}×`,
            answered ? `${(result.latency.p50 / baseline.latency.p50).toFixed(1)}×` : "–",
            String(result.bytesPerResponse),
            `${result.non2xx}, ${result.errors}, ${result.timeouts}`,
          ];
        }),
      ]),
    );
    print(
      `\n"alone": one request on the idle server before the load. Profile measured: /prisoners/${slug} (the published person with the most hearings). ` +
        'The "miss" lines request a path no earlier request used (a published person\'s full name as the search term, or another person\'s profile) ' +
        "for as long as the list of 50,000 lasts, so that no response can come from the page cache: they measure a render. " +
        'The "compressed" lines send Accept-Encoding as browsers do; their bytes are the compressed body as sent. The other lines send none, so their responses are uncompressed.',
    );
  }

  if (runs("fan-out")) {
    console.log(`[bench] fan-out: ${fanOut.listeners} event streams`);
    const result = await measureFanOut(origin, fanOut, (text) => console.log(text));
    print(`\n## Live-count fan-out (production build, ${serverLabel})\n`);
    print(
      markdownTable([
        ["change", "count after", "streams reached", "p50 ms", "p95 ms", "max ms"],
        ...[...result.changes, { label: "all changes", count: Number.NaN, received: result.all.count, latency: result.all }].map((change) => [
          change.label,
          Number.isNaN(change.count) ? "" : String(change.count),
          `${change.received} of ${change.label === "all changes" ? result.listeners * result.changes.length : result.listeners}`,
          ms(change.latency.p50),
          ms(change.latency.p95),
          ms(change.latency.max),
        ]),
      ]),
    );
    const missed = result.changes.filter((change) => change.received < result.listeners).length;
    print(
      `\n${result.listeners} streams of GET /api/count/stream (plain Node http, one socket each) took ${ms(result.connectMs)} ms to open and receive the first count (${result.initialCount}). ` +
        "Each change is saved through the data layer (recordArrest or recordRelease of a fictitious published person, in the benchmark's process); " +
        "its latency per stream runs from the call returning (committed) to that stream's `data:` event with the new count. " +
        `p95 over all changes: ${ms(result.all.p95)} ms (target: under 1000 ms). ` +
        (missed ? `${missed} change(s) did not reach every stream within 15 s.` : "Every change reached every stream."),
    );
  }
  await stopApp();

  if (values.markdown) fs.writeFileSync(values.markdown, `${out.join("\n")}\n`);
} finally {
  await stopApp();
  await disconnect();
}
