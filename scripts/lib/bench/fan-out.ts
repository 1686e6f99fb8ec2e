import http from "node:http";
import { writeAudit, type Actor } from "../../../lib/data/audit";
import { recordArrest, recordRelease } from "../../../lib/data/custody";
import { addDays, todayUtc } from "../../../lib/dates";
import { prisma } from "../../../lib/db/client";
import { DEMO_SOURCE_ID } from "../../../prisma/seed/demo";
import { FICTITIOUS_MARKER, SCALE_SOURCE_ID } from "../scale/reference";
import { summarize, type Summary } from "./stats";

/**
 * Live-count fan-out: N open event streams (GET /api/count/stream, plain Node http, no browser)
 * on the running production server, then R arrests and R releases saved through the data layer
 * (recordArrest, recordRelease) in this process. For each change, every stream's delay from the
 * data layer's call returning (the transaction committed) to the `data:` event carrying the new
 * count arriving. The target: all N streams get every change, p95 under 1 s.
 *
 * The people arrested are fictitious, published prisoners with slugs starting `bench-fanout-`.
 * They carry the scale data set's markers (the "(fictitious)" biography and a citation to the
 * synthetic source), so the scale seed still recognises the database as its own, and they are
 * archived at the end (and at the start, if an interrupted run left any), so that they never
 * stay in the public count. Every write goes into the audit log, which is append-only.
 */

export const FAN_OUT_SLUG_PREFIX = "bench-fanout-";
const actor: Actor = { kind: "process", label: "bench fan-out" };
/** How long a change may take to reach every stream before the missing ones are counted as lost. */
const DELIVERY_TIMEOUT_MS = 15_000;
/** Pause between changes, longer than the feed's 100 ms coalescing delay, so every change is its own recount. */
const PAUSE_MS = 500;

export type FanOutSettings = { listeners: number; changes: number };
export type FanOutChange = { label: string; count: number; received: number; latency: Summary };
export type FanOutResult = {
  listeners: number;
  /** Time to open all streams and receive the first count on each. */
  connectMs: number;
  initialCount: number;
  changes: FanOutChange[];
  all: Summary;
  errors: string[];
};

type Stream = {
  /** The latest count received, or null before the first event. */
  count: number | null;
  /** Called with the count and arrival time of each event. */
  onCount: ((count: number, at: number) => void) | null;
  request: http.ClientRequest;
};

function openStream(url: string, agent: http.Agent, errors: string[]): Stream {
  const stream: Stream = { count: null, onCount: null, request: undefined as unknown as http.ClientRequest };
  stream.request = http.get(url, { agent, headers: { Accept: "text/event-stream" } }, (response) => {
    if (response.statusCode !== 200) {
      errors.push(`stream answered ${response.statusCode}`);
      response.resume();
      return;
    }
    response.on("error", () => undefined); // cut off at the end of the run
    response.setEncoding("utf8");
    let buffered = "";
    response.on("data", (chunk: string) => {
      const at = performance.now();
      buffered += chunk.replace(/\r\n?/g, "\n");
      let end: number;
      while ((end = buffered.indexOf("\n\n")) !== -1) {
        const message = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        const data = message
          .split("\n")
          .filter((line) => line.startsWith("data:"))
          .map((line) => line.slice(5).replace(/^ /, ""))
          .join("\n");
        if (!data) continue; // retry: and heartbeat comments
        const count = (JSON.parse(data) as { count: number }).count;
        stream.count = count;
        stream.onCount?.(count, at);
      }
    });
  });
  stream.request.on("error", (error) => {
    if (!stream.request.destroyed || error.message !== "socket hang up") errors.push(`stream failed: ${error.message}`);
  });
  return stream;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Refuses any database but a scale data set: the benchmark writes to it. */
async function checkScaleDatabase(): Promise<void> {
  const sources = await prisma.source.findMany({ where: { id: { in: [SCALE_SOURCE_ID, DEMO_SOURCE_ID] } }, select: { id: true } });
  if (!sources.some((source) => source.id === SCALE_SOURCE_ID) || sources.some((source) => source.id === DEMO_SOURCE_ID)) {
    throw new Error("the fan-out benchmark writes fictitious arrests and runs only on the scale data set (npm run db:seed:scale)");
  }
  // A scale database seeded before migration 20261127000200_count_notifications never notifies.
  const triggers = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM pg_trigger WHERE tgname = 'status_count_on_custody_change'`;
  if (triggers[0].count === 0) {
    throw new Error(
      "the scale database has no count notifications (migration 20261127000200_count_notifications): " +
        "apply it with `DATABASE_URL=<scale url> npm run db:migrate`, or re-seed with npm run db:seed:scale",
    );
  }
}

/** Archives every bench-fanout- person not archived yet: they leave the public count. Returns how many. */
export async function archiveFanOutPrisoners(): Promise<number> {
  const left = await prisma.prisoner.findMany({
    where: { slug: { startsWith: FAN_OUT_SLUG_PREFIX }, state: { not: "ARCHIVED" } },
  });
  for (const before of left) {
    await prisma.$transaction(async (tx) => {
      const after = await tx.prisoner.update({ where: { id: before.id }, data: { state: "ARCHIVED", version: { increment: 1 } } });
      await writeAudit(tx, { actor, action: "ARCHIVE", entityType: "Prisoner", entityId: before.id, before, after });
    });
  }
  return left.length;
}

async function createFanOutPrisoner(run: string, index: number): Promise<string> {
  return prisma.$transaction(async (tx) => {
    const prisoner = await tx.prisoner.create({
      data: {
        slug: `${FAN_OUT_SLUG_PREFIX}${run}-${index}`,
        fullName: `Fanout Benchperson ${run}-${index}`,
        biography: `A fictitious person the live-count fan-out benchmark arrests and releases ${FICTITIOUS_MARKER}`,
        state: "PUBLISHED",
        citations: { create: { sourceId: SCALE_SOURCE_ID, excerpt: `Synthetic record ${FICTITIOUS_MARKER}` } },
      },
    });
    await writeAudit(tx, { actor, action: "CREATE", entityType: "Prisoner", entityId: prisoner.id, after: prisoner });
    return prisoner.id;
  });
}

export async function measureFanOut(origin: string, settings: FanOutSettings, log: (text: string) => void): Promise<FanOutResult> {
  await checkScaleDatabase();
  const leftovers = await archiveFanOutPrisoners();
  if (leftovers) log(`[bench] fan-out: archived ${leftovers} person(s) left by an interrupted run`);
  const run = Date.now().toString(36);
  const people: string[] = [];
  for (let index = 1; index <= settings.changes; index++) people.push(await createFanOutPrisoner(run, index));

  // Node's global agent pools sockets per origin; one socket per stream, and a few spare.
  const agent = new http.Agent({ keepAlive: true, maxSockets: settings.listeners + 10, maxFreeSockets: 10 });
  const errors: string[] = [];
  const streams: Stream[] = [];
  try {
    const started = performance.now();
    for (let index = 0; index < settings.listeners; index++) {
      streams.push(openStream(`${origin}/api/count/stream`, agent, errors));
      // Opened in bursts of 50, as pages would arrive, rather than 500 at once.
      if (index % 50 === 49) await sleep(20);
    }
    const connected = await until(() => streams.every((stream) => stream.count !== null) || errors.length > 0, 60_000);
    if (!connected || errors.length) {
      const waiting = streams.filter((stream) => stream.count === null).length;
      throw new Error(`${waiting} of ${settings.listeners} streams got no first count within 60 s${errors.length ? `: ${errors[0]}` : ""}`);
    }
    const connectMs = performance.now() - started;
    // Publishing the bench people notified the feed; let that recount reach everyone first.
    await sleep(PAUSE_MS);
    const initialCount = streams[0].count as number;
    if (!streams.every((stream) => stream.count === initialCount)) throw new Error("the streams disagree on the first count");

    const changes: FanOutChange[] = [];
    const pooled: number[] = [];
    const yesterday = addDays(todayUtc(), -1);
    const today = todayUtc();
    let expected = initialCount;
    const measure = async (label: string, save: () => Promise<unknown>) => {
      expected += label.startsWith("arrest") ? 1 : -1;
      const count = expected;
      const arrived: (number | null)[] = streams.map(() => null);
      streams.forEach((stream, index) => {
        stream.onCount = (value, at) => {
          if (value === count && arrived[index] === null) arrived[index] = at;
        };
      });
      await save();
      const committed = performance.now();
      await until(() => arrived.every((at) => at !== null), DELIVERY_TIMEOUT_MS);
      for (const stream of streams) stream.onCount = null;
      // An event processed before the data layer's promise resumed this function counts as 0 ms.
      const latencies = arrived.filter((at): at is number => at !== null).map((at) => Math.max(0, at - committed));
      pooled.push(...latencies);
      changes.push({ label, count, received: latencies.length, latency: summarize(latencies) });
      log(`[bench] fan-out: ${label} → ${count}: ${latencies.length}/${streams.length} streams`);
      await sleep(PAUSE_MS);
    };
    for (let index = 0; index < people.length; index++) {
      let period: { id: string } | undefined;
      await measure(`arrest ${index + 1}`, async () => {
        period = await recordArrest(actor, { prisonerId: people[index], start: yesterday });
      });
      await measure(`release ${index + 1}`, () =>
        recordRelease(actor, { custodyPeriodId: period?.id, version: 1, end: today, reason: "OTHER" }),
      );
    }
    return { listeners: settings.listeners, connectMs, initialCount, changes, all: summarize(pooled), errors };
  } finally {
    for (const stream of streams) stream.request.destroy();
    agent.destroy();
    await archiveFanOutPrisoners();
  }
}
