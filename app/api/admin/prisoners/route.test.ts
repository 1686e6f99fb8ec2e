import { afterAll, describe, expect, it, vi } from "vitest";
import { disconnect } from "@/lib/db/client";
import { findPrisonersByName } from "@/lib/data/admin-lookup";
import { createCase } from "@/scripts/test-support/hearings";
import { createPrisoner } from "@/scripts/test-support/records";
import { createTestUser, sessionTokenFor } from "@/scripts/test-support/users";

// The route reads the session cookie through next/headers; here the jar is a plain map holding
// a real next-auth token (request plumbing only: the users and the database are real).
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) }),
}));
const { GET } = await import("./route");
const { sessionCookieName } = await import("@/lib/auth/options");

afterAll(disconnect);

async function signedInAs(role: "VIEWER" | "CONTRIBUTOR" | null) {
  jar.clear();
  if (role) jar.set(sessionCookieName(), await sessionTokenFor(await createTestUser(role, "lookup")));
}

describe("GET /api/admin/prisoners", () => {
  it("checks the signed-in user itself, and is never cached", async () => {
    const marker = `Lookupzz${Date.now().toString(36)}`;
    const draft = await createPrisoner({ state: "DRAFT", fullName: `Draft ${marker}` });
    const request = () => GET(new Request(`http://localhost/api/admin/prisoners?q=${marker}`));

    await signedInAs(null);
    const anonymous = await request();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await anonymous.json()).toEqual({ error: "Sign in first." });

    await signedInAs("VIEWER");
    expect((await request()).status).toBe(403);

    await signedInAs("CONTRIBUTOR");
    const allowed = await request();
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("Cache-Control")).toBe("private, no-store");
    expect(await allowed.json()).toEqual({ matches: [expect.objectContaining({ id: draft.id, published: false })] });
    expect((await GET(new Request(`http://localhost/api/admin/prisoners?q=${"x".repeat(101)}`))).status).toBe(400);
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
