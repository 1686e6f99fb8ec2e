import { subscribeToCount } from "@/lib/data/count-feed";

export const dynamic = "force-dynamic";

/** Keeps proxies and load balancers from closing a quiet stream. */
const HEARTBEAT_MS = 25_000;

/**
 * Server-Sent Events: the count now, then every change, as `data: {count, day, computedAt,
 * lastRecordChange}` messages, with a comment line as heartbeat. All streams of this process
 * share one database listener (lib/data/count-feed.ts).
 */
export function GET(request: Request): Response {
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let stopped = false;
      const write = (text: string) => {
        if (stopped) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      // How long the browser waits before reconnecting after the stream breaks.
      write("retry: 5000\n\n");
      const unsubscribe = subscribeToCount((count) => write(`data: ${JSON.stringify(count)}\n\n`));
      const heartbeat = setInterval(() => write(": heartbeat\n\n"), HEARTBEAT_MS);
      stop = () => {
        if (stopped) return;
        stopped = true;
        clearInterval(heartbeat);
        unsubscribe();
        request.signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      if (request.signal.aborted) stop();
      else request.signal.addEventListener("abort", stop);
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
