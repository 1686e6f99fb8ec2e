import { describe, expect, it } from "vitest";
import { MemoryPageStore, PublicPageCache, type CachedResponse } from "./page-cache";

const page = (text: string, status = 200): CachedResponse => ({
  status,
  headers: [["content-type", "text/html"]],
  body: new TextEncoder().encode(text),
  storedAt: Date.now(),
});
const text = (response: CachedResponse) => new TextDecoder().decode(response.body);
const always = () => true;

function enabledCache(maxAgeMs = 60_000, now?: () => number) {
  const cache = new PublicPageCache({ store: new MemoryPageStore(1 << 20), maxAgeMs, now });
  cache.setEnabled(true);
  return cache;
}

/** A render that waits until released, to hold it in flight. */
function heldRender(result: string) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  const render = async () => {
    calls += 1;
    await released;
    return page(result);
  };
  return { render, release, calls: () => calls };
}

describe("the public page cache", () => {
  it("renders on a miss, then serves the stored page until an invalidation", async () => {
    const cache = enabledCache();
    let version = 1;
    const render = async () => page(`version ${version}`);

    expect(await cache.respond("/", render, always)).toMatchObject({ outcome: "miss" });
    version = 2;
    const hit = await cache.respond("/", render, always);
    expect(hit.outcome).toBe("hit");
    expect(text(hit.response)).toBe("version 1");

    cache.invalidate();
    const after = await cache.respond("/", render, always);
    expect(after.outcome).toBe("miss");
    expect(text(after.response)).toBe("version 2");
  });

  it("answers a stored page without rendering, and nothing once invalidated, expired or switched off", async () => {
    let clock = 1_000;
    const cache = enabledCache(60_000, () => clock);
    expect(await cache.stored("/")).toBeUndefined();
    await cache.respond("/", async () => ({ ...page("home"), storedAt: clock }), always);
    const hitsBefore = cache.stats.hits;
    expect(text((await cache.stored("/"))!)).toBe("home");
    expect(cache.stats.hits).toBe(hitsBefore + 1);

    clock += 60_000;
    expect(await cache.stored("/")).toBeUndefined();

    clock = 1_000;
    await cache.respond("/about", async () => ({ ...page("about"), storedAt: clock }), always);
    expect(await cache.stored("/about")).toBeDefined();
    cache.invalidate();
    expect(await cache.stored("/about")).toBeUndefined();

    await cache.respond("/data", async () => ({ ...page("data"), storedAt: clock }), always);
    cache.setEnabled(false);
    expect(await cache.stored("/data")).toBeUndefined();
  });

  it("does not store a page whose render began before an invalidation", async () => {
    const cache = enabledCache();
    const stale = heldRender("rendered before the change");
    const pending = cache.respond("/prisoners", stale.render, always);
    await Promise.resolve();
    cache.invalidate();
    stale.release();
    expect(text((await pending).response)).toBe("rendered before the change");

    const next = await cache.respond("/prisoners", async () => page("rendered after the change"), always);
    expect(next.outcome).toBe("miss");
    expect(text(next.response)).toBe("rendered after the change");
  });

  it("shares one render among concurrent misses for the same key, not across an invalidation", async () => {
    const cache = enabledCache();
    const first = heldRender("one render");
    const a = cache.respond("/x", first.render, always);
    const b = cache.respond("/x", first.render, always);
    await Promise.resolve();
    cache.invalidate();
    const second = heldRender("after the change");
    const c = cache.respond("/x", second.render, always);
    first.release();
    second.release();
    const [ra, rb, rc] = await Promise.all([a, b, c]);
    expect(first.calls()).toBe(1);
    expect(second.calls()).toBe(1);
    expect(text(ra.response)).toBe("one render");
    expect(text(rb.response)).toBe("one render");
    expect(text(rc.response)).toBe("after the change");
  });

  it("stores nothing and serves nothing while disabled (no listener), and drops everything when turned off", async () => {
    const cache = new PublicPageCache({ store: new MemoryPageStore(1 << 20), maxAgeMs: 60_000 });
    expect(await cache.respond("/", async () => page("a"), always)).toMatchObject({ outcome: "bypass" });
    expect(await cache.respond("/", async () => page("b"), always)).toMatchObject({ outcome: "bypass" });

    cache.setEnabled(true);
    await cache.respond("/", async () => page("c"), always);
    expect(await cache.respond("/", async () => page("d"), always)).toMatchObject({ outcome: "hit" });
    cache.setEnabled(false);
    cache.setEnabled(true);
    const after = await cache.respond("/", async () => page("e"), always);
    expect(after.outcome).toBe("miss");
    expect(text(after.response)).toBe("e");
  });

  it("keeps only what may be stored, and renders again past the maximum age", async () => {
    let now = 1_000_000;
    const cache = enabledCache(10_000, () => now);
    const okOnly = (response: CachedResponse) => response.status === 200;
    await cache.respond("/missing", async () => page("not found", 404), okOnly);
    expect(await cache.respond("/missing", async () => page("not found", 404), okOnly)).toMatchObject({ outcome: "miss" });

    await cache.respond("/old", async () => ({ ...page("old"), storedAt: now }), okOnly);
    now += 9_999;
    expect(await cache.respond("/old", async () => page("new"), okOnly)).toMatchObject({ outcome: "hit" });
    now += 2;
    expect(text((await cache.respond("/old", async () => page("new"), okOnly)).response)).toBe("new");
  });
});

describe("the memory store", () => {
  it("drops the least recently used pages past its size", () => {
    const store = new MemoryPageStore(3_000);
    const kilobyte = (name: string) => ({ ...page("x".repeat(900)), headers: [] as [string, string][], body: new Uint8Array(900), storedAt: name.length });
    const generation = store.get("a").generation;
    store.set("a", kilobyte("a"), generation);
    store.set("b", kilobyte("b"), generation);
    store.set("c", kilobyte("c"), generation);
    store.get("a");
    store.set("d", kilobyte("d"), generation);
    expect(store.get("b").response).toBeUndefined();
    expect(store.get("a").response).toBeDefined();
    expect(store.get("c").response).toBeDefined();
    expect(store.get("d").response).toBeDefined();
    expect(store.size.bytes).toBeLessThanOrEqual(3_000);
  });

  it("stores nothing read under a generation that a clear has ended", () => {
    const store = new MemoryPageStore(1 << 20);
    const before = store.get("/").generation;
    store.clear();
    store.set("/", page("rendered before the clear"), before);
    expect(store.get("/").response).toBeUndefined();
  });
});

describe("without the listener (the database unreachable)", () => {
  it("renders every request, and serves the stored page, marked stale, only when the render fails", async () => {
    const cache = enabledCache();
    await cache.respond("/", async () => page("stored"), always);
    cache.setEnabled(false);

    const fresh = await cache.respond("/", async () => page("rendered"), always);
    expect(fresh).toMatchObject({ outcome: "bypass" });
    expect(text(fresh.response)).toBe("rendered");

    const failed = await cache.respond("/", async () => page("error page", 500), always);
    expect(failed.outcome).toBe("stale");
    expect(text(failed.response)).toBe("stored");

    const thrown = await cache.respond("/", async () => Promise.reject(new Error("connection refused")), always);
    expect(text(thrown.response)).toBe("stored");

    // Nothing stored for this page: the failure is passed on.
    expect(await cache.respond("/courts", async () => page("error page", 500), always)).toMatchObject({ outcome: "bypass" });
    await expect(cache.respond("/courts", async () => Promise.reject(new Error("down")), always)).rejects.toThrow("down");

    // Back: what was stored is dropped, since changes made meanwhile were not announced.
    cache.setEnabled(true);
    expect(await cache.respond("/", async () => page("after"), always)).toMatchObject({ outcome: "miss" });
  });
});
