import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { disconnect, prisma } from "@/lib/db/client";
import { createTestUser, sessionTokenFor, TEST_PASSWORD } from "@/scripts/test-support/users";
import { ACCOUNT_FAILURE_LIMIT, ADDRESS_FAILURE_LIMIT, signIn, signOutEverywhere } from "./sign-in";
import { changeRole, findSessionUser, setDisabled } from "./users";

// currentUser() reads the session cookie through next/headers; here the cookie jar is a plain
// map holding a real next-auth token (request plumbing only: the database is real).
const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined) }),
}));
const { currentUser } = await import("@/lib/auth/session");
const { sessionCookieName } = await import("@/lib/auth/options");

afterAll(disconnect);

const address = () => `198.51.100.${randomBytes(1)[0]}-${randomBytes(3).toString("hex")}`;

async function auditOf(entityId: string, action: string) {
  return prisma.auditEntry.findMany({ where: { entityId, action }, orderBy: { id: "asc" } });
}

describe("sign-in", () => {
  it("stores an Argon2id hash, never the password", async () => {
    const user = await createTestUser("EDITOR", "hash");
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.passwordHash).not.toContain(TEST_PASSWORD);
  });

  it("signs in with the right password, case-insensitive email, and audits it", async () => {
    const user = await createTestUser("EDITOR", "ok");
    const result = await signIn({ email: user.email.toUpperCase(), password: TEST_PASSWORD, address: address() });
    expect(result).toMatchObject({ status: "ok", user: { id: user.id, sessionVersion: user.sessionVersion } });
    const entries = await auditOf(user.id, "SIGN_IN");
    expect(entries).toHaveLength(1);
    expect(entries[0].actorId).toBe(user.id);
  });

  it("answers the same for an unknown email and a wrong password, and audits both without the typed email", async () => {
    const user = await createTestUser("EDITOR", "same");
    const unknownEmail = `nobody-${randomBytes(4).toString("hex")}@test.habeas.example`;
    const wrong = await signIn({ email: user.email, password: "not the password", address: address() });
    const unknown = await signIn({ email: unknownEmail, password: "whatever it is", address: address() });
    expect(wrong).toEqual({ status: "invalid" });
    expect(unknown).toEqual(wrong);
    expect(await auditOf(user.id, "SIGN_IN_FAILED")).toHaveLength(1);
    const leaked = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM audit_entry WHERE "after"::text LIKE ${`%${unknownEmail}%`} OR entity_id = ${unknownEmail}`;
    expect(leaked[0].n).toBe(0);
  });

  it("refuses a disabled account with the same answer, even with the right password", async () => {
    const admin = await createTestUser("ADMIN", "admin");
    const user = await createTestUser("EDITOR", "disabled");
    await setDisabled(admin, { userId: user.id, version: 1, disabled: true });
    expect(await signIn({ email: user.email, password: TEST_PASSWORD, address: address() })).toEqual({ status: "invalid" });
  });

  it(`locks an account after ${ACCOUNT_FAILURE_LIMIT} failures, whatever the address, and not before`, async () => {
    const user = await createTestUser("EDITOR", "locked");
    for (let attempt = 0; attempt < ACCOUNT_FAILURE_LIMIT; attempt += 1) {
      expect(await signIn({ email: user.email, password: `guess ${attempt}`, address: address() })).toEqual({ status: "invalid" });
    }
    // Even the right password is not checked now.
    expect(await signIn({ email: user.email, password: TEST_PASSWORD, address: address() })).toEqual({ status: "rate-limited" });
    // Unknown accounts lock the same way, so the limit tells nothing about who exists.
    const unknownEmail = `ghost-${randomBytes(4).toString("hex")}@test.habeas.example`;
    for (let attempt = 0; attempt < ACCOUNT_FAILURE_LIMIT; attempt += 1) {
      await signIn({ email: unknownEmail, password: `guess ${attempt}`, address: address() });
    }
    expect(await signIn({ email: unknownEmail, password: "again", address: address() })).toEqual({ status: "rate-limited" });
  });

  it(`limits an address after ${ADDRESS_FAILURE_LIMIT} failures across accounts`, async () => {
    const from = address();
    for (let attempt = 0; attempt < ADDRESS_FAILURE_LIMIT; attempt += 1) {
      await signIn({ email: `spray-${attempt}-${randomBytes(3).toString("hex")}@test.habeas.example`, password: "x", address: from });
    }
    const user = await createTestUser("EDITOR", "sprayed");
    expect(await signIn({ email: user.email, password: TEST_PASSWORD, address: from })).toEqual({ status: "rate-limited" });
    expect(await signIn({ email: user.email, password: TEST_PASSWORD, address: address() })).toMatchObject({ status: "ok" });
  });

  it("counts parallel guesses: a burst cannot get past the limit", async () => {
    const user = await createTestUser("EDITOR", "burst");
    const results = await Promise.all(
      Array.from({ length: ACCOUNT_FAILURE_LIMIT * 2 }, (_, attempt) =>
        signIn({ email: user.email, password: `guess ${attempt}`, address: address() }),
      ),
    );
    expect(results.filter((result) => result.status === "invalid").length).toBeLessThanOrEqual(ACCOUNT_FAILURE_LIMIT);
    expect(await signIn({ email: user.email, password: TEST_PASSWORD, address: address() })).toEqual({ status: "rate-limited" });
  });
});

describe("sessions", () => {
  it("currentUser reads a real session token and re-checks the user on every request", async () => {
    const admin = await createTestUser("ADMIN", "revoker");
    const user = await createTestUser("CONTRIBUTOR", "session");
    jar.set(sessionCookieName(), await sessionTokenFor(user));
    expect(await currentUser()).toEqual({ id: user.id, email: user.email, name: user.name, role: "CONTRIBUTOR" });

    // A role change ends the session: the old token no longer answers.
    await changeRole(admin, { userId: user.id, version: 1, role: "EDITOR" });
    expect(await currentUser()).toBeNull();

    // A new session after the change works, until the user is disabled.
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    jar.set(sessionCookieName(), await sessionTokenFor({ ...user, sessionVersion: row.sessionVersion }));
    expect(await currentUser()).toMatchObject({ id: user.id, role: "EDITOR" });
    await setDisabled(admin, { userId: user.id, version: row.version, disabled: true });
    expect(await currentUser()).toBeNull();
    expect(await findSessionUser(user.id, row.sessionVersion)).toBeNull();
  });

  it("signing out ends every token of the account, once, audited; a stale token cannot sign anyone out", async () => {
    const user = await createTestUser("EDITOR", "sign-out");
    jar.set(sessionCookieName(), await sessionTokenFor(user));
    expect(await currentUser()).toMatchObject({ id: user.id });

    expect(await signOutEverywhere({ userId: user.id, sessionVersion: user.sessionVersion })).toBe(true);
    expect(await currentUser()).toBeNull();
    expect(await auditOf(user.id, "SIGN_OUT")).toHaveLength(1);

    // A session opened since is not ended by the old token signing out again.
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    jar.set(sessionCookieName(), await sessionTokenFor({ ...user, sessionVersion: row.sessionVersion }));
    expect(await signOutEverywhere({ userId: user.id, sessionVersion: user.sessionVersion })).toBe(false);
    expect(await currentUser()).toMatchObject({ id: user.id });
    expect(await auditOf(user.id, "SIGN_OUT")).toHaveLength(1);
  });

  it("refuses a token signed with another secret, a forged one, or none", async () => {
    const user = await createTestUser("EDITOR", "forged");
    jar.delete(sessionCookieName());
    expect(await currentUser()).toBeNull();
    jar.set(sessionCookieName(), "not-a-token");
    expect(await currentUser()).toBeNull();
    const { encode } = await import("next-auth/jwt");
    jar.set(
      sessionCookieName(),
      await encode({ token: { sub: user.id, sv: user.sessionVersion }, secret: randomBytes(32).toString("hex") }),
    );
    expect(await currentUser()).toBeNull();
  });
});
