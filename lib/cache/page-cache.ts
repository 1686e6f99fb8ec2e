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
 * Framework-free on purpose: lib/cache/proxy.ts adapts it to requests, and the store is a seam
 * for a shared cache (see PageCacheStore).
 */

export type CachedResponse = {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
  /** Milliseconds since the epoch, when the response was stored. */
  storedAt: number;
};

/**
 * Where rendered responses are kept. The default keeps them in this process's memory. A store
 * shared by several instances (Redis) would implement the same three methods; see the decision
 * record for how invalidation then works.
 */
export interface PageCacheStore {
  get(key: string): CachedResponse | undefined | Promise<CachedResponse | undefined>;
  set(key: string, value: CachedResponse): void | Promise<void>;
  clear(): void | Promise<void>;
}

/** Least recently used entries go first once the total size passes the limit. */
export class MemoryPageStore implements PageCacheStore {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, value: CachedResponse): void {
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

export type CacheOutcome = "hit" | "miss" | "bypass";

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
  readonly stats = { hits: 0, misses: 0, bypasses: 0, invalidations: 0 };

  constructor(options: PageCacheOptions) {
    this.store = options.store;
    this.maxAgeMs = options.maxAgeMs;
    this.now = options.now ?? Date.now;
  }

  /**
   * Turned on once the change listener is connected and the count it serves is current; turned
   * off when the listener is lost, because changes would then go unannounced. Either way the
   * pages stored so far are dropped.
   */
  setEnabled(enabled: boolean): void {
    this.invalidate();
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
    void Promise.resolve(this.store.clear()).catch((error: Error) => {
      console.error(`[habeas] page cache: could not clear the store (${error.message})`);
    });
  }

  /**
   * The stored response for key when there is a current one, without rendering anything: the
   * proxy's fast path, before the language routing (a stored page was routed when it was filled).
   */
  async stored(key: string): Promise<CachedResponse | undefined> {
    if (!this.enabled) return undefined;
    const generation = this.generation;
    const stored = await this.store.get(key);
    if (stored && this.now() - stored.storedAt < this.maxAgeMs && generation === this.generation) {
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
    if (!this.enabled) {
      this.stats.bypasses += 1;
      return { response: await render(), outcome: "bypass" };
    }
    const generation = this.generation;
    const stored = await this.stored(key);
    if (stored) return { response: stored, outcome: "hit" };
    this.stats.misses += 1;
    const flightKey = `${generation}\u0000${key}`;
    let flight = this.inFlight.get(flightKey);
    if (!flight) {
      flight = this.fill(key, generation, render, storable).finally(() => this.inFlight.delete(flightKey));
      this.inFlight.set(flightKey, flight);
    }
    return { response: await flight, outcome: "miss" };
  }

  private async fill(
    key: string,
    generation: number,
    render: () => Promise<CachedResponse>,
    storable: (response: CachedResponse) => boolean,
  ): Promise<CachedResponse> {
    const response = await render();
    if (this.enabled && generation === this.generation && storable(response)) {
      await Promise.resolve(this.store.set(key, response)).catch((error: Error) => {
        console.error(`[habeas] page cache: could not store a page (${error.message})`);
      });
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
 */
export function publicPageCache(): PublicPageCache {
  let cache = globalForCache[CACHE_KEY];
  if (!cache) {
    const megabytes = positiveNumber(process.env.HABEAS_PAGE_CACHE_MB, DEFAULT_MAX_MEGABYTES);
    cache = new PublicPageCache({
      store: new MemoryPageStore(megabytes * 2 ** 20),
      maxAgeMs: positiveNumber(process.env.HABEAS_PAGE_CACHE_MAX_AGE, DEFAULT_MAX_AGE_SECONDS) * 1000,
    });
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
