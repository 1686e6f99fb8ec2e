import { describe, expect, it } from "vitest";
import { authOptions, clientAddress, sessionCookieName, usesSecureCookies } from "./options";
import { safeNextPath } from "./session";

describe("the address a sign-in is counted against", () => {
  it("is the last X-Forwarded-For entry: the one the nearest proxy saw, not what the client claims", () => {
    expect(clientAddress({ "x-forwarded-for": "10.9.9.9, 203.0.113.7" })).toBe("203.0.113.7");
    expect(clientAddress({ "x-forwarded-for": "203.0.113.7" })).toBe("203.0.113.7");
    expect(clientAddress({})).toBe("unknown");
    expect(clientAddress(undefined)).toBe("unknown");
  });
});

describe("after sign-in, only a local path is followed", () => {
  it.each([
    ["/admin/users", "/admin/users"],
    ["/admin/records?page=2", "/admin/records?page=2"],
    ["//evil.example/admin", "/admin"],
    ["/\\evil.example", "/admin"],
    ["https://evil.example/", "/admin"],
    ["javascript:alert(1)", "/admin"],
    [undefined, "/admin"],
  ])("%s goes to %s", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});

describe("session cookies", () => {
  it("are Secure, with the __Secure- prefix, when the app is served over https", () => {
    const saved = process.env.NEXTAUTH_URL;
    try {
      process.env.NEXTAUTH_URL = "https://habeas.example.org";
      expect(usesSecureCookies()).toBe(true);
      expect(sessionCookieName()).toBe("__Secure-next-auth.session-token");
      expect(authOptions().cookies?.sessionToken).toEqual({
        name: "__Secure-next-auth.session-token",
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
      });
      process.env.NEXTAUTH_URL = "http://localhost:3000";
      expect(usesSecureCookies()).toBe(false);
      expect(sessionCookieName()).toBe("next-auth.session-token");
      expect(authOptions().cookies?.sessionToken?.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: false });
    } finally {
      if (saved === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = saved;
    }
  });
});
