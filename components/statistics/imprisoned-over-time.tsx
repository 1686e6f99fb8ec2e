import { ChartFigure } from "@/components/charts/chart-figure";
import { DataTable } from "@/components/charts/data-table";
import { formatCount } from "@/components/charts/scale";
import { StepChart } from "@/components/charts/step-chart";
import type { ImprisonedSeries } from "@/lib/data/statistics";
import { useLocale, useTranslations } from "next-intl";
import { formatCalendarDate, type IsoDay } from "@/lib/dates";

/** The count on every day since the first person counted, with its month-end table. */
export function ImprisonedOverTime({ series }: { series: ImprisonedSeries }) {
  const t = useTranslations("statistics");
  const locale = useLocale();
  const longDate = (day: IsoDay, form: "standalone" | "genitive" = "standalone") =>
    formatCalendarDate({ date: day, precision: "DAY" }, locale, form);
  const first = series.days[0];
  const last = series.days[series.days.length - 1];
  const peak = series.peak;
  const label =
    first && last && peak
      ? t("overTimeChart", {
          first: longDate(first.day, "genitive"),
          last: longDate(last.day, "genitive"),
          firstCount: formatCount(first.count),
          peakCount: formatCount(peak.count),
          peak: longDate(peak.day),
          lastCount: formatCount(last.count),
        })
      : t("overTimeChartEmpty");
  const newestFirst = [...series.monthEnds].reverse();

  return (
    <ChartFigure
      title={t("overTimeTitle")}
      description={t("overTimeDescription")}
    >
      {first && last && peak ? (
        <dl className="flex flex-wrap gap-x-8 gap-y-3 text-sm">
          <div>
            <dt className="text-muted">{t("imprisonedToday")}</dt>
            <dd className="text-2xl font-bold tabular-nums text-accent">{formatCount(last.count)}</dd>
          </div>
          <div>
            <dt className="text-muted">{t("highest")}</dt>
            <dd>
              <span className="text-2xl font-bold tabular-nums">{formatCount(peak.count)}</span>{" "}
              <span className="text-muted">{t("highestFrom", { date: longDate(peak.day, "genitive") })}</span>
            </dd>
          </div>
          <div>
            <dt className="text-muted">{t("countedSince")}</dt>
            <dd className="text-base font-semibold">{longDate(first.day)}</dd>
          </div>
        </dl>
      ) : null}
      <StepChart points={series.days} label={label} locale={locale} />
      <details className="group">
        <summary className="cursor-pointer text-sm font-semibold text-accent underline-offset-4 hover:underline">
          {t("monthEndTable", { count: newestFirst.length })}
        </summary>
        <div className="mt-3">
          <DataTable
            caption={t("monthEndCaption")}
            columns={[t("day"), t("peopleImprisoned")]}
            rows={newestFirst.map((entry) => ({
              key: entry.day,
              header: entry === last ? t("today", { date: longDate(entry.day) }) : longDate(entry.day),
              values: [entry.count],
            }))}
          />
        </div>
      </details>
    </ChartFigure>
  );
}
