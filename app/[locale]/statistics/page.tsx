import type { Metadata } from "next";
import { connection } from "next/server";
import { z } from "zod";
import { ArrestsAndReleases, defaultYear, yearsWithMovements } from "@/components/statistics/arrests-and-releases";
import { ImprisonedByGroup } from "@/components/statistics/imprisoned-by-group";
import { ImprisonedOverTime } from "@/components/statistics/imprisoned-over-time";
import {
  arrestsAndReleases,
  imprisonedByCategory,
  imprisonedByFacility,
  imprisonedSeries,
} from "@/lib/data/statistics";
import { formatPartialDate, todayUtc } from "@/lib/dates";

export const metadata: Metadata = {
  title: "Statistics",
  description:
    "How many political prisoners were imprisoned on each day, by category and place of detention, and arrests and releases per month: derived from dated, sourced custody records.",
};

const timestamp = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

const yearParameter = z.coerce.number().int().min(1).max(9999);

const sections = [
  { id: "over-time", title: "Imprisoned, day by day" },
  { id: "by-category", title: "Imprisoned now, by category" },
  { id: "by-facility", title: "Imprisoned now, by place of detention" },
  { id: "arrests-and-releases", title: "Arrests and releases per month" },
] as const;

export default async function StatisticsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Figures are computed at request time from the custody records, never baked into the build.
  await connection();
  const computedAt = new Date();
  const today = todayUtc(computedAt);
  const [series, byCategory, byFacility, movements] = await Promise.all([
    imprisonedSeries(today),
    imprisonedByCategory(today),
    imprisonedByFacility(today),
    arrestsAndReleases(),
  ]);

  const currentYear = computedAt.getUTCFullYear();
  const asked = yearParameter.safeParse((await searchParams).year);
  const year =
    asked.success && yearsWithMovements(movements).includes(asked.data) ? asked.data : defaultYear(movements, currentYear);
  const on = formatPartialDate({ date: today, precision: "DAY" });
  const heading = (id: (typeof sections)[number]["id"]) => sections.find((section) => section.id === id)?.title;

  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">Statistics</h1>
        <p className="max-w-prose">
          Every number on this page is computed from the published custody records each time the
          page is served: nothing is counted by hand. &ldquo;Imprisoned&rdquo; means held in a
          prison or detention centre; house arrest is recorded on profiles but not counted.
        </p>
        <p className="text-sm text-muted">
          As of <time dateTime={computedAt.toISOString()}>{timestamp.format(computedAt)} UTC</time>
        </p>
        <nav aria-label="On this page" className="no-print text-sm">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {sections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`} className="text-accent underline underline-offset-4">
                  {section.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>

      <section aria-labelledby="over-time" className="space-y-4">
        <h2 id="over-time" className="text-xl font-semibold">
          {heading("over-time")}
        </h2>
        <ImprisonedOverTime series={series} />
      </section>

      <section aria-labelledby="by-category" className="space-y-4">
        <h2 id="by-category" className="text-xl font-semibold">
          {heading("by-category")}
        </h2>
        <ImprisonedByGroup
          title={`People imprisoned on ${on}, in each category`}
          description="A person may belong to more than one category, or to none, so the categories add up to more or less than the number of people."
          groupName="Category"
          on={on}
          total={byCategory.total}
          groups={[
            ...byCategory.categories.map((category) => ({ label: category.name, value: category.count })),
            ...(byCategory.uncategorised > 0 ? [{ label: "No category recorded", value: byCategory.uncategorised, remainder: true }] : []),
          ]}
        />
      </section>

      <section aria-labelledby="by-facility" className="space-y-4">
        <h2 id="by-facility" className="text-xl font-semibold">
          {heading("by-facility")}
        </h2>
        <ImprisonedByGroup
          title={`People imprisoned on ${on}, in each prison or detention centre`}
          description="Where each person is held according to the latest published placement or transfer in their record. Each person is counted once."
          groupName="Place of detention"
          on={on}
          total={byFacility.total}
          groups={[
            ...byFacility.facilities.map((facility) => ({ label: facility.name, value: facility.count })),
            ...(byFacility.notRecorded > 0 ? [{ label: "Place of detention not recorded", value: byFacility.notRecorded, remainder: true }] : []),
          ]}
        />
      </section>

      <section aria-labelledby="arrests-and-releases" className="space-y-4">
        <h2 id="arrests-and-releases" className="text-xl font-semibold">
          {heading("arrests-and-releases")}
        </h2>
        <ArrestsAndReleases
          movements={movements}
          year={year}
          current={{ year: currentYear, month: computedAt.getUTCMonth() + 1 }}
        />
      </section>
    </div>
  );
}
