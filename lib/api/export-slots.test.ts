import { afterAll, describe, expect, it } from "vitest";
import { GET as exportCsv } from "@/app/api/v1/export/prisoners.csv/route";
import { disconnect } from "@/lib/db/client";
import { call } from "@/scripts/test-support/api";
import { ExportSlots, exportSlots } from "./export-slots";

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
});
