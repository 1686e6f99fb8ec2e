import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

const key = { arrest: "2014-08-08", sortName: "khadija ismayilova", fullName: "Khadija Ismayilova", id: "7c0f9a8e-2b7d-4f3e-9a6b-1f2e3d4c5b6a" };

describe("cursors", () => {
  it("round-trip a key for their own sort only", () => {
    const cursor = encodeCursor("arrested", key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, "arrested")).toEqual(key);
    expect(decodeCursor(cursor, "name")).toBeNull();
    expect(decodeCursor(encodeCursor("name", { ...key, arrest: null }), "name")).toEqual({ ...key, arrest: null });
  });

  it.each([
    ["not base64url", "a+b/c="],
    ["not JSON", Buffer.from("{nope").toString("base64url")],
    ["another shape", Buffer.from(JSON.stringify({ v: 1, sort: "name", key: [null, "a", "b", "not-a-uuid"] })).toString("base64url")],
    ["extra fields", Buffer.from(JSON.stringify({ v: 1, sort: "name", key: [null, "a", "b", key.id], role: "admin" })).toString("base64url")],
    ["too long", "A".repeat(1001)],
  ])("refuses %s", (_label, cursor) => {
    expect(decodeCursor(cursor, "name")).toBeNull();
  });
});
