import type { IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { frontCacheKey, pageRequestFromNode, plainTarget } from "./front";

function request(url: string, headers: Record<string, string> = {}, method = "GET"): IncomingMessage {
  return { method, url, headers: { host: "habeas.test", ...headers }, socket: {} } as unknown as IncomingMessage;
}

// The cache answers only in production (lib/cache/keys.ts).
beforeAll(() => vi.stubEnv("NODE_ENV", "production"));
afterAll(() => vi.unstubAllEnvs());

describe("the front's reading of a request target", () => {
  it("keeps plain paths and queries as they are", () => {
    expect(plainTarget("/prisoners?q=ismayilova&page=2")?.pathname).toBe("/prisoners");
    expect(plainTarget("/az/prisoners/khadija-ismayilova")?.search).toBe("");
  });

  it.each([
    ["a backslash the parser cannot read", "/\\a:99999/x"],
    ["a backslash read as a slash", "/prisoners\\..\\admin"],
    ["a host in disguise", "//evil.test/prisoners"],
    ["dot segments", "/prisoners/../admin"],
    ["an encoded dot segment", "/prisoners/%2e%2e/admin"],
    ["a fragment", "/prisoners#top"],
    ["an empty query mark", "/prisoners?"],
    ["characters the parser would encode", "/prisoners/ä"],
    ["an absolute-form target", "http://habeas.test/prisoners"],
    ["an asterisk", "*"],
  ])("leaves %s to Next.js", (_, target) => {
    expect(plainTarget(target)).toBeNull();
    expect(() => frontCacheKey(request(target))).not.toThrow();
    expect(frontCacheKey(request(target))).toBeNull();
  });

  it("keys a public page, and never a non-GET, an admin page or a signed-in visitor", () => {
    expect(frontCacheKey(request("/prisoners?q=a"))).toEqual(expect.any(String));
    expect(frontCacheKey(request("/prisoners?q=a", {}, "POST"))).toBeNull();
    expect(frontCacheKey(request("/admin"))).toBeNull();
    expect(frontCacheKey(request("/prisoners", { cookie: "next-auth.session-token=x" }))).toBeNull();
  });

  it("fills in the forwarded host and protocol as Next.js does", () => {
    const url = new URL("http://front.invalid/prisoners");
    const withHost = pageRequestFromNode(request("/prisoners"), url);
    expect(withHost.header("x-forwarded-host")).toBe("habeas.test");
    expect(withHost.header("x-forwarded-proto")).toBe("http");
    const bare = { method: "GET", url: "/prisoners", headers: {}, socket: {} } as unknown as IncomingMessage;
    expect(pageRequestFromNode(bare, url).header("x-forwarded-host")).toBe("localhost");
  });
});
