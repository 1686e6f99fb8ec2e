import { describe, expect, it } from "vitest";
import { hearingLogInput } from "./hearing-log";
import { nestFields } from "./nested-fields";

describe("form fields named by path", () => {
  it("become rows in the order of their numbers, gaps closed, other fields untouched", () => {
    expect(
      nestFields({
        date: "2014-10-24",
        "motions.2.kind": "BAIL",
        "motions.0.kind": "EXTEND_DETENTION",
        "motions.0.ruling": "GRANTED",
        lawyers: ["A", "B"],
      }),
    ).toEqual({
      date: "2014-10-24",
      lawyers: ["A", "B"],
      motions: [{ kind: "EXTEND_DETENTION", ruling: "GRANTED" }, { kind: "BAIL" }],
    });
  });

  it("leave anything else as it came, for the strict schema to refuse", () => {
    expect(nestFields({ "motions.x.kind": "A", "a.0.b.c": "B", "motions.100.kind": "C", "motions.0.": "D" })).toEqual({
      "motions.x.kind": "A",
      "a.0.b.c": "B",
      "motions.100.kind": "C",
      "motions.0.": "D",
    });
    expect(nestFields("text")).toBe("text");
    expect(nestFields(null)).toBe(null);
    const result = hearingLogInput.safeParse({
      prisonerId: "5eed0000-0000-4000-8000-000000000001",
      caseTitle: "A case",
      date: "2014-10-24",
      kind: "OTHER",
      "motions.0.kind.extra": "BAIL",
    });
    expect(result.success).toBe(false);
  });

  it("report an error at the row the form shows, even after a blank row", () => {
    const result = hearingLogInput.safeParse({
      prisonerId: "5eed0000-0000-4000-8000-000000000001",
      caseTitle: "A case",
      date: "2014-10-24",
      kind: "OTHER",
      "motions.0.party": "",
      "motions.0.kind": "",
      "motions.0.ruling": "GRANTED",
      "motions.1.party": "DEFENCE",
      "motions.1.ruling": "DISMISSED",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["motions.1.kind"]);
  });
});
