import { CHART_WIDTH, fitLabel, formatCount, palette, round } from "./scale";

export type Bar = {
  label: string;
  value: number;
  /** Drawn in grey: a remainder ("not recorded") rather than a group of its own. */
  remainder?: boolean;
};

type BarChartProps = {
  bars: Bar[];
  /** What the chart shows, read out instead of the drawing. */
  label: string;
  /** Draw at most this many bars; the rest are named in a line below them (and in the table). */
  limit?: number;
};

const ROW_HEIGHT = 38;
const PADDING = 6;
const VALUE_ROOM = 44;
const MAX_LABEL_CHARACTERS = 44;

/**
 * Horizontal bars, each with its label above it and its value at its end: long names (prisons,
 * categories) stay readable on a phone, and bars of equal length compare at a glance.
 */
export function BarChart({ bars, label, limit = 12 }: BarChartProps) {
  const shown = bars.slice(0, limit);
  const hidden = bars.length - shown.length;
  const max = shown.reduce((highest, bar) => Math.max(highest, bar.value), 0);
  const barSpace = CHART_WIDTH - 2 * PADDING - VALUE_ROOM;
  const height = Math.max(1, shown.length) * ROW_HEIGHT + (hidden > 0 ? 22 : 0) + PADDING;

  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${CHART_WIDTH} ${height}`}
      className="h-auto w-full max-w-[30rem]"
      style={{ printColorAdjust: "exact" }}
      fontSize={13}
      fill={palette.text}
    >
      {shown.length === 0 ? (
        <text x={CHART_WIDTH / 2} y={ROW_HEIGHT / 2} textAnchor="middle">
          No one to show.
        </text>
      ) : null}
      {shown.map((bar, index) => {
        const top = PADDING + index * ROW_HEIGHT;
        const length = max === 0 ? 0 : Math.max(bar.value > 0 ? 2 : 0, (bar.value / max) * barSpace);
        return (
          <g key={`${index}-${bar.label}`}>
            <text x={PADDING} y={top + 12}>
              {fitLabel(bar.label, MAX_LABEL_CHARACTERS)}
            </text>
            <rect x={PADDING} y={top + 17} width={round(length)} height={14} rx={2} fill={bar.remainder ? palette.axis : palette.primary} />
            <text x={round(PADDING + length + 5)} y={top + 28} fontWeight={600}>
              {formatCount(bar.value)}
            </text>
          </g>
        );
      })}
      {hidden > 0 ? (
        <text x={PADDING} y={PADDING + shown.length * ROW_HEIGHT + 14} fontStyle="italic">
          {`and ${hidden} more, listed in the table`}
        </text>
      ) : null}
    </svg>
  );
}
