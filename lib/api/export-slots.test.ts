import { afterAll, describe, expect, it } from "vitest";
import { GET as exportCsv, HEAD as exportCsvHead } from "@/app/api/v1/export/prisoners.csv/route";
import { disconnect } from "@/lib/db/client";
import { call } from "@/scripts/test-support/api";
import { ExportSlots, ExportStalled, exportSlots, givingBackAtEnd } from "./export-slots";

afterAll(disconnect);

describe("export slots", () => {
  it("bound the exports in all and per address, and each slot is given back once", () => {
    const slots = new ExportSlots(3, 2);
    const a1 = slots.take("a")!;
    const a2 = slots.take("a")!;
    expect(slots.take("a")).toBeNull();
    const b1 = slots.take("b")!;
    expect(slots.take("c")).toBeNull();
    a1();
    a1();
    expect(slots.inUse).toBe(2);
    expect(slots.take("a")).not.toBeNull();
    a2();
    b1();
  });

  it("an address asking for a third export at once gets 429, until one of its downloads ends", async () => {
    const from = (address: string) => call(exportCsv, "/export/prisoners.csv", { headers: { "x-forwarded-for": address } });
    const first = await from("203.0.113.50");
    const second = await from("203.0.113.50");
    expect([first.status, second.status]).toEqual([200, 200]);

    const refused = await from("203.0.113.50");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("10");
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(await refused.json()).toMatchObject({ status: 429, title: "Too many exports at once" });

    // Another address is not held back by this one.
    const other = await from("198.51.100.50");
    expect(other.status).toBe(200);
    await other.body!.cancel();

    // A download read to its end, and one cancelled, each give their slot back.
    expect((await first.text()).split("\n")[0]).toContain("slug");
    await second.body!.cancel();
    expect(exportSlots().inUse).toBe(0);
    const again = await from("203.0.113.50");
    expect(again.status).toBe(200);
    await again.body!.cancel();
    expect(exportSlots().inUse).toBe(0);
  });

  it("HEAD answers the headers without taking a slot, and refuses a bad query as GET does", async () => {
    const head = await call(exportCsvHead, "/export/prisoners.csv?status=imprisoned", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toContain("text/csv");
    expect(head.headers.get("content-disposition")).toMatch(/^attachment; filename="habeas-prisoners-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(head.body).toBeNull();
    expect(exportSlots().inUse).toBe(0);
    const bad = await call(exportCsvHead, "/export/prisoners.csv?status=nobody", { method: "HEAD" });
    expect(bad.status).toBe(400);
  });

  it("a client that hangs up gives its slot back, before or after the response began", async () => {
    const early = new AbortController();
    const pending = call(exportCsv, "/export/prisoners.csv", { headers: { "x-forwarded-for": "203.0.113.60" }, signal: early.signal });
    early.abort();
    const cut = await pending;
    expect(exportSlots().inUse).toBe(0);
    await expect(cut.text()).rejects.toThrow();

    const late = new AbortController();
    const started = await call(exportCsv, "/export/prisoners.csv", { headers: { "x-forwarded-for": "203.0.113.60" }, signal: late.signal });
    expect(started.status).toBe(200);
    expect(exportSlots().inUse).toBe(1);
    late.abort();
    expect(exportSlots().inUse).toBe(0);
    await expect(started.text()).rejects.toThrow();
  });

  it("a download nobody reads is stopped after the idle time, as a failure and not as a complete file", async () => {
    const slots = new ExportSlots(1, 1);
    const giveBack = slots.take("a")!;
    let cancelled = false;
    const source = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new TextEncoder().encode("row\n")),
      cancel: () => {
        cancelled = true;
      },
    });
    const body = givingBackAtEnd(source, giveBack, { idleMs: 50 });
    const reader = body.getReader();
    expect((await reader.read()).done).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(slots.inUse).toBe(0);
    expect(cancelled).toBe(true);
    await expect(reader.read()).rejects.toBeInstanceOf(ExportStalled);
  });
});
