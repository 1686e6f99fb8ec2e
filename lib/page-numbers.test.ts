import { describe, expect, it } from "vitest";
import { pageNumbers } from "./page-numbers";

describe("page links", () => {
  it("lists every page when there are few", () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it("keeps the ends and the neighbourhood of the current page, marking gaps", () => {
    expect(pageNumbers(1, 30)).toEqual([1, 2, 3, "gap", 30]);
    expect(pageNumbers(15, 30)).toEqual([1, "gap", 13, 14, 15, 16, 17, "gap", 30]);
    expect(pageNumbers(30, 30)).toEqual([1, "gap", 28, 29, 30]);
    expect(pageNumbers(4, 30)).toEqual([1, 2, 3, 4, 5, 6, "gap", 30]);
  });
});
