import { describe, expect, it } from "vitest";
import { isSameOrigin, isSameOriginHeaders } from "./same-origin";

const headers = (values: Record<string, string>) => new Headers(values);

describe("same-origin check", () => {
  it("accepts the host the request came to, and nothing else", () => {
    expect(isSameOriginHeaders(headers({ host: "localhost:3000", origin: "http://localhost:3000" }), {})).toBe(true);
    expect(isSameOriginHeaders(headers({ host: "localhost:3000", origin: "http://localhost:3001" }), {})).toBe(false);
    expect(isSameOriginHeaders(headers({ host: "localhost:3000", origin: "https://elsewhere.example" }), {})).toBe(false);
    expect(isSameOriginHeaders(headers({ host: "localhost:3000", origin: "null" }), {})).toBe(false);
    expect(isSameOriginHeaders(headers({ host: "localhost:3000", origin: "not a url" }), {})).toBe(false);
    expect(isSameOriginHeaders(headers({ host: "localhost:3000" }), {})).toBe(false);
    expect(isSameOriginHeaders(headers({ origin: "http://localhost:3000" }), {})).toBe(false);
  });

  it("behind a proxy, trusts the first X-Forwarded-Host", () => {
    const forwarded = { host: "127.0.0.1:3000", "x-forwarded-host": "habeas.example.org, inner" };
    expect(isSameOriginHeaders(headers({ ...forwarded, origin: "https://habeas.example.org" }), {})).toBe(true);
    expect(isSameOriginHeaders(headers({ ...forwarded, origin: "http://127.0.0.1:3000" }), {})).toBe(false);
  });

  it("with HABEAS_PUBLIC_URL set, accepts exactly that origin", () => {
    const env = { HABEAS_PUBLIC_URL: "https://habeas.example.org/" };
    expect(isSameOriginHeaders(headers({ host: "127.0.0.1:3000", origin: "https://habeas.example.org" }), env)).toBe(true);
    expect(isSameOriginHeaders(headers({ host: "habeas.example.org", origin: "http://habeas.example.org" }), env)).toBe(false);
    expect(isSameOriginHeaders(headers({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }), env)).toBe(false);
  });

  it("reads a route handler's request", () => {
    const post = (values: Record<string, string>) => new Request("http://localhost:3000/", { method: "POST", headers: values });
    expect(isSameOrigin(post({ host: "localhost:3000", origin: "http://localhost:3000" }))).toBe(true);
    expect(isSameOrigin(post({ host: "localhost:3000", origin: "https://elsewhere.example" }))).toBe(false);
    expect(isSameOrigin(post({ host: "localhost:3000" }))).toBe(false);
  });
});
