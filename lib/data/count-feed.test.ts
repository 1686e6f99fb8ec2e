import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { disconnect, prisma } from "../db/client";
import { todayUtc } from "../dates";
import type { Actor } from "./audit";
import { publicPageCache } from "../cache/page-cache";
import { countFeedStatus, countImprisonedNow, stopCountFeed, subscribeToCount, type PublicCount } from "./count-feed";
import { recordArrest, recordRelease } from "./custody";
import { testDatabaseMode } from "../../scripts/test-support/mode";

/**
 * The live count against a real database. Test files share one database, so every assertion is
 * a change relative to the count when the test began, caused by people this test creates.
 */
const actor: Actor = { kind: "process", label: "count-feed test" };
const WAIT_MS = 5_000;

type Feed = { values: PublicCount[]; latest: () => PublicCount; waitFor: (count: number) => Promise<PublicCount> };
const unsubscribers: (() => void)[] = [];
const clients: pg.Client[] = [];

/** Subscribes and waits for the first value, which the feed sends as soon as it knows it. */
async function subscribe(): Promise<Feed> {
  const values: PublicCount[] = [];
  unsubscribers.push(subscribeToCount((value) => values.push(value)));
  const feed: Feed = {
    values,
    latest: () => values[values.length - 1],
    async waitFor(count) {
      const deadline = Date.now() + WAIT_MS;
      while (Date.now() < deadline) {
        if (values.length > 0 && feed.latest().count === count) return feed.latest();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`expected the count to become ${count} within ${WAIT_MS} ms; received ${values.map((v) => v.count).join(", ")}`);
    },
  };
  const deadline = Date.now() + WAIT_MS;
  while (values.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  if (values.length === 0) throw new Error("the feed sent no first value");
  return feed;
}

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  clients.push(client);
  return client;
}

const uniqueSlug = () => `live-count-${randomBytes(5).toString("hex")}`;

async function createPublishedPrisoner(): Promise<string> {
  const prisoner = await prisma.prisoner.create({
    data: { slug: uniqueSlug(), fullName: "Live Count Test Person", state: "PUBLISHED" },
  });
  return prisoner.id;
}

afterEach(async () => {
  for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
  await Promise.all(clients.splice(0).map((client) => client.end()));
});

afterAll(async () => {
  await stopCountFeed();
  await disconnect();
});

describe("the live count feed", () => {
  it("sends the current count first, then the count after an arrest and after the release", async () => {
    const feed = await subscribe();
    const before = feed.latest();
    expect(before.day).toBe(todayUtc());
    expect(Object.keys(before).sort()).toEqual(["computedAt", "count", "day", "lastRecordChange"]);

    const prisonerId = await createPublishedPrisoner();
    const arrest = await recordArrest(actor, { prisonerId, start: todayUtc() });
    const afterArrest = await feed.waitFor(before.count + 1);
    expect(afterArrest.lastRecordChange).not.toBe(before.lastRecordChange);

    await recordRelease(actor, { custodyPeriodId: arrest.id, version: 1, end: todayUtc(), reason: "ACQUITTED" });
    await feed.waitFor(before.count);
  });

  it("delivers the new count to every subscriber", async () => {
    const [first, second] = [await subscribe(), await subscribe()];
    const before = first.latest().count;
    expect(second.latest().count).toBe(before);

    const prisonerId = await createPublishedPrisoner();
    await recordArrest(actor, { prisonerId, start: todayUtc() });
    await Promise.all([first.waitFor(before + 1), second.waitFor(before + 1)]);
  });

  it("counts a change committed on another connection (another process or app instance)", async () => {
    const feed = await subscribe();
    const before = feed.latest().count;
    const other = await connect();

    const { rows } = await other.query<{ id: string }>(
      `INSERT INTO prisoner (slug, full_name, state) VALUES ($1, 'Live Count Other Writer', 'PUBLISHED') RETURNING id`,
      [uniqueSlug()],
    );
    await other.query(`INSERT INTO custody_period (prisoner_id, start_date) VALUES ($1, current_date - 3)`, [rows[0].id]);
    await feed.waitFor(before + 1);

    // Unpublishing the person takes them out of the count.
    await other.query(`UPDATE prisoner SET state = 'DRAFT' WHERE id = $1`, [rows[0].id]);
    await feed.waitFor(before);
  });

  it("recounts once for a burst of notifications", async () => {
    const feed = await subscribe();
    expect(feed.values).toHaveLength(1);
    const recountsBefore = countFeedStatus().recounts;
    const other = await connect();

    // Twenty distinct notifications, committed together, arrive together.
    await other.query(
      Array.from({ length: 20 }, (_, index) => `SELECT pg_notify('habeas_count', 'burst ${index}');`).join(" "),
    );
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(countFeedStatus().recounts - recountsBefore).toBe(1);
    // Nothing changed, so nothing new was pushed.
    expect(feed.values).toHaveLength(1);
  });

  it("stops sending to a subscriber that has left", async () => {
    const values: PublicCount[] = [];
    const unsubscribe = subscribeToCount((value) => values.push(value));
    const watcher = await subscribe();
    const before = watcher.latest().count;
    unsubscribe();

    const prisonerId = await createPublishedPrisoner();
    await recordArrest(actor, { prisonerId, start: todayUtc() });
    await watcher.waitFor(before + 1);
    expect(values.map((value) => value.count)).not.toContain(before + 1);
  });
});

async function waitUntil(condition: () => boolean | Promise<boolean>, what: string) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`expected ${what} within ${WAIT_MS} ms`);
}

describe("the count in memory and the public page cache", () => {
  it("serves the count from memory once listening, and empties the page cache after every announced change", async () => {
    const cache = publicPageCache();
    const before = await countImprisonedNow();
    await waitUntil(() => countFeedStatus().state === "listening" && cache.isEnabled(), "the listener to turn the page cache on");

    // A content change that does not move the count: a new category.
    const recounts = countFeedStatus().recounts;
    let generation = cache.currentGeneration();
    await prisma.category.create({ data: { slug: uniqueSlug(), name: `Page cache test ${uniqueSlug()}` } });
    await waitUntil(() => cache.currentGeneration() > generation, "a content change to empty the page cache");
    expect(countFeedStatus().recounts).toBe(recounts);

    // An arrest: the count in memory follows, then the cache is emptied again.
    generation = cache.currentGeneration();
    const prisonerId = await createPublishedPrisoner();
    await recordArrest(actor, { prisonerId, start: todayUtc() });
    await waitUntil(async () => (await countImprisonedNow()).count === before.count + 1, "the count in memory to follow the arrest");
    expect(countFeedStatus().recounts).toBeGreaterThan(recounts);
    expect(cache.currentGeneration()).toBeGreaterThan(generation);
    expect(cache.isEnabled()).toBe(true);
  });

  it("turns the page cache off when the feed closes", async () => {
    await countImprisonedNow();
    await waitUntil(() => publicPageCache().isEnabled(), "the page cache to be on");
    await stopCountFeed();
    expect(publicPageCache().isEnabled()).toBe(false);
    expect(countFeedStatus().state).toBe("closed");
  });
});

describe.runIf(testDatabaseMode() === "postgresql")("the live count feed on PostgreSQL", () => {
  async function feedBackends(client: pg.Client): Promise<number[]> {
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'habeas-count-feed'`,
    );
    return rows.map((row) => row.pid);
  }

  it("listens on one connection however many subscribers there are", async () => {
    await Promise.all([subscribe(), subscribe(), subscribe()]);
    const admin = await connect();
    expect(await feedBackends(admin)).toHaveLength(1);
  });

  it("reconnects when its connection is lost, and counts what was committed meanwhile", async () => {
    const feed = await subscribe();
    const before = feed.latest().count;
    const admin = await connect();
    const [pid] = await feedBackends(admin);
    await admin.query(`SELECT pg_terminate_backend($1)`, [pid]);

    const prisonerId = await createPublishedPrisoner();
    await recordArrest(actor, { prisonerId, start: todayUtc() });
    await feed.waitFor(before + 1);

    const deadline = Date.now() + WAIT_MS;
    while (countFeedStatus().state !== "listening" && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const backends = await feedBackends(admin);
    expect(backends).toHaveLength(1);
    expect(backends[0]).not.toBe(pid);
  });
});
