import "server-only";
import { cache } from "react";
import pg from "pg";
import { publicPageCache } from "../cache/page-cache";
import { databaseConfig } from "../db/config";
import { todayUtc, type IsoDay } from "../dates";
import { countImprisoned, type ImprisonedCount } from "./custody-status";

/**
 * The live count (docs/decisions/0007-live-count.md).
 *
 * The database announces every committed change that can move the count on the channel
 * habeas_count (migration 20261127000200_count_notifications). Each app process keeps ONE
 * dedicated connection that LISTENs to it, opened when the first subscriber arrives, and fans
 * every new count out to all subscribers in the process (the open pages' event streams).
 * A burst of notifications causes one recount. If the listening connection drops, it reconnects
 * with backoff and recounts, so nothing committed meanwhile is missed.
 *
 * The same connection LISTENs to habeas_content (migration 20261127005000_content_notifications),
 * announced by every committed change to what public pages show. Both drive the public page
 * cache (lib/cache/page-cache.ts, docs/decisions/0012-public-page-cache.md): it is on only while
 * this connection listens, and is emptied after every recount and every content change. Once
 * a page has asked for the count (countImprisonedNow), the connection stays open for the life of
 * the process and the count is served from memory.
 *
 * The embedded server delivers notifications across connections too (lib/db/notification-relay.ts),
 * so this module has one code path for both databases.
 */

export const COUNT_CHANNEL = "habeas_count";
export const CONTENT_CHANNEL = "habeas_content";

/** What the public API and the event stream publish: the count and its provenance, nothing else. */
export type PublicCount = {
  count: number;
  /** The calendar day counted (UTC). */
  day: IsoDay;
  /** When the count was computed, ISO 8601. */
  computedAt: string;
  /** The latest change to a published custody record, ISO 8601, or null. */
  lastRecordChange: string | null;
};

export function toPublicCount(count: ImprisonedCount): PublicCount {
  return {
    count: count.count,
    day: count.on,
    computedAt: count.computedAt.toISOString(),
    lastRecordChange: count.lastRecordChange?.toISOString() ?? null,
  };
}

/**
 * The count now, once per request however many components show it: from memory while the
 * listener is connected (kept current by notifications), otherwise from the database.
 */
export const countImprisonedNow = cache(() => feed().current());

/** Coalesces a burst of notifications (one transaction per arrest, a bulk import) into one recount. */
const RECOUNT_DELAY_MS = 100;
/** Keeps the listening connection briefly after the last subscriber leaves (page navigation). */
const IDLE_CLOSE_MS = 30_000;
const RECONNECT_FIRST_MS = 250;
const RECONNECT_MAX_MS = 30_000;

export type CountListener = (count: PublicCount) => void;

type Subscriber = { listener: CountListener; lastSent: string | null };

type FeedState = "closed" | "connecting" | "listening" | "waiting-to-reconnect";

const sameCount = (count: PublicCount) => `${count.count}|${count.day}|${count.lastRecordChange}`;

class CountFeed {
  private readonly subscribers = new Set<Subscriber>();
  private state: FeedState = "closed";
  private client: pg.Client | null = null;
  private latest: PublicCount | null = null;
  private latestCount: ImprisonedCount | null = null;
  /** Set once the count is served from memory: the connection then stays open. */
  private pinned = false;
  /** Recounts since the connection was (re)opened; the first one turns the page cache on. */
  private recountsSinceConnect = 0;
  private contentTimer: NodeJS.Timeout | null = null;
  private failedAttempts = 0;
  private recountTimer: NodeJS.Timeout | null = null;
  private recounting = false;
  private recountAgain = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private midnightTimer: NodeJS.Timeout | null = null;
  /** Recounts done since the process started (diagnostics and tests). */
  recounts = 0;

  subscribe(listener: CountListener): () => void {
    const subscriber: Subscriber = { listener, lastSent: null };
    this.subscribers.add(subscriber);
    this.clearTimer("idleTimer");
    if (this.state === "closed") {
      void this.connect();
    } else if (this.state === "listening" && this.latest) {
      // Every change since this value was computed has a recount pending, which will follow.
      const latest = this.latest;
      queueMicrotask(() => {
        if (this.subscribers.has(subscriber)) this.send(subscriber, latest);
      });
    } else {
      // Not listening yet (or any more): count now rather than make the page wait.
      this.scheduleRecount(0);
    }
    return () => {
      if (!this.subscribers.delete(subscriber)) return;
      if (this.subscribers.size === 0 && !this.pinned) {
        this.idleTimer = setTimeout(() => void this.close(), IDLE_CLOSE_MS);
        this.idleTimer.unref();
      }
    };
  }

  status() {
    return { state: this.state, subscribers: this.subscribers.size, recounts: this.recounts, pinned: this.pinned };
  }

  /** The count now: the last one computed while listening, or a fresh one when not listening. */
  async current(): Promise<ImprisonedCount> {
    this.pinned = true;
    this.clearTimer("idleTimer");
    if (this.state === "closed") void this.connect();
    const latest = this.latestCount;
    if (this.state === "listening" && latest && latest.on === todayUtc()) return latest;
    return countImprisoned();
  }

  async close(): Promise<void> {
    for (const timer of ["recountTimer", "reconnectTimer", "idleTimer", "midnightTimer", "contentTimer"] as const) this.clearTimer(timer);
    if (this.state !== "closed") publicPageCache().setEnabled(false);
    this.state = "closed";
    this.pinned = false;
    this.latest = null;
    this.latestCount = null;
    this.failedAttempts = 0;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    this.state = "connecting";
    const client = new pg.Client({
      connectionString: databaseConfig().url,
      application_name: "habeas-count-feed",
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    this.client = client;
    client.on("notification", (notification) => {
      if (notification.channel === COUNT_CHANNEL) this.scheduleRecount(RECOUNT_DELAY_MS);
      if (notification.channel === CONTENT_CHANNEL) this.scheduleContentChange();
    });
    client.on("error", (error) => this.connectionLost(client, error));
    client.on("end", () => this.connectionLost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${COUNT_CHANNEL}`);
      await client.query(`LISTEN ${CONTENT_CHANNEL}`);
    } catch (error) {
      this.connectionLost(client, error as Error);
      return;
    }
    if (this.client !== client) return;
    this.state = "listening";
    this.failedAttempts = 0;
    this.recountsSinceConnect = 0;
    this.scheduleMidnightRecount();
    // Whatever changed before LISTEN took effect is in this recount.
    this.scheduleRecount(0);
  }

  private connectionLost(client: pg.Client, error?: Error) {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners("notification");
    client.on("error", () => undefined);
    void client.end().catch(() => undefined);
    this.clearTimer("midnightTimer");
    this.clearTimer("contentTimer");
    // Changes would go unannounced: no page is served from the cache until the listener is back.
    publicPageCache().setEnabled(false);
    this.latestCount = null;
    if (this.subscribers.size === 0 && !this.pinned) {
      void this.close();
      return;
    }
    const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** this.failedAttempts) * (0.75 + Math.random() / 2);
    this.failedAttempts += 1;
    console.error(
      `[habeas] live count: listening connection lost${error ? ` (${error.message})` : ""}; reconnecting in ${Math.round(delay)} ms`,
    );
    this.state = "waiting-to-reconnect";
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.state === "waiting-to-reconnect") void this.connect();
    }, delay);
    this.reconnectTimer.unref();
  }

  private scheduleRecount(delay: number) {
    if (this.recounting) {
      this.recountAgain = true;
      return;
    }
    if (this.recountTimer) return;
    this.recountTimer = setTimeout(() => {
      this.recountTimer = null;
      void this.recount();
    }, delay);
  }

  private async recount() {
    this.recounting = true;
    try {
      const imprisoned = await countImprisoned();
      const count = toPublicCount(imprisoned);
      this.recounts += 1;
      if (this.state === "closed") return;
      this.latest = count;
      if (this.state === "listening") {
        this.latestCount = imprisoned;
        // Pages rendered from now on show this count; pages rendered before may not.
        if (this.recountsSinceConnect === 0) publicPageCache().setEnabled(true);
        else publicPageCache().invalidate();
        this.recountsSinceConnect += 1;
      }
      for (const subscriber of this.subscribers) this.send(subscriber, count);
    } catch (error) {
      // Open pages keep the last count; the next notification or reconnection tries again.
      // Served pages must not: the count is read from the database until a recount succeeds.
      this.latestCount = null;
      if (this.state === "listening" && this.recountsSinceConnect > 0) publicPageCache().invalidate();
      console.error(`[habeas] live count: could not recount (${(error as Error).message})`);
    } finally {
      this.recounting = false;
      if (this.recountAgain) {
        this.recountAgain = false;
        this.scheduleRecount(RECOUNT_DELAY_MS);
      }
    }
  }

  /** A burst of content changes (an import, one edit touching several tables) empties the page cache once. */
  private scheduleContentChange() {
    if (this.contentTimer) return;
    this.contentTimer = setTimeout(() => {
      this.contentTimer = null;
      publicPageCache().invalidate();
    }, RECOUNT_DELAY_MS);
  }

  private send(subscriber: Subscriber, count: PublicCount) {
    const key = sameCount(count);
    if (subscriber.lastSent === key) return;
    subscriber.lastSent = key;
    try {
      subscriber.listener(count);
    } catch (error) {
      console.error(`[habeas] live count: a subscriber failed (${(error as Error).message})`);
    }
  }

  /** "Now" moves at midnight UTC: periods ending today stop counting without any write. */
  private scheduleMidnightRecount() {
    this.clearTimer("midnightTimer");
    const now = new Date();
    const nextMidnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    this.midnightTimer = setTimeout(() => {
      this.scheduleRecount(0);
      this.scheduleMidnightRecount();
    }, nextMidnight - now.getTime() + 1_000);
    this.midnightTimer.unref();
  }

  private clearTimer(name: "recountTimer" | "reconnectTimer" | "idleTimer" | "midnightTimer" | "contentTimer") {
    const timer = this[name];
    if (timer) clearTimeout(timer);
    this[name] = null;
  }
}

// One feed per process, shared by every route bundle and kept across hot reloads in development.
const globalForFeed = globalThis as unknown as { habeasCountFeed?: CountFeed };
const feed = (): CountFeed => (globalForFeed.habeasCountFeed ??= new CountFeed());

/**
 * Calls listener with the current count as soon as it is known, then with every change, until
 * the returned function is called.
 */
export function subscribeToCount(listener: CountListener): () => void {
  return feed().subscribe(listener);
}

export function countFeedStatus() {
  return feed().status();
}

/** Closes the listening connection now (scripts and tests; the app keeps it while it is used). */
export async function stopCountFeed(): Promise<void> {
  await globalForFeed.habeasCountFeed?.close();
}
