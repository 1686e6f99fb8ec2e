import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import { describe, expect, it } from "vitest";
import { bibtexKey } from "./citation";

describe("BibTeX keys", () => {
  it("keep a short key as it is, in letters, digits and hyphens", () => {
    expect(bibtexKey("habeas-leyla-yunus-event-1f2e")).toBe("habeas-leyla-yunus-event-1f2e");
    // Unchanged from before, so that keys already cited stay the same.
    expect(bibtexKey("habeas-şahin_x.y")).toBe("habeas--ahin-x-y");
  });

  it("shorten a long key to 100 characters, distinct and stable, and readable by citation-js", async () => {
    const slug = "a-very-long-name-".repeat(6);
    const first = bibtexKey(`habeas-${slug}event-1f2e3d4c-hearing`);
    const second = bibtexKey(`habeas-${slug}event-1f2e3d4c-verdict`);
    expect(first.length).toBeLessThanOrEqual(100);
    expect(second.length).toBeLessThanOrEqual(100);
    expect(first).not.toBe(second);
    expect(bibtexKey(`habeas-${slug}event-1f2e3d4c-hearing`)).toBe(first);
    expect(first).toMatch(/^habeas-a-very-long-name-[A-Za-z0-9-]+-[0-9a-f]{10}$/);
    const items = (await Cite.async(`@misc{${first},\n  title = {A hearing}\n}\n`)).data as { id: string }[];
    expect(items.map((item) => item.id)).toEqual([first]);
  });
});
