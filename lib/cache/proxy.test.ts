import { describe, expect, it } from "vitest";
import { isCacheablePublicPage, storedHeaders } from "./proxy";

describe("what the page cache keeps of a rendered page", () => {
  it("drops the proxy's own directives and the transfer headers, keeps the page's", () => {
    const rendered = new Headers({
      "content-type": "text/html; charset=utf-8",
      "x-middleware-rewrite": "/en/prisoners",
      "x-middleware-next": "1",
      "x-nextjs-rewritten-path": "/en/prisoners",
      "content-length": "120",
      link: '</prisoners>; rel="alternate"; hreflang="en"',
    });
    expect(Object.fromEntries(storedHeaders(rendered))).toEqual({
      "content-type": "text/html; charset=utf-8",
      "x-nextjs-rewritten-path": "/en/prisoners",
      link: '</prisoners>; rel="alternate"; hreflang="en"',
    });
  });

  it("takes public pages in every language, not a profile's files, change log, the API or the workspace", () => {
    for (const path of [
      "/",
      "/az",
      "/ru/prisoners",
      "/prisoners/some-one",
      "/about",
      "/az/data",
      "/developers",
      "/statistics",
      "/prisoners/some-one/cite/event-1f2e",
      "/ru/prisoners/some-one/cite/event-1f2e-release",
    ]) {
      expect(isCacheablePublicPage(path), path).toBe(true);
    }
    for (const path of [
      "/prisoners/some-one/portrait",
      "/prisoners/some-one/changes",
      "/prisoners/some-one/cite",
      "/courts/some-court/cite/event-1f2e",
      "/api/count",
      "/admin",
      "/sign-in",
    ]) {
      expect(isCacheablePublicPage(path), path).toBe(false);
    }
  });
});
