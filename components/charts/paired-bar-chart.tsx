import { axisWidth, CHART_WIDTH, countTicks, formatCount, palette, round } from "./scale";

export type BarPair = { label: string; first: number; second: number };

type PairedBarChartProps = {
  /** Unique on the page: names the hatch pattern of the second series. */
  id: string;
  pairs: BarPair[];
  /** Names of the two series, in the order of the bars in each pair. */
  series: [string, string];
  /** What the chart shows, read out instead of the drawing. */
  label: string;
};

const HEIGHT = 230;
const MARGIN = { top: 34, right: 8, bottom: 24 };
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;

/**
 * Two counts side by side for each period (arrests and releases per month). The second series
 * is hatched as well as coloured, so the pairs stay apart in greyscale print and for readers
 * who do not tell the two colours apart; the legend names both.
 */
export function PairedBarChart({ id, pairs, series, label }: PairedBarChartProps) {
  const max = pairs.reduce((highest, pair) => Math.max(highest, pair.first, pair.second), 0);
  const ticks = countTicks(max);
  const top = ticks[ticks.length - 1];
  const left = axisWidth(ticks);
  const plotWidth = CHART_WIDTH - left - MARGIN.right;
  const slot = plotWidth / Math.max(1, pairs.length);
  const barWidth = Math.min(22, slot * 0.36);
  const y = (value: number) => MARGIN.top + PLOT_HEIGHT - (value / top) * PLOT_HEIGHT;
  const hatch = `${id}-hatch`;
  // Values above the bars only where they fit without touching their neighbour.
  const digits = formatCount(max).length;
  const showValues = digits * 6.5 <= barWidth + 4;

  const secondFill = `url(#${hatch})`;
  // Room for the first name at about 8 units a character.
  const secondLegend = left + 17 + series[0].length * 8 + 16;
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
      <defs>
        <pattern id={hatch} width={5} height={5} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width={5} height={5} fill={palette.secondaryTint} />
          <line x1={0} y1={0} x2={0} y2={5} stroke={palette.secondary} strokeWidth={3} />
        </pattern>
      </defs>

      <g>
        <rect x={left} y={6} width={12} height={12} fill={palette.primary} />
        <text x={left + 17} y={16}>
          {series[0]}
        </text>
        <rect x={secondLegend} y={6} width={12} height={12} fill={secondFill} stroke={palette.secondary} />
        <text x={secondLegend + 17} y={16}>
          {series[1]}
        </text>
      </g>

      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={left} x2={CHART_WIDTH - MARGIN.right} y1={round(y(tick))} y2={round(y(tick))} stroke={palette.grid} />
          <text x={left - 6} y={round(y(tick))} dy="0.32em" textAnchor="end">
            {formatCount(tick)}
          </text>
        </g>
      ))}

      {pairs.map((pair, index) => {
        const centre = left + slot * (index + 0.5);
        const bars = [
          { value: pair.first, x: centre - barWidth - 1, fill: palette.primary, stroke: "none" },
          { value: pair.second, x: centre + 1, fill: secondFill, stroke: palette.secondary },
        ];
        return (
          <g key={`${index}-${pair.label}`}>
            {bars.map((bar, position) =>
              bar.value > 0 ? (
                <g key={position}>
                  <rect
                    x={round(bar.x)}
                    y={round(y(bar.value))}
                    width={round(barWidth)}
                    height={round(MARGIN.top + PLOT_HEIGHT - y(bar.value))}
                    fill={bar.fill}
                    stroke={bar.stroke}
                  />
                  {showValues ? (
                    <text x={round(bar.x + barWidth / 2)} y={round(y(bar.value) - 4)} textAnchor="middle" fontSize={12}>
                      {formatCount(bar.value)}
                    </text>
                  ) : null}
                </g>
              ) : null,
            )}
            <text x={round(centre)} y={HEIGHT - 8} textAnchor="middle" fontSize={11.5}>
              {pair.label}
            </text>
          </g>
        );
      })}

      <line
        x1={left}
        x2={CHART_WIDTH - MARGIN.right}
        y1={MARGIN.top + PLOT_HEIGHT}
        y2={MARGIN.top + PLOT_HEIGHT}
        stroke={palette.axis}
      />
    </svg>
  );
}
