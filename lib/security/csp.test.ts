import { describe, expect, it } from "vitest";
import { newNonce, nonceOf, pageCsp, securityHeaders, servedOverHttps, withFreshNonce } from "./csp";

const encoder = new TextEncoder();
const text = (body: Uint8Array) => new TextDecoder().decode(body);

describe("page policy", () => {
  it("allows only scripts with this response's nonce, and never eval in production", () => {
    const policy = pageCsp("abc123", false);
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(pageCsp("abc123", true)).toContain("'unsafe-eval'");
  });

  it("gives every kind of route its headers; only the embed may be framed", () => {
    const names = (kind: Parameters<typeof securityHeaders>[0]) =>
      new Map(securityHeaders(kind, { nonce: "n", https: false }).map(([name, value]) => [name.toLowerCase(), value]));
    for (const kind of ["public", "workspace", "resource"] as const) {
      const headers = names(kind);
      expect(headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(headers.get("x-frame-options")).toBe("DENY");
      expect(headers.get("x-content-type-options")).toBe("nosniff");
      expect(headers.has("strict-transport-security")).toBe(false);
    }
    const embed = names("embed");
    expect(embed.has("content-security-policy")).toBe(false);
    expect(embed.has("x-frame-options")).toBe(false);
    expect(() => securityHeaders("public", { https: false })).toThrow();
    expect(new Map(securityHeaders("resource", { https: true })).get("Strict-Transport-Security")).toMatch(/^max-age=\d+/);
  });

  it("counts a site as https by its configured address or the proxy's X-Forwarded-Proto", () => {
    expect(servedOverHttps(null, {})).toBe(false);
    expect(servedOverHttps("http", {})).toBe(false);
    expect(servedOverHttps("https", {})).toBe(true);
    expect(servedOverHttps("https, http", {})).toBe(true);
    expect(servedOverHttps(null, { HABEAS_PUBLIC_URL: "https://habeas.example.org" })).toBe(true);
    expect(servedOverHttps(null, { NEXTAUTH_URL: "https://habeas.example.org" })).toBe(true);
    expect(servedOverHttps(null, { NEXTAUTH_URL: "http://localhost:3000" })).toBe(false);
  });
});

describe("a cached page's nonce", () => {
  const old = newNonce();
  const stored = {
    headers: [
      ["content-type", "text/html"],
      ["content-security-policy", pageCsp(old, false)],
    ] as [string, string][],
    body: encoder.encode(`<html><script nonce="${old}">a</script><p>${"x".repeat(1000)}</p><script nonce="${old}">b</script></html>`),
  };

  it("is replaced by a fresh one in the body and the header, differently each time", () => {
    const first = withFreshNonce(stored);
    const second = withFreshNonce(stored);
    const firstNonce = nonceOf(first.headers)!;
    const secondNonce = nonceOf(second.headers)!;
    expect(firstNonce).not.toBe(old);
    expect(secondNonce).not.toBe(firstNonce);
    expect(text(first.body)).toBe(text(stored.body).replaceAll(old, firstNonce));
    expect(text(second.body)).not.toContain(old);
    expect(text(second.body).split(`nonce="${secondNonce}"`)).toHaveLength(3);
    // The stored page itself is left as it was.
    expect(text(stored.body)).toContain(old);
  });

  it("leaves a response without a policy nonce untouched", () => {
    const plain = { headers: [["content-type", "application/json"]] as [string, string][], body: encoder.encode("{}") };
    expect(withFreshNonce(plain)).toBe(plain);
  });
});
