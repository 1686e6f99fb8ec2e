import { ChartFigure } from "@/components/charts/chart-figure";
import { DataTable } from "@/components/charts/data-table";
import { formatCount } from "@/components/charts/scale";
import { StepChart } from "@/components/charts/step-chart";
import type { ImprisonedSeries } from "@/lib/data/statistics";
import { formatPartialDate, type IsoDay } from "@/lib/dates";

const longDate = (day: IsoDay) => formatPartialDate({ date: day, precision: "DAY" });

/** The count on every day since the first person counted, with its month-end table. */
export function ImprisonedOverTime({ series }: { series: ImprisonedSeries }) {
  const first = series.days[0];
  const last = series.days[series.days.length - 1];
  const peak = series.peak;
  const label =
    first && last && peak
      ? `Step chart of the number of people imprisoned on each day, from ${longDate(first.day)} to ${longDate(last.day)}: ` +
        `${formatCount(first.count)} on the first day, ${formatCount(peak.count)} at the highest (first on ${longDate(peak.day)}), ` +
        `${formatCount(last.count)} today.`
      : "Step chart of the number of people imprisoned on each day: no one has been counted yet.";
  const newestFirst = [...series.monthEnds].reverse();

  return (
    <ChartFigure
      title="People imprisoned on each day"
      description={
        <>
          Each day is counted by the same rule as the live count: a published custody period in a
          prison or detention centre that the sources prove had begun by that day, and had not
          ended (the day of release is not counted). Where a source only shows that someone was
          in custody by a date, they are counted from the last day that date can mean.
        </>
      }
    >
      {first && last && peak ? (
        <dl className="flex flex-wrap gap-x-8 gap-y-3 text-sm">
          <div>
            <dt className="text-muted">Imprisoned today</dt>
            <dd className="text-2xl font-bold tabular-nums text-accent">{formatCount(last.count)}</dd>
          </div>
          <div>
            <dt className="text-muted">Highest</dt>
            <dd>
              <span className="text-2xl font-bold tabular-nums">{formatCount(peak.count)}</span>{" "}
              <span className="text-muted">from {longDate(peak.day)}</span>
            </dd>
          </div>
          <div>
            <dt className="text-muted">Counted since</dt>
            <dd className="text-base font-semibold">{longDate(first.day)}</dd>
          </div>
        </dl>
      ) : null}
      <StepChart points={series.days} label={label} />
      <details className="group">
        <summary className="cursor-pointer text-sm font-semibold text-accent underline-offset-4 hover:underline">
          Table: imprisoned at the end of each month ({formatCount(newestFirst.length)}{" "}
          {newestFirst.length === 1 ? "row" : "rows"})
        </summary>
        <div className="mt-3">
          <DataTable
            caption="People imprisoned at the end of each month, and today (newest first)"
            columns={["Day", "People imprisoned"]}
            rows={newestFirst.map((entry) => ({
              key: entry.day,
              header: entry === last ? `Today, ${longDate(entry.day)}` : longDate(entry.day),
              values: [entry.count],
            }))}
          />
        </div>
      </details>
    </ChartFigure>
  );
}
