import { createHash, randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { CachedResponse, PageCacheStore, StoreLookup } from "./page-cache";

/**
 * The public page cache's store in Redis, shared by every app instance that uses the same
 * server and prefix (docs/decisions/0023-several-instances-and-faults.md).
 *
 * Keys, under the prefix P:
 *   P:generation            a random token; every instance's listener replaces it on each change
 *   P:page:<gen>:<hash>     one rendered response, written only while <gen> is current,
 *                           expiring after the maximum age (PX)
 * Reading the generation and the entry is one script, and so is "store if the generation is
 * still the one read before rendering": a page rendered from data read before a change can never
 * become visible after the change is announced by any instance. Entries of old generations are
 * never read again and expire.
 *
 * Each instance also keeps the pages it read or wrote in a small memory of its own (the L1),
 * tagged with the generation they belong to. A lookup tells the script which generation its copy
 * has; when that is still current the script answers without the page, so a hit costs one short
 * round trip instead of moving the page. A generation is a random token, never reused, so a copy
 * can only match the generation it was made under, even after Redis lost or restored its data.
 *
 * Redis failing never fails a request: every method rejects quickly (no offline queue, a short
 * command timeout) and the cache then renders without the store. Because a clear that did not
 * reach Redis, or a Redis restarted from an older snapshot, could leave old pages current, the
 * store bumps the generation itself before it reads or writes again after any failure or
 * reconnection.
 */

/** A page larger than this is rendered every time rather than stored. */
export const MAX_ENTRY_BYTES = 4 * 2 ** 20;

/**
 * KEYS[1] the generation; ARGV: entry prefix, hash, a fresh token in case there is no generation
 * yet, and the generation of this instance's own copy ('' if none). Answers {generation, 1} when
 * that copy is current, {generation, page} when Redis has the page, {generation} otherwise.
 */
const LOOKUP_SCRIPT = `
local generation = redis.call('GET', KEYS[1])
if not generation then
  redis.call('SET', KEYS[1], ARGV[3])
  generation = ARGV[3]
end
if ARGV[4] ~= '' and ARGV[4] == generation then return {generation, 1} end
return {generation, redis.call('GET', ARGV[1] .. generation .. ':' .. ARGV[2])}`;

const STORE_SCRIPT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
return 1`;

type Scripts = {
  habeasLookupBuffer(
    generationKey: string,
    entryPrefix: string,
    hash: string,
    freshGeneration: string,
    localGeneration: string,
  ): Promise<[Buffer, Buffer | number | null | undefined]>;
  habeasStore(generationKey: string, entryKey: string, generation: string, value: Buffer, ttlMs: number): Promise<number>;
};

/** This instance's copies, all of one generation, least recently used dropped past the size. */
class LocalCopies {
  private generation = "";
  private readonly entries = new Map<string, { response: CachedResponse; size: number }>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The generation the copy of `hash` belongs to, or '' when there is none. */
  generationOf(hash: string): string {
    return this.entries.has(hash) ? this.generation : "";
  }

  get(hash: string, generation: string): CachedResponse | undefined {
    if (generation !== this.generation) return undefined;
    const entry = this.entries.get(hash);
    if (!entry) return undefined;
    this.entries.delete(hash);
    this.entries.set(hash, entry);
    return entry.response;
  }

  put(hash: string, generation: string, response: CachedResponse, size: number) {
    if (generation !== this.generation) {
      this.clear();
      this.generation = generation;
    }
    if (size > this.maxBytes) return;
    const old = this.entries.get(hash);
    if (old) this.bytes -= old.size;
    this.entries.delete(hash);
    this.entries.set(hash, { response, size });
    this.bytes += size;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.size;
    }
  }

  clear() {
    this.entries.clear();
    this.bytes = 0;
    this.generation = "";
  }
}

export type RedisPageStoreOptions = {
  url: string;
  /** Separates deployments (and test runs) sharing one Redis. */
  prefix: string;
  /** Time to live of a stored page. */
  maxAgeMs: number;
  maxEntryBytes?: number;
  /** Memory for this instance's own copies (default 32 MiB; 0 keeps none). */
  localBytes?: number;
};

export class RedisPageStore implements PageCacheStore {
  private readonly redis: Redis & Scripts;
  private readonly generationKey: string;
  private readonly entryPrefix: string;
  private readonly maxAgeMs: number;
  private readonly maxEntryBytes: number;
  /** True until a new generation has been started since the last failure or (re)connection. */
  private mustBump = true;
  private readonly local: LocalCopies;

  constructor(options: RedisPageStoreOptions) {
    this.generationKey = `${options.prefix}:generation`;
    this.entryPrefix = `${options.prefix}:page:`;
    this.maxAgeMs = Math.max(1, Math.round(options.maxAgeMs));
    this.maxEntryBytes = options.maxEntryBytes ?? MAX_ENTRY_BYTES;
    this.local = new LocalCopies(options.localBytes ?? 32 * 2 ** 20);
    const redis = new Redis(options.url, {
      // Fail at once while disconnected instead of queueing requests behind a dead server.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 1_000,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(250 * 2 ** attempt, 10_000),
    });
    redis.defineCommand("habeasLookup", { numberOfKeys: 1, lua: LOOKUP_SCRIPT });
    redis.defineCommand("habeasStore", { numberOfKeys: 2, lua: STORE_SCRIPT });
    // Failures surface through the commands (and are logged once by the cache); without a
    // listener ioredis would print every reconnection attempt.
    redis.on("error", () => undefined);
    redis.on("ready", () => this.mustStartGeneration());
    this.redis = redis as Redis & Scripts;
  }

  async get(key: string): Promise<StoreLookup> {
    await this.bumpIfNeeded();
    const hashed = hash(key);
    const [reply, value] = await this.redis.habeasLookupBuffer(
      this.generationKey,
      this.entryPrefix,
      hashed,
      randomUUID(),
      this.local.generationOf(hashed),
    );
    const generation = reply.toString();
    if (value === 1) return { generation, response: this.local.get(hashed, generation) };
    if (!Buffer.isBuffer(value)) return { generation, response: undefined };
    const response = decode(value);
    this.local.put(hashed, generation, response, value.byteLength);
    return { generation, response };
  }

  async set(key: string, value: CachedResponse, generation: string): Promise<void> {
    if (this.mustBump) return;
    const encoded = encode(value);
    if (encoded.byteLength > this.maxEntryBytes) return;
    const hashed = hash(key);
    const stored = await this.redis.habeasStore(this.generationKey, `${this.entryPrefix}${generation}:${hashed}`, generation, encoded, this.maxAgeMs);
    if (stored === 1) this.local.put(hashed, generation, value, encoded.byteLength);
  }

  async clear(): Promise<void> {
    this.local.clear();
    try {
      await this.redis.set(this.generationKey, randomUUID());
      this.mustBump = false;
    } catch (error) {
      this.mustStartGeneration();
      throw error;
    }
  }

  private mustStartGeneration() {
    this.mustBump = true;
    this.local.clear();
  }

  /** Closes the connection (tests and scripts). */
  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private async bumpIfNeeded() {
    if (this.mustBump) await this.clear();
  }
}

function hash(key: string): string {
  return createHash("sha256").update(key).digest("base64url");
}

/** [4-byte length of the JSON head][head: status, headers, storedAt][body]. */
export function encode(value: CachedResponse): Buffer {
  const head = Buffer.from(JSON.stringify({ status: value.status, headers: value.headers, storedAt: value.storedAt }));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(head.byteLength);
  return Buffer.concat([length, head, value.body]);
}

export function decode(buffer: Buffer): CachedResponse {
  const headLength = buffer.readUInt32BE(0);
  const head = JSON.parse(buffer.subarray(4, 4 + headLength).toString("utf8")) as Omit<CachedResponse, "body">;
  return { ...head, body: new Uint8Array(buffer.buffer, buffer.byteOffset + 4 + headLength, buffer.byteLength - 4 - headLength) };
}
