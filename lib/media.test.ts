import path from "node:path";
import { describe, expect, it } from "vitest";
import { mediaPath } from "./media";

describe("stored media paths", () => {
  const directory = path.resolve("/srv/habeas/media");

  it("resolve a storage key inside the media directory", () => {
    expect(mediaPath("portraits/leyla-yunus.jpg", directory)).toBe(path.join(directory, "portraits/leyla-yunus.jpg"));
  });

  it("refuse keys that could leave it", () => {
    for (const key of ["../secrets", "portraits/../../etc/passwd", "/etc/passwd", "portraits//x.jpg", "", "./x.jpg", "a\\b"]) {
      expect(mediaPath(key, directory), key).toBeNull();
    }
  });
});
