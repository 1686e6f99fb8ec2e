import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/user";
import { currentTotpCode, newTotpSecret, sealTotpSecret } from "@/lib/auth/totp";
import { signIn } from "@/lib/data/sign-in";
import { findSessionUser } from "@/lib/data/users";
import { disconnect, prisma } from "@/lib/db/client";
import { createTestUser, rowCounts, TEST_PASSWORD } from "@/scripts/test-support/users";
import { performAction, performTokenAction } from "./perform";
import {
  changePasswordAction,
  changeRoleAction,
  createUserAction,
  disableTotpAction,
  enableTotpAction,
  passwordLinkAction,
  setDisabledAction,
  setPasswordAction,
} from "./users";

let admin: SessionUser;
beforeAll(async () => {
  admin = await createTestUser("ADMIN", "users-admin");
});
afterAll(disconnect);

const unique = () => randomBytes(5).toString("hex");
const address = () => `203.0.113.${unique()}`;
const tokenOf = (link: string) => link.split("/").pop()!;

describe("managing users", () => {
  it("adds a user with a one-time link; the link sets a password once, and only its hash is stored", async () => {
    const email = `Colleague-${unique()}@Example.org`;
    const created = await performAction(createUserAction, admin, { email, name: "A Colleague", role: "EDITOR" });
    expect(created.status).toBe("ok");
    if (created.status !== "ok") return;
    const token = tokenOf(created.result.link);
    expect(await prisma.passwordToken.count({ where: { tokenHash: token } })).toBe(0);

    const password = `first password ${unique()}`;
    expect(await performTokenAction(setPasswordAction, { token, password, confirm: password })).toMatchObject({ status: "ok" });
    const again = await performTokenAction(setPasswordAction, { token, password, confirm: password });
    expect(again).toMatchObject({ status: "error", code: 400 });
    expect(await signIn({ email, password, address: address() })).toMatchObject({ status: "ok" });
    const audit = await prisma.auditEntry.findMany({ where: { entityId: created.result.id }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["CREATE", "PASSWORD_SET", "SIGN_IN"]);
    expect(JSON.stringify(audit.map((entry) => [entry.before, entry.after]))).not.toMatch(/argon2|passwordHash/);
  });

  it("refuses a second user with the same email, whatever its case", async () => {
    const email = `twice-${unique()}@example.org`;
    await performAction(createUserAction, admin, { email, name: "Once", role: "VIEWER" });
    const second = await performAction(createUserAction, admin, { email: email.toUpperCase(), name: "Twice", role: "VIEWER" });
    expect(second).toMatchObject({ status: "error", code: 400, fieldErrors: { email: [expect.any(String)] } });
  });

  it("changes a role and disables a user, each audited with before and after, each ending their sessions", async () => {
    const user = await createTestUser("CONTRIBUTOR", "managed");
    const changed = await performAction(changeRoleAction, admin, { userId: user.id, version: "1", role: "EDITOR" });
    expect(changed).toMatchObject({ status: "ok" });
    expect(await findSessionUser(user.id, user.sessionVersion)).toBeNull();
    const [roleChange] = await prisma.auditEntry.findMany({ where: { entityId: user.id, action: "ROLE_CHANGE" } });
    expect(roleChange).toMatchObject({ actorId: admin.id, before: { role: "CONTRIBUTOR" }, after: { role: "EDITOR" } });

    // A form loaded before the change is refused as a conflict, not applied over it.
    const stale = await performAction(setDisabledAction, admin, { userId: user.id, version: "1", disabled: "true" });
    expect(stale).toMatchObject({ status: "error", code: 409 });
    const disabled = await performAction(setDisabledAction, admin, { userId: user.id, version: "2", disabled: "true" });
    expect(disabled).toMatchObject({ status: "ok", result: { disabled: true } });
    expect(await signIn({ email: user.email, password: TEST_PASSWORD, address: address() })).toEqual({ status: "invalid" });
    const enabled = await performAction(setDisabledAction, admin, { userId: user.id, version: "3", disabled: "false" });
    expect(enabled).toMatchObject({ status: "ok", result: { disabled: false } });
    expect(await signIn({ email: user.email, password: TEST_PASSWORD, address: address() })).toMatchObject({ status: "ok" });
  });

  it("does not let an admin demote or disable themselves", async () => {
    const row = await prisma.user.findUniqueOrThrow({ where: { id: admin.id } });
    const input = { userId: admin.id, version: String(row.version) };
    expect(await performAction(changeRoleAction, admin, { ...input, role: "VIEWER" })).toMatchObject({ status: "error", code: 400 });
    expect(await performAction(setDisabledAction, admin, { ...input, disabled: "true" })).toMatchObject({ status: "error", code: 400 });
  });

  it("a new password link replaces the old one", async () => {
    const first = await performAction(createUserAction, admin, { email: `relink-${unique()}@example.org`, name: "Relink", role: "VIEWER" });
    if (first.status !== "ok") throw new Error("not created");
    const second = await performAction(passwordLinkAction, admin, { userId: first.result.id, version: "1" });
    if (second.status !== "ok") throw new Error("no new link");
    const password = `some password ${unique()}`;
    expect(await performTokenAction(setPasswordAction, { token: tokenOf(first.result.link), password, confirm: password })).toMatchObject({
      status: "error",
    });
    expect(await performTokenAction(setPasswordAction, { token: tokenOf(second.result.link), password, confirm: password })).toMatchObject({
      status: "ok",
    });
  });
});

describe("one's own account", () => {
  it("changing the password needs the current one and ends the session", async () => {
    const user = await createTestUser("VIEWER", "own-password");
    const password = `better password ${unique()}`;
    const refused = await performAction(changePasswordAction, user, { current: "wrong", password, confirm: password });
    expect(refused).toMatchObject({ status: "error", code: 400, fieldErrors: { current: [expect.any(String)] } });
    // Passwords are never sent back to the form.
    if (refused.status === "error") expect(refused.values).toEqual({});
    expect(await performAction(changePasswordAction, user, { current: TEST_PASSWORD, password, confirm: password })).toMatchObject({
      status: "ok",
    });
    expect(await findSessionUser(user.id, user.sessionVersion)).toBeNull();
    expect(await signIn({ email: user.email, password, address: address() })).toMatchObject({ status: "ok" });
  });

  it("two-step sign-in: confirmed by a code, then required at sign-in, stored sealed", async () => {
    const user = await createTestUser("EDITOR", "totp");
    const secret = newTotpSecret();
    const sealedSecret = sealTotpSecret(secret);
    expect(await performAction(enableTotpAction, user, { sealedSecret, code: "000000" === currentTotpCode(secret) ? "111111" : "000000" })).toMatchObject({
      status: "error",
      code: 400,
    });
    expect(await performAction(enableTotpAction, user, { sealedSecret: sealedSecret.slice(0, -2) + "AA", code: currentTotpCode(secret) })).toMatchObject({
      status: "error",
      code: 400,
    });
    const enabledAt = Date.now();
    const enabling = currentTotpCode(secret, enabledAt);
    expect(await performAction(enableTotpAction, user, { sealedSecret, code: enabling })).toMatchObject({ status: "ok" });
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpSecret).not.toContain(secret);

    expect(await signIn({ email: user.email, password: TEST_PASSWORD, address: address() })).toEqual({ status: "code-required" });
    expect(await signIn({ email: user.email, password: TEST_PASSWORD, code: "12345x", address: address() })).toEqual({ status: "invalid" });
    // The code that turned it on is spent; so is any code of an earlier step.
    for (const spent of [enabling, currentTotpCode(secret, enabledAt - 30_000)]) {
      expect(await signIn({ email: user.email, password: TEST_PASSWORD, code: spent, address: address() })).toEqual({ status: "invalid" });
    }
    // The next step's code (an authenticator a few seconds ahead) works, once.
    const next = currentTotpCode(secret, Date.now() + 30_000);
    expect(await signIn({ email: user.email, password: TEST_PASSWORD, code: next, address: address() })).toMatchObject({ status: "ok" });
    expect(await signIn({ email: user.email, password: TEST_PASSWORD, code: next, address: address() })).toEqual({ status: "invalid" });
    const reused = await prisma.auditEntry.findFirst({ where: { entityId: user.id, action: "SIGN_IN_FAILED" }, orderBy: { at: "desc" } });
    expect(reused?.after).toMatchObject({ reason: "code-reused" });

    expect(await performAction(disableTotpAction, user, { current: TEST_PASSWORD })).toMatchObject({ status: "ok" });
    expect(await signIn({ email: user.email, password: TEST_PASSWORD, address: address() })).toMatchObject({ status: "ok" });
  });
});

describe("bad input to the user actions", () => {
  const long = "x".repeat(5000);
  // Actions of different input types in one table.
  const cases: [string, object, Record<string, unknown>, string][] = [
    ["an extra role field", createUserAction, { email: "x@example.org", name: "X", role: "VIEWER", isAdmin: "true" }, "_form"],
    ["an oversized email", createUserAction, { email: `${long}@example.org`, name: "X", role: "VIEWER" }, "email"],
    ["an oversized name", createUserAction, { email: "y@example.org", name: long, role: "VIEWER" }, "name"],
    ["an unknown role", createUserAction, { email: "z@example.org", name: "Z", role: "SUPERUSER" }, "role"],
    ["a name of the wrong type", createUserAction, { email: "w@example.org", name: ["a", "b"], role: "VIEWER" }, "name"],
    ["a user id that is no id", changeRoleAction, { userId: "1 OR 1=1", version: "1", role: "ADMIN" }, "userId"],
    ["a version that is no number", setDisabledAction, { userId: "5eed0000-0000-4000-8000-000000000001", version: "x", disabled: "true" }, "version"],
    ["a role smuggled into a password change", changePasswordAction, { current: TEST_PASSWORD, password: "a long new password", confirm: "a long new password", role: "ADMIN" }, "_form"],
    ["an oversized password", changePasswordAction, { current: TEST_PASSWORD, password: long, confirm: long }, "password"],
    ["a code that is no code", enableTotpAction, { sealedSecret: "v1.a.b.c", code: { $gt: "" } }, "code"],
  ];

  it.each(cases)("refuses %s with a 400, field errors and no change", async (_label, action, input, field) => {
    const before = await rowCounts();
    const result = await performAction(action as never, admin, input);
    expect(result).toMatchObject({ status: "error", code: 400 });
    if (result.status === "error") expect(Object.keys(result.fieldErrors)).toContain(field);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a set-password link with an extra field, a short password or a bad token", async () => {
    const before = await rowCounts();
    for (const input of [
      { token: "x".repeat(43), password: "a long new password", confirm: "a long new password", role: "ADMIN" },
      { token: "x".repeat(43), password: "short", confirm: "short" },
      { token: "../../etc", password: "a long new password", confirm: "a long new password" },
    ]) {
      expect(await performTokenAction(setPasswordAction, input)).toMatchObject({ status: "error", code: 400 });
    }
    expect(await rowCounts()).toEqual(before);
  });
});
