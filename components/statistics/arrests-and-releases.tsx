import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import { ChartFigure } from "@/components/charts/chart-figure";
import { DataTable, type TableRow } from "@/components/charts/data-table";
import { PairedBarChart } from "@/components/charts/paired-bar-chart";
import { formatCount } from "@/components/charts/scale";
import type { Movements } from "@/lib/data/statistics";

/** The twelve months' names in a language, as they stand alone ("October", "oktyabr", "октябрь"). */
function monthNames(locale: string): { name: string; short: string }[] {
  const long = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { month: "long", timeZone: "UTC" });
  const short = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { month: "short", timeZone: "UTC" });
  return Array.from({ length: 12 }, (_, index) => {
    const date = new Date(Date.UTC(2001, index, 1));
    return { name: capitalize(long.format(date), locale), short: short.format(date) };
  });
}

function capitalize(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** Every year with an arrest or a release recorded, oldest first. */
export function yearsWithMovements(movements: Movements): number[] {
  const years = new Set<number>(movements.unplaced.map((entry) => entry.year));
  for (const entry of movements.months) years.add(Number(entry.month.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}

/**
 * The year shown when none is asked for: the latest with an arrest or release placed in a month,
 * else the latest with any, else this year.
 */
export function defaultYear(movements: Movements, currentYear: number): number {
  const placed = movements.months.at(-1);
  if (placed) return Number(placed.month.slice(0, 4));
  return movements.unplaced.at(-1)?.year ?? currentYear;
}

type ArrestsAndReleasesProps = {
  movements: Movements;
  year: number;
  /** Today's year and month (1-12): months after it are not drawn. */
  current: { year: number; month: number };
};

/** Arrests and releases in each month of one year, with links to the other years. */
export function ArrestsAndReleases({ movements, year, current }: ArrestsAndReleasesProps) {
  const t = useTranslations("statistics");
  const locale = useLocale();
  const lastMonth = year === current.year ? current.month : 12;
  const months = monthNames(locale).slice(0, lastMonth).map(({ name, short }, index) => {
    const key = `${year}-${String(index + 1).padStart(2, "0")}`;
    const found = movements.months.find((entry) => entry.month === key);
    return { key, name, short, arrests: found?.arrests ?? 0, releases: found?.releases ?? 0 };
  });
  const unplaced = movements.unplaced.find((entry) => entry.year === year) ?? {
    year,
    arrestsKnownOnlyToYear: 0,
    releasesKnownOnlyToYear: 0,
    arrestsKnownOnlyAsBound: 0,
  };
  const placedArrests = months.reduce((sum, month) => sum + month.arrests, 0);
  const placedReleases = months.reduce((sum, month) => sum + month.releases, 0);
  const totalArrests = placedArrests + unplaced.arrestsKnownOnlyToYear + unplaced.arrestsKnownOnlyAsBound;
  const totalReleases = placedReleases + unplaced.releasesKnownOnlyToYear;
  const years = yearsWithMovements(movements);

  const label = t("movementsChart", {
    year: String(year),
    months: months
      .map((month) => t("movementsMonth", { month: month.name, arrests: month.arrests, releases: month.releases }))
      .join("; "),
    arrests: unplaced.arrestsKnownOnlyToYear + unplaced.arrestsKnownOnlyAsBound,
    releases: unplaced.releasesKnownOnlyToYear,
  });

  const unplacedRows: TableRow[] = [
    {
      key: "year-only",
      header: t("yearOnly", { year: String(year) }),
      values: [unplaced.arrestsKnownOnlyToYear, unplaced.releasesKnownOnlyToYear],
    },
    {
      key: "bound",
      header: t("boundOnly", { year: String(year) }),
      values: [unplaced.arrestsKnownOnlyAsBound, null],
    },
  ];

  return (
    <>
      {years.length > 1 ? (
        <nav aria-label={t("yearsNav")} className="text-sm">
          <ul className="flex flex-wrap gap-x-3 gap-y-1">
            {years.map((option) => (
              <li key={option}>
                <Link
                  href={{ pathname: "/statistics", query: { year: option }, hash: "arrests-and-releases" }}
                  aria-current={option === year ? "page" : undefined}
                  className="inline-block px-1 py-1 underline-offset-4 hover:underline aria-[current=page]:font-bold aria-[current=page]:text-accent aria-[current=page]:underline"
                >
                  {option}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <ChartFigure
        title={t("movementsTitle", { year: String(year) })}
        description={t("movementsDescription")}
      >
        <PairedBarChart
          id="arrests-and-releases-chart"
          pairs={months.map((month) => ({ label: month.short, first: month.arrests, second: month.releases }))}
          series={[t("arrests"), t("releases")]}
          label={label}
        />
        <DataTable
          caption={t("movementsCaption", { year: String(year) })}
          columns={[t("month"), t("arrests"), t("releases")]}
          rows={[
            ...months.map((month) => ({
              key: month.key,
              header: `${month.name} ${year}`,
              values: [month.arrests, month.releases],
            })),
            ...unplacedRows,
          ]}
          footer={[{ key: "total", header: t("allOfYear", { year: String(year) }), values: [totalArrests, totalReleases] }]}
        />
        <p className="text-sm text-muted">
          {t("knownMonth", {
            year: String(year),
            placedArrests: formatCount(placedArrests),
            totalArrests: formatCount(totalArrests),
            placedReleases: formatCount(placedReleases),
            totalReleases: formatCount(totalReleases),
          })}
        </p>
      </ChartFigure>
    </>
  );
}
