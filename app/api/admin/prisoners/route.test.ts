import { afterAll, describe, expect, it } from "vitest";
import { disconnect } from "@/lib/db/client";
import { findPrisonersByName } from "@/lib/data/admin-lookup";
import { createPrisoner } from "@/scripts/test-support/records";
import { createCase } from "@/scripts/test-support/hearings";
import { GET } from "./route";

afterAll(disconnect);

describe("GET /api/admin/prisoners", () => {
  it("answers no one who is not signed in, and is never cached", async () => {
    const response = await GET(new Request("http://localhost/api/admin/prisoners?q=yunus"));
    expect(response.status).toBe(401);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await response.json()).toEqual({ error: "Sign in first." });
  });
});

describe("the person picker's look-up", () => {
  it("finds drafts as well as published people by any word of any name form, with their cases", async () => {
    const marker = `Pickerzz${Date.now().toString(36)}`;
    const draft = await createPrisoner({ state: "DRAFT", fullName: `Ədalət ${marker} Draft`, aliases: ["Адалят"] });
    const published = await createPrisoner({ fullName: `Other ${marker}` });
    const criminalCase = await createCase(draft.id, { title: "Picker case" });
    await createPrisoner({ state: "ARCHIVED", fullName: `Archived ${marker}` });

    const matches = await findPrisonersByName(`${marker.toLowerCase()} ƏDALƏT`);
    expect(matches).toEqual([
      { id: draft.id, fullName: draft.fullName, slug: draft.slug, published: false, cases: [{ id: criminalCase.id, title: "Picker case", caseNumber: null }] },
    ]);
    expect((await findPrisonersByName(marker)).map((match) => match.id).sort()).toEqual([draft.id, published.id].sort());
    expect(await findPrisonersByName("   ")).toEqual([]);
    expect(await findPrisonersByName("%")).not.toContainEqual(expect.objectContaining({ fullName: expect.stringContaining("Archived") }));
  });
});
