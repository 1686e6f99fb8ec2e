import { createHash } from "node:crypto";
import { Redis } from "ioredis";
import type { CachedResponse, PageCacheStore, StoreLookup } from "./page-cache";

/**
 * The public page cache's store in Redis, shared by every app instance that uses the same
 * server and prefix (docs/decisions/0023-several-instances-and-faults.md).
 *
 * Keys, under the prefix P:
 *   P:generation            a counter; every instance's listener INCRs it on each change
 *   P:page:<gen>:<hash>     one rendered response, written only while <gen> is current,
 *                           expiring after the maximum age (PX)
 * Reading the generation and the entry is one script, and so is "store if the generation is
 * still the one read before rendering": a page rendered from data read before a change can never
 * become visible after the change is announced by any instance. Entries of old generations are
 * never read again and expire.
 *
 * Redis failing never fails a request: every method rejects quickly (no offline queue, a short
 * command timeout) and the cache then renders without the store. Because a clear that did not
 * reach Redis, or a Redis restarted from an older snapshot, could leave old pages current, the
 * store bumps the generation itself before it reads or writes again after any failure or
 * reconnection.
 */

/** A page larger than this is rendered every time rather than stored. */
export const MAX_ENTRY_BYTES = 4 * 2 ** 20;

const LOOKUP_SCRIPT = `
local generation = redis.call('GET', KEYS[1]) or '0'
return {generation, redis.call('GET', ARGV[1] .. generation .. ':' .. ARGV[2])}`;

const STORE_SCRIPT = `
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
return 1`;

type Scripts = {
  habeasLookupBuffer(generationKey: string, entryPrefix: string, hash: string): Promise<[Buffer, Buffer | null | undefined]>;
  habeasStore(generationKey: string, entryKey: string, generation: string, value: Buffer, ttlMs: number): Promise<number>;
};

export type RedisPageStoreOptions = {
  url: string;
  /** Separates deployments (and test runs) sharing one Redis. */
  prefix: string;
  /** Time to live of a stored page. */
  maxAgeMs: number;
  maxEntryBytes?: number;
};

export class RedisPageStore implements PageCacheStore {
  private readonly redis: Redis & Scripts;
  private readonly generationKey: string;
  private readonly entryPrefix: string;
  private readonly maxAgeMs: number;
  private readonly maxEntryBytes: number;
  /** True until a new generation has been started since the last failure or (re)connection. */
  private mustBump = true;

  constructor(options: RedisPageStoreOptions) {
    this.generationKey = `${options.prefix}:generation`;
    this.entryPrefix = `${options.prefix}:page:`;
    this.maxAgeMs = Math.max(1, Math.round(options.maxAgeMs));
    this.maxEntryBytes = options.maxEntryBytes ?? MAX_ENTRY_BYTES;
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
    redis.on("ready", () => {
      this.mustBump = true;
    });
    this.redis = redis as Redis & Scripts;
  }

  async get(key: string): Promise<StoreLookup> {
    await this.bumpIfNeeded();
    const [generation, value] = await this.redis.habeasLookupBuffer(this.generationKey, this.entryPrefix, hash(key));
    return { generation: generation.toString(), response: value ? decode(value) : undefined };
  }

  async set(key: string, value: CachedResponse, generation: string): Promise<void> {
    if (this.mustBump) return;
    const encoded = encode(value);
    if (encoded.byteLength > this.maxEntryBytes) return;
    await this.redis.habeasStore(this.generationKey, `${this.entryPrefix}${generation}:${hash(key)}`, generation, encoded, this.maxAgeMs);
  }

  async clear(): Promise<void> {
    try {
      await this.redis.incr(this.generationKey);
      this.mustBump = false;
    } catch (error) {
      this.mustBump = true;
      throw error;
    }
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
