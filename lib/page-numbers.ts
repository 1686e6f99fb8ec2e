/**
 * The page links to offer: the first, the last, and two either side of the current page, with
 * a gap where numbers are left out. Enough to jump anywhere in two steps on a small screen.
 */
export function pageNumbers(current: number, count: number): (number | "gap")[] {
  const shown = new Set([1, count, current - 2, current - 1, current, current + 1, current + 2]);
  const numbers = [...shown].filter((page) => page >= 1 && page <= count).sort((a, b) => a - b);
  const result: (number | "gap")[] = [];
  for (const page of numbers) {
    const previous = result.at(-1);
    if (typeof previous === "number" && page - previous > 1) result.push("gap");
    result.push(page);
  }
  return result;
}
