import { afterEach, describe, expect, it, vi } from "vitest";
import { profileCardImage } from "./profile-card";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the profile's link-preview image", () => {
  it("renders Azerbaijani and Russian names with local fonts only, never fetching a font", async () => {
    const fetch = vi.spyOn(globalThis, "fetch");
    const image = await profileCardImage({
      fullName: "Xədicə İsmayılova · Хадиджа Исмаилова",
      status: "In custody by 17 September 2014",
    });
    const bytes = Buffer.from(await image.arrayBuffer());
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    // The renderer loads its own WebAssembly from data: URLs; anything else would be the network.
    const fetched = fetch.mock.calls.map(([input]) => (input instanceof Request ? input.url : String(input)));
    expect(fetched.filter((url) => !url.startsWith("data:"))).toEqual([]);
  });
});
