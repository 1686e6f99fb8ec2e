import { describe, expect, it } from "vitest";
import { directoryQuery, keepKnownChoices, parseDirectoryParams, type FilterChoices } from "./directory";

const defaults = { q: "", status: "all", sort: "name", page: 1 };

describe("directory parameters from an address", () => {
  it("defaults everything when the address has no parameters or empty ones", () => {
    expect(parseDirectoryParams({})).toEqual({ params: defaults, problems: [], ignored: [] });
    expect(parseDirectoryParams({ q: "  ", status: "", category: "", year: "" })).toEqual({ params: defaults, problems: [], ignored: [] });
  });

  it("keeps good parameters and drops each bad one with a message naming it", () => {
    const { params, problems, ignored } = parseDirectoryParams({
      q: "  Khadija   Ismayilova ",
      status: "free",
      category: "journalist",
      facility: "Not A Slug!",
      article: "147.1",
      gender: "FEMALE",
      year: "twenty",
      sort: "arrested",
      page: "-3",
      utm_source: "newsletter",
    });
    expect(params).toEqual({
      q: "Khadija Ismayilova",
      status: "all",
      category: "journalist",
      gender: "FEMALE",
      sort: "arrested",
      page: 1,
    });
    expect(problems).toEqual([
      "Status is not one of the choices, so it was ignored.",
      "Held at is not a known choice, so it was ignored.",
      "Charge is not a known choice, so it was ignored.",
      "Year of arrest is not a year, so it was ignored.",
      "Page is not a page number, so it was ignored.",
    ]);
    expect(ignored).toEqual(
      ["status", "facility", "article", "year", "page"].map((field) => ({ field, reason: "invalid" })),
    );
  });

  it("caps the query's length and number of words", () => {
    expect(parseDirectoryParams({ q: "a".repeat(100) }).params.q).toHaveLength(100);
    const long = parseDirectoryParams({ q: "a".repeat(101) });
    expect(long.params.q).toBe("");
    expect(long.problems).toEqual(["Name is longer than 100 characters, so it was ignored."]);
    expect(parseDirectoryParams({ q: "a b c d e f g h i" }).problems).toEqual([
      "Name has more than 8 words, so it was ignored.",
    ]);
  });

  it("turns control characters into spaces, so a NUL byte never reaches the database", () => {
    expect(parseDirectoryParams({ q: "Leyla\u0000Yunus\t" }).params.q).toBe("Leyla Yunus");
  });

  it("uses the first of a repeated parameter and refuses impossible numbers", () => {
    expect(parseDirectoryParams({ status: ["imprisoned", "released"] }).params.status).toBe("imprisoned");
    expect(parseDirectoryParams({ year: "2014" }).params.year).toBe(2014);
    expect(parseDirectoryParams({ year: "2014.5" }).problems).toEqual(["Year of arrest is not a year, so it was ignored."]);
    expect(parseDirectoryParams({ page: "1e9" }).problems).toEqual(["Page is beyond the last page, so it was ignored."]);
  });
});

describe("filter values the public record does not hold", () => {
  const choices: FilterChoices = {
    categories: [{ value: "journalist" }],
    facilities: [],
    courts: [{ value: "nasimi-district-court" }],
    articles: [],
    years: [{ value: 2014 }],
  };

  it("are dropped with a message; known ones stay", () => {
    const parsed = parseDirectoryParams({ category: "journalist", facility: "secret-site", court: "nasimi-district-court", year: "1999" });
    const { params, problems, ignored } = keepKnownChoices(parsed, choices);
    expect(params).toEqual({ ...defaults, category: "journalist", court: "nasimi-district-court" });
    expect(problems).toEqual([
      "Held at is not one of the choices, so it was ignored.",
      "Year of arrest is not one of the choices, so it was ignored.",
    ]);
    expect(ignored).toEqual([
      { field: "facility", reason: "unknown-choice" },
      { field: "year", reason: "unknown-choice" },
    ]);
  });
});

describe("directory addresses", () => {
  it("leave out defaults, so one state has one address", () => {
    expect(directoryQuery({ q: "", status: "all", sort: "name", page: 1 })).toEqual({});
    expect(directoryQuery({ q: "yunus", status: "imprisoned", year: 2014, sort: "arrested", page: 2 })).toEqual({
      q: "yunus",
      status: "imprisoned",
      year: "2014",
      sort: "arrested",
      page: "2",
    });
  });
});
