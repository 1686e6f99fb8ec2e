import { axisWidth, CHART_WIDTH, countTicks, formatCount, palette, round } from "./scale";

export type StepPoint = { day: string; count: number };

type StepChartProps = {
  /** One point per consecutive calendar day ("2014-10-24"), oldest first. */
  points: StepPoint[];
  /** The page's language, for the months on the axis. */
  locale?: string;
  /** What the chart shows, read out instead of the drawing. */
  label: string;
};

const HEIGHT = 220;
const MARGIN = { top: 24, right: 14, bottom: 28 };
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A month's short name on the axis: English's own list, Intl's for other languages ("yan", "янв."). */
function shortMonth(month: Date, locale: string): string {
  if (locale === "en") return MONTHS[month.getUTCMonth()];
  return new Intl.DateTimeFormat(locale, { month: "short", timeZone: "UTC" }).format(month);
}

/**
 * A count that changes from day to day, drawn as steps: it holds its value until the day it
 * changes. Decades of days are drawn at the resolution the chart can show (half a viewBox
 * unit): within one column, the line spans the lowest and highest count and ends at the last.
 */
export function StepChart({ points, label, locale = "en" }: StepChartProps) {
  const max = points.reduce((highest, point) => Math.max(highest, point.count), 0);
  const ticks = countTicks(max);
  const top = ticks[ticks.length - 1];
  const left = axisWidth(ticks);
  const plotWidth = CHART_WIDTH - left - MARGIN.right;
  const x = (index: number) =>
    left + (points.length <= 1 ? plotWidth / 2 : (index / (points.length - 1)) * plotWidth);
  const y = (count: number) => MARGIN.top + PLOT_HEIGHT - (count / top) * PLOT_HEIGHT;
  const line = stepPath(points, x, y);
  const last = points[points.length - 1];

  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${CHART_WIDTH} ${HEIGHT}`}
      className="h-auto w-full max-w-[30rem]"
      style={{ printColorAdjust: "exact" }}
      fontSize={13}
      fill={palette.text}
    >
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={left} x2={CHART_WIDTH - MARGIN.right} y1={round(y(tick))} y2={round(y(tick))} stroke={palette.grid} />
          <text x={left - 6} y={round(y(tick))} dy="0.32em" textAnchor="end">
            {formatCount(tick)}
          </text>
        </g>
      ))}
      {timeTicks(points, locale).map(({ index, text }) => (
        <g key={index}>
          <line x1={round(x(index))} x2={round(x(index))} y1={MARGIN.top + PLOT_HEIGHT} y2={MARGIN.top + PLOT_HEIGHT + 5} stroke={palette.axis} />
          <text x={round(x(index))} y={HEIGHT - 8} textAnchor="middle">
            {text}
          </text>
        </g>
      ))}
      <line
        x1={left}
        x2={CHART_WIDTH - MARGIN.right}
        y1={MARGIN.top + PLOT_HEIGHT}
        y2={MARGIN.top + PLOT_HEIGHT}
        stroke={palette.axis}
      />
      {line ? (
        <>
          <path
            d={`${line} V${MARGIN.top + PLOT_HEIGHT} H${round(x(0))} Z`}
            fill={palette.primaryTint}
            stroke="none"
          />
          <path d={line} fill="none" stroke={palette.primary} strokeWidth={2} strokeLinejoin="round" />
          <circle cx={round(x(points.length - 1))} cy={round(y(last.count))} r={3.5} fill={palette.primary} />
          <text
            x={round(x(points.length - 1))}
            y={round(y(last.count)) - 8}
            textAnchor="end"
            fontWeight={600}
            fill={palette.primary}
          >
            {formatCount(last.count)}
          </text>
        </>
      ) : (
        <text x={left + plotWidth / 2} y={MARGIN.top + PLOT_HEIGHT / 2} textAnchor="middle">
          No one is counted on any day yet.
        </text>
      )}
    </svg>
  );
}

/** The step line as SVG path data, drawn one column (half a viewBox unit) at a time. */
export function stepPath(
  points: StepPoint[],
  x: (index: number) => number,
  y: (count: number) => number,
): string | null {
  if (points.length === 0) return null;
  const commands = [`M${round(x(0))},${round(y(points[0].count))}`];
  let pen = points[0].count;
  let column = columnOf(x(0));
  let changes: { low: number; high: number; last: number } | null = null;
  const drawColumn = () => {
    // The line covers every count the column passed through, and leaves at the last one.
    if (!changes) return;
    const { low, high, last } = changes;
    const visits = last === low ? [high, low] : last === high ? [low, high] : [low, high, last];
    for (const value of visits) {
      if (value !== pen) commands.push(`V${round(y(value))}`);
      pen = value;
    }
    changes = null;
  };
  for (let index = 1; index < points.length; index += 1) {
    const count = points[index].count;
    if (count === points[index - 1].count) continue;
    const here = columnOf(x(index));
    if (here !== column) {
      drawColumn();
      commands.push(`H${here}`);
      column = here;
    }
    changes = changes
      ? { low: Math.min(changes.low, count), high: Math.max(changes.high, count), last: count }
      : { low: Math.min(pen, count), high: Math.max(pen, count), last: count };
  }
  drawColumn();
  commands.push(`H${round(x(points.length - 1))}`);
  return commands.join(" ");
}

function columnOf(position: number): number {
  return Math.round(position * 2) / 2;
}

const DAY_MS = 86_400_000;

/** Labelled ticks on the time axis: 1 January of some years, or months for a short series. */
export function timeTicks(points: StepPoint[], locale = "en"): { index: number; text: string }[] {
  if (points.length < 2) return [];
  const first = new Date(`${points[0].day}T00:00:00Z`);
  const last = new Date(`${points[points.length - 1].day}T00:00:00Z`);
  const indexOf = (date: Date) => Math.round((date.getTime() - first.getTime()) / DAY_MS);
  // The first of a month or year on or after the first day.
  const startsOnFirst = first.getUTCDate() === 1;
  const ticks: { index: number; text: string }[] = [];

  const years = last.getUTCFullYear() - first.getUTCFullYear();
  if (years >= 2) {
    const step = [1, 2, 5, 10, 20, 25, 50, 100].find((candidate) => years / candidate <= 4) ?? 200;
    const firstYear = first.getUTCFullYear() + (startsOnFirst && first.getUTCMonth() === 0 ? 0 : 1);
    for (let year = Math.ceil(firstYear / step) * step; year <= last.getUTCFullYear(); year += step) {
      ticks.push({ index: indexOf(new Date(Date.UTC(year, 0, 1))), text: String(year) });
    }
    return ticks;
  }

  const months = years * 12 + last.getUTCMonth() - first.getUTCMonth();
  const step = [1, 2, 3, 6].find((candidate) => months / candidate <= 4) ?? 12;
  let month = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + (startsOnFirst ? 0 : 1), 1));
  while (month <= last) {
    const name = shortMonth(month, locale);
    const withYear = ticks.length === 0 || month.getUTCMonth() < step;
    ticks.push({ index: indexOf(month), text: withYear ? `${name} ${month.getUTCFullYear()}` : name });
    month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + step, 1));
  }
  return ticks;
}
