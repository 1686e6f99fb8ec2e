/**
 * Geometry shared by the charts. Charts are drawn in a fixed coordinate space (the SVG viewBox)
 * and scaled by the browser to the width available, so these work in viewBox units.
 */

/** Width of every chart's viewBox: about a phone's width, so text stays legible when scaled down. */
export const CHART_WIDTH = 340;

/** Text, grid and marks with enough contrast on white, in colour and in greyscale print. */
export const palette = {
  text: "#44403c",
  grid: "#d6d3d1",
  axis: "#78716c",
  primary: "#9f1239",
  primaryTint: "#fce7eb",
  secondary: "#1e40af",
  secondaryTint: "#dbeafe",
} as const;

/** One decimal place is finer than any screen shows at this size, and keeps the markup small. */
export function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Tick values for a count axis from zero: whole numbers in steps of 1, 2 or 5 times a power of
 * ten, at most `maximumTicks` steps, the last at or above `max`.
 */
export function countTicks(max: number, maximumTicks = 4): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / maximumTicks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power);
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) ticks.push(value);
  return ticks;
}

/** Room left of the plot for the count axis labels, at about 8 units a character. */
export function axisWidth(ticks: number[]): number {
  const longest = Math.max(...ticks.map((tick) => formatCount(tick).length));
  return Math.max(28, longest * 8 + 10);
}

const integer = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

export function formatCount(value: number): string {
  return integer.format(value);
}

/** Shortens a label to fit a line of the chart; the table beside it has the full text. */
export function fitLabel(label: string, maximumCharacters: number): string {
  return label.length <= maximumCharacters ? label : `${label.slice(0, maximumCharacters - 1).trimEnd()}…`;
}
