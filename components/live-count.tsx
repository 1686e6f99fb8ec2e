"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback, useRef, useSyncExternalStore } from "react";
import { formatCalendarDate, formatUtcTime, toIsoDay } from "@/lib/dates";

/**
 * Keeps the count on the page live. The server renders the current count into the HTML; this
 * opens ONE EventSource per page (/api/count/stream), shared by every place that shows the
 * count, and re-renders them when the stream brings a different count. Without JavaScript, or
 * when the stream fails, the server-rendered count stays as it was. One polite live region
 * (LiveCountAnnouncer) tells screen-reader users when the number changes.
 */
export type LiveCountValue = { count: number; computedAt: string; lastRecordChange: string | null };

/** `changed` counts the changes the stream brought, so that each one is announced. */
type Snapshot = { value: LiveCountValue | null; changed: number };

const NOTHING_YET: Snapshot = { value: null, changed: 0 };
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
  snapshot = { value, changed: changed ? snapshot.changed + 1 : snapshot.changed };
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

/** "24 October 2014, 09:05 UTC" in the page's language. */
function useTimestamp(): (iso: string) => string {
  const locale = useLocale();
  const t = useTranslations("date");
  return (iso) => {
    const instant = new Date(iso);
    const date = formatCalendarDate({ date: toIsoDay(instant), precision: "DAY" }, locale);
    return t("timestamp", { date, time: formatUtcTime(instant) });
  };
}

/** "As of …" for the number, and when the custody records last changed. */
export function LiveCountAsOf({ initial }: { initial: LiveCountValue }) {
  const current = useLiveCount(initial).value ?? initial;
  const t = useTranslations("count");
  const timestamp = useTimestamp();
  // The server's and the browser's date formatting may differ by a character; the browser's wins.
  return (
    <>
      {t.rich("asOf", {
        when: timestamp(current.computedAt),
        time: (text) => (
          <time dateTime={current.computedAt} suppressHydrationWarning>
            {text}
          </time>
        ),
      })}
      {current.lastRecordChange ? (
        <>
          {" · "}
          {t.rich("lastChanged", {
            when: timestamp(current.lastRecordChange),
            time: (text) => (
              <time dateTime={current.lastRecordChange ?? undefined} suppressHydrationWarning>
                {text}
              </time>
            ),
          })}
        </>
      ) : null}
    </>
  );
}

/** The page's one live region for the count: silent until the number changes. */
export function LiveCountAnnouncer({ initial }: { initial: LiveCountValue }) {
  const { value, changed } = useLiveCount(initial);
  const t = useTranslations("count");
  const timestamp = useTimestamp();
  const announcement = value && changed > 0 ? t("announcement", { count: value.count, time: timestamp(value.computedAt) }) : "";
  return (
    <div role="status" aria-live="polite" className="sr-only">
      {announcement}
    </div>
  );
}
