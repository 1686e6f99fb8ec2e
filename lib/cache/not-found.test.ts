import { describe, expect, it } from "vitest";
import { isClientOnlyNotFound, isPublicRouteHandler, notFoundPageFor } from "./not-found";

describe("the readable \"not found\" page", () => {
  it("is in the language of the address asked for, and a profile's own under a profile's address", () => {
    expect(notFoundPageFor("/courts/nowhere")).toBe("/page-not-found");
    expect(notFoundPageFor("/az/courts/nowhere")).toBe("/az/page-not-found");
    expect(notFoundPageFor("/ru")).toBe("/ru/page-not-found");
    expect(notFoundPageFor("/xx/prisoners")).toBe("/page-not-found");
    expect(notFoundPageFor("/azure")).toBe("/page-not-found");
    expect(notFoundPageFor("/prisoners")).toBe("/page-not-found");
    expect(notFoundPageFor("/prisoners/")).toBe("/page-not-found");
    expect(notFoundPageFor("/prisoners/nobody")).toBe("/page-not-found/profile");
    expect(notFoundPageFor("/az/prisoners/nobody/changes")).toBe("/az/page-not-found/profile");
    expect(notFoundPageFor("/ru/prisoners/nobody/cite/x")).toBe("/ru/page-not-found/profile");
  });

  it("leaves the link-preview image route alone", () => {
    expect(isPublicRouteHandler("/prisoners/nobody/opengraph-image")).toBe(true);
    expect(isPublicRouteHandler("/az/prisoners/nobody/opengraph-image")).toBe(true);
    expect(isPublicRouteHandler("/prisoners/nobody")).toBe(false);
  });

  it("replaces only a 404 whose body is the client-only shell", () => {
    const shell = Buffer.from('<!DOCTYPE html><html id="__next_error__"><head></head><body></body></html>');
    const page = Buffer.from('<!DOCTYPE html><html lang="en"><body><h1>Page not found</h1></body></html>');
    expect(isClientOnlyNotFound(404, shell)).toBe(true);
    expect(isClientOnlyNotFound(404, page)).toBe(false);
    expect(isClientOnlyNotFound(500, shell)).toBe(false);
    expect(isClientOnlyNotFound(200, shell)).toBe(false);
  });
});
