import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv";

describe("csvCell", () => {
  it.each([
    ["plain", "plain"],
    ["Əli Həsənov", "Əli Həsənov"],
    ['say "no"', '"say ""no"""'],
    ["a, b", '"a, b"'],
    ["two\nlines", '"two\nlines"'],
    ["=1+1", "'=1+1"],
    ["+994", "'+994"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tindented", "'\tindented"],
    ["\r=1", "\"'\r=1\""],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["", ""],
  ])("writes %j as %j", (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it("writes null as an empty field and a list joined", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(["a", "b"])).toBe("a; b");
  });

  it("reads back, by an independent parser, as written less the formula guard", () => {
    const values = ['quote " inside', "comma, inside", "line\r\nbreak", "=cmd", "ordinary"];
    const [row] = parse(csvLine(values));
    expect(row).toEqual(['quote " inside', "comma, inside", "line\r\nbreak", "'=cmd", "ordinary"]);
  });
});
