import { describe, expect, it } from "vitest";
import { publicBaseUrl } from "./site-url";

const none = { host: null, forwardedHost: null, forwardedProto: null };

describe("the public address of the site", () => {
  it("is the configured address when there is one, whatever the request says", () => {
    expect(publicBaseUrl("https://habeas.example.org/some/path", { ...none, host: "evil.example" }).toString()).toBe(
      "https://habeas.example.org/",
    );
  });

  it("is the request's own address otherwise", () => {
    expect(publicBaseUrl(undefined, { ...none, host: "127.0.0.1:3302" }).toString()).toBe("http://127.0.0.1:3302/");
    expect(
      publicBaseUrl(undefined, { host: "10.0.0.2:3000", forwardedHost: "habeas.example.org", forwardedProto: "https" }).toString(),
    ).toBe("https://habeas.example.org/");
  });

  it("refuses a host header that is not a host name", () => {
    expect(publicBaseUrl("not a url", { ...none, host: "a b/c?d" }).toString()).toBe("http://localhost/");
  });
});
