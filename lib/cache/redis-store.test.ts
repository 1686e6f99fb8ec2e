import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Redis } from "ioredis";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { PublicPageCache, type CachedResponse } from "./page-cache";
import { decode, encode, RedisPageStore } from "./redis-store";

/**
 * The shared page store against a real Redis: the machine's (127.0.0.1:6379) under a prefix
 * of its own, and for the outage a private redis-server this test starts and stops.
 */
const REDIS_URL = process.env.HABEAS_TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const PRIVATE_REDIS_PORT = 3238;
const run = promisify(execFile);

const page = (text: string, status = 200): CachedResponse => ({
  status,
  headers: [["content-type", "text/html; charset=utf-8"]],
  body: new TextEncoder().encode(text),
  storedAt: Date.now(),
});
const text = (response: CachedResponse) => new TextDecoder().decode(response.body);
const always = () => true;

const stores: RedisPageStore[] = [];
function store(prefix: string, url = REDIS_URL, maxEntryBytes?: number) {
  const created = new RedisPageStore({ url, prefix, maxAgeMs: 60_000, maxEntryBytes });
  stores.push(created);
  return created;
}

/** One app instance's cache, with its listener connected. */
function instance(prefix: string, url = REDIS_URL) {
  const cache = new PublicPageCache({ store: store(prefix, url), maxAgeMs: 60_000 });
  cache.setEnabled(true);
  return cache;
}

/** Waits until the instance's store answers (the connection is made in the background). */
async function ready(cache: PublicPageCache) {
  await vi.waitFor(async () => expect((await cache.respond("/ready", async () => page("ready"), () => false)).outcome).toBe("miss"), {
    timeout: 10_000,
    interval: 50,
  });
}

/** Every prefix this file used, so that cleaning up touches nothing of anyone else's. */
const prefixes: string[] = [];
const prefix = () => {
  const made = `habeas-test-${randomUUID()}`;
  prefixes.push(made);
  return made;
};

afterAll(async () => {
  await Promise.all(stores.map((each) => each.close()));
  const cleanup = new Redis(REDIS_URL);
  for (const used of prefixes) {
    const keys = await cleanup.keys(`${used}:*`);
    if (keys.length > 0) await cleanup.del(...keys);
  }
  await cleanup.quit();
});

describe("the page store in Redis", () => {
  it("keeps a response byte for byte", () => {
    const response: CachedResponse = { status: 200, headers: [["x-a", "b"]], body: new Uint8Array([0, 255, 10, 13]), storedAt: 42 };
    expect(decode(encode(response))).toEqual(response);
  });

  it("is shared: a page filled by one instance is a hit on another", async () => {
    const shared = prefix();
    const a = instance(shared);
    const b = instance(shared);
    await ready(a);
    await ready(b);
    expect(await a.respond("/prisoners", async () => page("from A"), always)).toMatchObject({ outcome: "miss" });
    const onB = await b.respond("/prisoners", async () => page("from B"), always);
    expect(onB.outcome).toBe("hit");
    expect(text(onB.response)).toBe("from A");
    // Another prefix is another deployment.
    const other = instance(prefix());
    await ready(other);
    expect(await other.respond("/prisoners", async () => page("elsewhere"), always)).toMatchObject({ outcome: "miss" });
  });

  it("empties for every instance when any one is told of a change", async () => {
    const shared = prefix();
    const a = instance(shared);
    const b = instance(shared);
    await ready(a);
    await ready(b);
    await a.respond("/", async () => page("before"), always);
    b.invalidate();
    await vi.waitFor(async () => expect((await a.respond("/", async () => page("after"), always)).outcome).toBe("miss"));
    const again = await b.respond("/", async () => page("not rendered"), always);
    expect(again.outcome).toBe("hit");
    expect(text(again.response)).toBe("after");
  });

  it("serves an instance's own copy while its generation is current, and never after another instance starts a new one", async () => {
    const shared = prefix();
    const a = instance(shared);
    const b = instance(shared);
    await ready(a);
    await ready(b);
    await a.respond("/courts", async () => page("kept by A"), always);
    // Redis drops the page (memory pressure); no change was announced, so A's copy is still right.
    const inspect = new Redis(REDIS_URL);
    const keys = await inspect.keys(`${shared}:page:*`);
    expect(keys.length).toBeGreaterThan(0);
    await inspect.del(...keys);
    const fromCopy = await a.respond("/courts", async () => page("not rendered"), always);
    expect(fromCopy.outcome).toBe("hit");
    expect(text(fromCopy.response)).toBe("kept by A");
    expect(await b.respond("/courts", async () => page("rendered by B"), always)).toMatchObject({ outcome: "miss" });

    await stores.at(-1)!.clear();
    const after = await a.respond("/courts", async () => page("after the change"), always);
    expect(after.outcome).toBe("miss");
    expect(text(after.response)).toBe("after the change");
    // A wiped Redis starts a generation never seen before: no copy can match it.
    await inspect.del(`${shared}:generation`);
    expect(await a.respond("/courts", async () => page("after the wipe"), always)).toMatchObject({ outcome: "miss" });
    await inspect.quit();
  });

  it("never stores a page whose render began before another instance emptied the cache", async () => {
    const shared = prefix();
    const a = instance(shared);
    const b = instance(shared);
    await ready(a);
    await ready(b);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let started = () => {};
    const rendering = new Promise<void>((resolve) => (started = resolve));
    const slow = a.respond(
      "/statistics",
      async () => {
        started();
        await held;
        return page("read before the change");
      },
      always,
    );
    await rendering;
    // B's listener hears of the change first and bumps the shared generation (A's has not yet).
    const bStore = stores.at(-1)!;
    await bStore.clear();
    release();
    expect(text((await slow).response)).toBe("read before the change");
    const next = await b.respond("/statistics", async () => page("read after the change"), always);
    expect(next.outcome).toBe("miss");
    expect(text(next.response)).toBe("read after the change");
  });

  it("does not keep a page larger than its limit, and keeps each entry only for the maximum age", async () => {
    const shared = prefix();
    const small = store(shared, REDIS_URL, 1_000);
    const cache = new PublicPageCache({ store: small, maxAgeMs: 60_000 });
    cache.setEnabled(true);
    await ready(cache);
    await cache.respond("/big", async () => page("x".repeat(2_000)), always);
    expect(await cache.respond("/big", async () => page("x".repeat(2_000)), always)).toMatchObject({ outcome: "miss" });
    await cache.respond("/small", async () => page("small"), always);
    expect(await cache.respond("/small", async () => page("again"), always)).toMatchObject({ outcome: "hit" });

    const inspect = new Redis(REDIS_URL);
    const keys = await inspect.keys(`${shared}:page:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const ttl = await inspect.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
    }
    await inspect.quit();
  });
});

describe("when Redis is unreachable", () => {
  let server: ChildProcess | null = null;
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "habeas-redis-"));

  async function startRedis() {
    server = spawn(
      "redis-server",
      ["--port", String(PRIVATE_REDIS_PORT), "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    await vi.waitFor(() => redisCli("PING"), { timeout: 10_000, interval: 100 });
  }

  /** Stops the server after writing its data to disk, as a restart with persistence would. */
  async function stopRedis() {
    const exited = server;
    await redisCli("SHUTDOWN", "SAVE").catch(() => undefined);
    await new Promise<void>((resolve) => (exited?.exitCode !== null ? resolve() : exited.once("exit", () => resolve())));
    server = null;
  }

  const redisCli = (...command: string[]) => run("redis-cli", ["-p", String(PRIVATE_REDIS_PORT), ...command]);

  afterEach(async () => {
    if (server) await stopRedis();
  });
  afterAll(() => fs.rmSync(directory, { recursive: true, force: true }));

  it("serves pages without the cache, logs once, and never serves a page from before a change it missed", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      await startRedis();
      const url = `redis://127.0.0.1:${PRIVATE_REDIS_PORT}`;
      const cache = instance(prefix(), url);
      await ready(cache);
      await cache.respond("/", async () => page("before the change"), always);
      expect(await cache.respond("/", async () => page("unused"), always)).toMatchObject({ outcome: "hit" });

      // Redis goes away with the page on disk; a change is announced meanwhile.
      const loggedBefore = errors.mock.calls.length;
      await stopRedis();
      for (let request = 0; request < 3; request += 1) {
        const served = await cache.respond("/", async () => page("rendered without the cache"), always);
        expect(served.outcome).toBe("bypass");
        expect(text(served.response)).toBe("rendered without the cache");
      }
      cache.invalidate();
      const failuresLogged = () => errors.mock.calls.slice(loggedBefore).filter(([message]) => String(message).includes("store failed"));
      await vi.waitFor(() => expect(failuresLogged()).toHaveLength(1));

      // Back from its snapshot, with the old page in it: that page must not be served.
      await startRedis();
      await vi.waitFor(
        async () => expect((await cache.respond("/", async () => page("after the change"), always)).outcome).not.toBe("bypass"),
        { timeout: 15_000, interval: 100 },
      );
      const served = await cache.respond("/", async () => page("later"), always);
      expect(text(served.response)).toBe("after the change");
      expect(failuresLogged()).toHaveLength(1);
    } finally {
      errors.mockRestore();
    }
  });
});
