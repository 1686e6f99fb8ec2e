import Link from "next/link";
import { ChartFigure } from "@/components/charts/chart-figure";
import { DataTable, type TableRow } from "@/components/charts/data-table";
import { PairedBarChart } from "@/components/charts/paired-bar-chart";
import { formatCount } from "@/components/charts/scale";
import type { Movements } from "@/lib/data/statistics";

const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

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
  const lastMonth = year === current.year ? current.month : 12;
  const months = MONTHS.slice(0, lastMonth).map((name, index) => {
    const key = `${year}-${String(index + 1).padStart(2, "0")}`;
    const found = movements.months.find((entry) => entry.month === key);
    return { key, name, arrests: found?.arrests ?? 0, releases: found?.releases ?? 0 };
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

  const label =
    `Paired bar chart of arrests and releases in each month of ${year}: ` +
    months.map((month) => `${month.name}, ${month.arrests} ${month.arrests === 1 ? "arrest" : "arrests"} and ${month.releases} ${month.releases === 1 ? "release" : "releases"}`).join("; ") +
    `. Not placed in any month: ${unplaced.arrestsKnownOnlyToYear + unplaced.arrestsKnownOnlyAsBound} arrests and ${unplaced.releasesKnownOnlyToYear} releases.`;

  const unplacedRows: TableRow[] = [
    {
      key: "year-only",
      header: `Date known only to the year ${year}`,
      values: [unplaced.arrestsKnownOnlyToYear, unplaced.releasesKnownOnlyToYear],
    },
    {
      key: "bound",
      header: `Arrest date not known; in custody by a date in ${year}`,
      values: [unplaced.arrestsKnownOnlyAsBound, null],
    },
  ];

  return (
    <>
      {years.length > 1 ? (
        <nav aria-label="Years of arrests and releases" className="text-sm">
          <ul className="flex flex-wrap gap-x-3 gap-y-1">
            {years.map((option) => (
              <li key={option}>
                <Link
                  href={`/statistics?year=${option}#arrests-and-releases`}
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
        title={`Arrests and releases in each month of ${year}`}
        description={
          <>
            An arrest is the start of a published detention period, a release its end (including a
            move to house arrest). A date the sources give to the day or the month is counted in its
            month. A date known only to the year is counted for the year but in no month, and so is
            an arrest known only from a source showing the person in custody by a date: the arrest
            itself may have been earlier. Those are in the last rows of the table.
          </>
        }
      >
        <PairedBarChart
          id="arrests-and-releases-chart"
          pairs={months.map((month) => ({ label: month.name.slice(0, 3), first: month.arrests, second: month.releases }))}
          series={["Arrests", "Releases"]}
          label={label}
        />
        <DataTable
          caption={`Arrests and releases in ${year}, by month`}
          columns={["Month", "Arrests", "Releases"]}
          rows={[
            ...months.map((month) => ({
              key: month.key,
              header: `${month.name} ${year}`,
              values: [month.arrests, month.releases],
            })),
            ...unplacedRows,
          ]}
          footer={[{ key: "total", header: `All of ${year}`, values: [totalArrests, totalReleases] }]}
        />
        <p className="text-sm text-muted">
          In {year}, {formatCount(placedArrests)} of {formatCount(totalArrests)} arrests and{" "}
          {formatCount(placedReleases)} of {formatCount(totalReleases)} releases have a known month.
        </p>
      </ChartFigure>
    </>
  );
}
