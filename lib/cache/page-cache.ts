/**
 * The public page cache (docs/decisions/0012-public-page-cache.md).
 *
 * Whole responses of public pages, kept per process and dropped, all at once, whenever the
 * database announces a committed change that a public page could show (lib/data/count-feed.ts
 * listens; migrations 20261127000200 and 20261127005000 notify). No clock decides freshness:
 * a page is served from here only while the listener is connected, and only if no change was
 * announced since it was rendered. A maximum age is a safety net for anything a notification
 * cannot announce.
 *
 * Framework-free on purpose: lib/cache/proxy.ts adapts it to requests. The store is this
 * process's memory, or Redis shared by several instances when HABEAS_REDIS_URL is set
 * (lib/cache/redis-store.ts, docs/decisions/0023-several-instances-and-faults.md).
 *
 * While the listener is not connected (the database is unreachable, for instance), nothing is
 * served from the cache as fresh: every request renders. Only when that render fails is the
 * stored page served instead, marked "stale", so that public pages outlive a database outage.
 */

import { RedisPageStore } from "./redis-store";

export type CachedResponse = {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
  /** Milliseconds since the epoch, when the response was stored. */
  storedAt: number;
};

/** What a store holds for a key, and the store's generation when it was read. */
export type StoreLookup = { response: CachedResponse | undefined; generation: string };

/**
 * Where rendered responses are kept: this process's memory (MemoryPageStore) or Redis shared by
 * several instances (RedisPageStore). The generation makes invalidation race-free: `clear()`
 * starts a new one, and `set` stores nothing unless the generation read before the page was
 * rendered is still current, checked atomically with the write.
 */
export interface PageCacheStore {
  get(key: string): StoreLookup | Promise<StoreLookup>;
  /** Stores value unless the store was cleared since `generation` was read. */
  set(key: string, value: CachedResponse, generation: string): void | Promise<void>;
  clear(): void | Promise<void>;
}

/** Least recently used entries go first once the total size passes the limit. */
export class MemoryPageStore implements PageCacheStore {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;
  private generation = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): StoreLookup {
    const entry = this.entries.get(key);
    if (entry) {
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return { response: entry, generation: String(this.generation) };
  }

  set(key: string, value: CachedResponse, generation: string): void {
    if (generation !== String(this.generation)) return;
    const size = sizeOf(key, value);
    if (size > this.maxBytes) return;
    this.remove(key);
    this.entries.set(key, value);
    this.bytes += size;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= sizeOf(oldest, entry);
    }
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
    this.bytes = 0;
  }

  get size() {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private remove(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= sizeOf(key, entry);
  }
}

function sizeOf(key: string, value: CachedResponse): number {
  return key.length * 2 + value.body.byteLength + value.headers.reduce((sum, [name, text]) => sum + (name.length + text.length) * 2, 0);
}

/**
 * hit: from the cache; miss: rendered and stored; bypass: rendered, the cache not in use;
 * stale: the render failed while the listener was down, so the last stored page was served.
 */
export type CacheOutcome = "hit" | "miss" | "bypass" | "stale";

export type PageCacheOptions = {
  store: PageCacheStore;
  /** Entries older than this are rendered again even if no change was announced. */
  maxAgeMs: number;
  now?: () => number;
};

export class PublicPageCache {
  private readonly store: PageCacheStore;
  private readonly maxAgeMs: number;
  private readonly now: () => number;
  /** Bumped by every invalidation; a render started under an older generation is not stored. */
  private generation = 0;
  private enabled = false;
  private readonly inFlight = new Map<string, Promise<CachedResponse>>();
  readonly stats = { hits: 0, misses: 0, bypasses: 0, stale: 0, invalidations: 0 };
  /** Set while the store fails; cleared by its next success. The failure is logged once per outage. */
  private storeFailing = false;

  constructor(options: PageCacheOptions) {
    this.store = options.store;
    this.maxAgeMs = options.maxAgeMs;
    this.now = options.now ?? Date.now;
  }

  /**
   * Turned on once the change listener is connected and the count it serves is current: the
   * pages stored so far are dropped, since changes made while it was not listening went
   * unannounced. Turned off when the listener is lost: nothing is served as fresh any more, and
   * renders under way are not stored, but the stored pages stay, for `respond` to fall back on
   * when rendering fails (the database is down) and for the other instances sharing the store.
   */
  setEnabled(enabled: boolean): void {
    if (enabled) {
      this.invalidate();
    } else {
      this.generation += 1;
    }
    this.enabled = enabled;
  }

  isEnabled(): boolean {
    return this.enabled;
  }

  /** Increases with every invalidation: values derived under another generation are stale. */
  currentGeneration(): number {
    return this.generation;
  }

  /** Drops every stored page; renders already under way are not stored. */
  invalidate(): void {
    this.generation += 1;
    this.stats.invalidations += 1;
    void this.attempt(() => this.store.clear());
  }

  /** Runs a store operation; a failure is logged once per outage and answers undefined. */
  private async attempt<T>(operation: () => T | Promise<T>): Promise<T | undefined> {
    try {
      const result = await operation();
      if (this.storeFailing) {
        this.storeFailing = false;
        console.error("[habeas] page cache: the store answers again");
      }
      return result;
    } catch (error) {
      if (!this.storeFailing) {
        this.storeFailing = true;
        console.error(`[habeas] page cache: the store failed (${(error as Error).message}); serving pages without it until it is back`);
      }
      return undefined;
    }
  }

  /**
   * The stored response for key when there is a current one, without rendering anything: the
   * proxy's fast path, before the language routing (a stored page was routed when it was filled).
   */
  async stored(key: string): Promise<CachedResponse | undefined> {
    if (!this.enabled) return undefined;
    const generation = this.generation;
    const stored = (await this.attempt(() => this.store.get(key)))?.response;
    if (stored && this.isYoung(stored) && generation === this.generation) {
      this.stats.hits += 1;
      return stored;
    }
    return undefined;
  }

  /**
   * The stored response for key, or a fresh one from render. Concurrent misses for one key share
   * one render. A response is stored only if it may be (storable) and no invalidation happened
   * while it was rendered.
   */
  async respond(
    key: string,
    render: () => Promise<CachedResponse>,
    storable: (response: CachedResponse) => boolean,
  ): Promise<{ response: CachedResponse; outcome: CacheOutcome }> {
    if (!this.enabled) return this.renderOrStale(key, render);
    const generation = this.generation;
    const lookup = await this.attempt(() => this.store.get(key));
    if (!lookup) {
      this.stats.bypasses += 1;
      return { response: await render(), outcome: "bypass" };
    }
    const stored = lookup.response;
    if (stored && this.isYoung(stored) && generation === this.generation) {
      this.stats.hits += 1;
      return { response: stored, outcome: "hit" };
    }
    this.stats.misses += 1;
    const flightKey = `${generation}\u0000${key}`;
    let flight = this.inFlight.get(flightKey);
    if (!flight) {
      flight = this.fill(key, generation, lookup.generation, render, storable).finally(() => this.inFlight.delete(flightKey));
      this.inFlight.set(flightKey, flight);
    }
    return { response: await flight, outcome: "miss" };
  }

  private isYoung(response: CachedResponse): boolean {
    return this.now() - response.storedAt < this.maxAgeMs;
  }

  /**
   * Without the listener: a fresh render, unless it fails (throws or answers 5xx, as when the
   * database is down) and a page younger than the maximum age is stored for this key.
   */
  private async renderOrStale(key: string, render: () => Promise<CachedResponse>): Promise<{ response: CachedResponse; outcome: CacheOutcome }> {
    let response: CachedResponse | undefined;
    let failure: unknown;
    try {
      response = await render();
    } catch (error) {
      failure = error;
    }
    if (!response || response.status >= 500) {
      const stored = (await this.attempt(() => this.store.get(key)))?.response;
      if (stored && this.isYoung(stored)) {
        this.stats.stale += 1;
        return { response: stored, outcome: "stale" };
      }
    }
    if (!response) throw failure;
    this.stats.bypasses += 1;
    return { response, outcome: "bypass" };
  }

  private async fill(
    key: string,
    generation: number,
    storeGeneration: string,
    render: () => Promise<CachedResponse>,
    storable: (response: CachedResponse) => boolean,
  ): Promise<CachedResponse> {
    const response = await render();
    if (this.enabled && generation === this.generation && storable(response)) {
      await this.attempt(() => this.store.set(key, response, storeGeneration));
    }
    return response;
  }
}

const DEFAULT_MAX_MEGABYTES = 256;
const DEFAULT_MAX_AGE_SECONDS = 3600;

function positiveNumber(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && text !== "" && Number.isFinite(value) && value >= 0 ? value : fallback;
}

// One cache per process, shared by the proxy and every route bundle (they run in one realm).
const globalForCache = globalThis as unknown as { [key: symbol]: PublicPageCache | undefined };
const CACHE_KEY = Symbol.for("habeas.publicPageCache");

/**
 * This process's page cache. HABEAS_PAGE_CACHE_MB (256) bounds its memory, 0 turns it off;
 * HABEAS_PAGE_CACHE_MAX_AGE (3600 s) bounds how long a page is kept without any change.
 * With HABEAS_REDIS_URL the pages are kept in Redis instead, shared by every instance with the
 * same HABEAS_REDIS_PREFIX ("habeas"); Redis's own maxmemory then bounds the total.
 */
export function publicPageCache(): PublicPageCache {
  let cache = globalForCache[CACHE_KEY];
  if (!cache) {
    const megabytes = positiveNumber(process.env.HABEAS_PAGE_CACHE_MB, DEFAULT_MAX_MEGABYTES);
    const maxAgeMs = positiveNumber(process.env.HABEAS_PAGE_CACHE_MAX_AGE, DEFAULT_MAX_AGE_SECONDS) * 1000;
    const redisUrl = process.env.HABEAS_REDIS_URL;
    const store: PageCacheStore =
      redisUrl && megabytes > 0
        ? new RedisPageStore({
            url: redisUrl,
            prefix: process.env.HABEAS_REDIS_PREFIX || "habeas",
            maxAgeMs,
            // This instance's own copies of shared pages: a small part of what it would keep alone.
            localBytes: Math.min(megabytes, 32) * 2 ** 20,
          })
        : new MemoryPageStore(megabytes * 2 ** 20);
    cache = new PublicPageCache({ store, maxAgeMs });
    globalForCache[CACHE_KEY] = cache;
  }
  return cache;
}

/**
 * A value computed from the public record and kept until the next announced change (the
 * directory's filter choices). Computed afresh every time while the listener is not connected.
 */
export function untilNextChange<T>(compute: () => Promise<T>): () => Promise<T> {
  let kept: { generation: number; value: Promise<T> } | null = null;
  return () => {
    const cache = publicPageCache();
    if (!cache.isEnabled()) return compute();
    const generation = cache.currentGeneration();
    if (kept?.generation === generation) return kept.value;
    const value = compute();
    kept = { generation, value };
    // A failure is not kept: the next call tries again.
    value.catch(() => {
      if (kept?.value === value) kept = null;
    });
    return value;
  };
}
