"use client";

import { useCallback, useRef, useSyncExternalStore } from "react";
import { formatUtcTimestamp } from "@/lib/dates";

/**
 * Keeps the count on the page live. The server renders the current count into the HTML; this
 * opens ONE EventSource per page (/api/count/stream), shared by every place that shows the
 * count, and re-renders them when the stream brings a different count. Without JavaScript, or
 * when the stream fails, the server-rendered count stays as it was. One polite live region
 * (LiveCountAnnouncer) tells screen-reader users when the number changes.
 */
export type LiveCountValue = { count: number; computedAt: string; lastRecordChange: string | null };

type Snapshot = { value: LiveCountValue | null; announcement: string };

const NOTHING_YET: Snapshot = { value: null, announcement: "" };
let snapshot = NOTHING_YET;
/** What the page shows now: the server's count until the stream brings another. */
let shown: LiveCountValue | null = null;
const listeners = new Set<() => void>();
let source: EventSource | null = null;

function receive(event: MessageEvent<string>) {
  let value: LiveCountValue;
  try {
    value = JSON.parse(event.data);
  } catch {
    return;
  }
  if (typeof value?.count !== "number") return;
  // The stream opens with the count the server already rendered: nothing to change or announce.
  if (shown && shown.count === value.count && shown.lastRecordChange === value.lastRecordChange) return;
  const changed = shown !== null && shown.count !== value.count;
  shown = value;
  snapshot = {
    value,
    announcement: changed
      ? `Imprisoned now: ${value.count}, as of ${formatUtcTimestamp(new Date(value.computedAt))}.`
      : snapshot.announcement,
  };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void, initial: LiveCountValue): () => void {
  shown ??= initial;
  listeners.add(listener);
  if (!source) {
    source = new EventSource("/api/count/stream");
    source.onmessage = receive;
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      source?.close();
      source = null;
    }
  };
}

function useLiveCount(initial: LiveCountValue): Snapshot {
  // The count first rendered on this page; later renders must not reopen the stream.
  const firstRendered = useRef(initial);
  const subscribeFromInitial = useCallback((listener: () => void) => subscribe(listener, firstRendered.current), []);
  return useSyncExternalStore(
    subscribeFromInitial,
    () => snapshot,
    () => NOTHING_YET,
  );
}

/** The number imprisoned now. */
export function LiveCount({ initial }: { initial: LiveCountValue }) {
  const { value } = useLiveCount(initial);
  return <>{(value ?? initial).count}</>;
}

/** "As of …" for the number, and when the custody records last changed. */
export function LiveCountAsOf({ initial }: { initial: LiveCountValue }) {
  const current = useLiveCount(initial).value ?? initial;
  return (
    <>
      As of <time dateTime={current.computedAt}>{formatUtcTimestamp(new Date(current.computedAt))}</time>
      {current.lastRecordChange ? (
        <>
          {" "}· custody records last changed{" "}
          <time dateTime={current.lastRecordChange}>{formatUtcTimestamp(new Date(current.lastRecordChange))}</time>
        </>
      ) : null}
    </>
  );
}

/** The page's one live region for the count: silent until the number changes. */
export function LiveCountAnnouncer({ initial }: { initial: LiveCountValue }) {
  const { announcement } = useLiveCount(initial);
  return (
    <div role="status" aria-live="polite" className="sr-only">
      {announcement}
    </div>
  );
}
