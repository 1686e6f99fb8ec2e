import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { disconnect, prisma } from "@/lib/db/client";
import { todayUtc } from "@/lib/dates";
import { countFeedStatus, stopCountFeed } from "@/lib/data/count-feed";
import { recordArrest } from "@/lib/data/custody";
import { GET } from "./route";

/** The event stream, called as Next.js calls it, against the real database. */
afterAll(async () => {
  await stopCountFeed();
  await disconnect();
});

/** Reads server-sent events off a response body. */
function eventReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffered = "";
  return {
    /** The next `data:` message, parsed. */
    async next(): Promise<{ count: number; day: string }> {
      for (;;) {
        const end = buffered.indexOf("\n\n");
        if (end >= 0) {
          const event = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const data = event.split("\n").find((line) => line.startsWith("data: "));
          if (data) return JSON.parse(data.slice("data: ".length));
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error("the stream ended");
        buffered += decoder.decode(value, { stream: true });
      }
    },
  };
}

describe("GET /api/count/stream", () => {
  it("streams the count now, then the change, with headers that keep proxies from buffering", async () => {
    const client = new AbortController();
    const response = GET(new Request("http://localhost/api/count/stream", { signal: client.signal }));
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");

    const events = eventReader(response);
    const first = await events.next();
    expect(first.day).toBe(todayUtc());
    expect(Object.keys(first).sort()).toEqual(["computedAt", "count", "day", "lastRecordChange"]);

    const prisoner = await prisma.prisoner.create({
      data: { slug: `stream-${randomBytes(5).toString("hex")}`, fullName: "Stream Test Person", state: "PUBLISHED" },
    });
    await recordArrest({ kind: "process", label: "stream test" }, { prisonerId: prisoner.id, start: todayUtc() });
    expect((await events.next()).count).toBe(first.count + 1);
    client.abort();
  });

  it("lets go of its subscription when the client disconnects", async () => {
    const subscribersBefore = countFeedStatus().subscribers;
    const client = new AbortController();
    const response = GET(new Request("http://localhost/api/count/stream", { signal: client.signal }));
    await eventReader(response).next();
    expect(countFeedStatus().subscribers).toBe(subscribersBefore + 1);

    client.abort();
    expect(countFeedStatus().subscribers).toBe(subscribersBefore);
  });
});
