import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
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
import type { Locale } from "@/i18n/routing";
import { todayUtc } from "@/lib/dates";
import { wording } from "@/lib/i18n/wording";
import { localeParams, sectionMetadata } from "@/lib/i18n/server";

type Props = {
  params: Promise<{ locale: Locale }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return sectionMetadata(params, "statistics", "/statistics");
}

const yearParameter = z.coerce.number().int().min(1).max(9999);

const sections = [
  { id: "over-time", title: "overTime" },
  { id: "by-category", title: "byCategory" },
  { id: "by-facility", title: "byFacility" },
  { id: "arrests-and-releases", title: "arrestsAndReleases" },
] as const;

export default async function StatisticsPage({ params, searchParams }: Props) {
  const { locale } = await localeParams(params);
  const t = await getTranslations("statistics");
  const words = wording(locale);
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
  const on = words.day(today);
  const heading = (id: (typeof sections)[number]["id"]) => {
    const section = sections.find((each) => each.id === id);
    return section ? t(section.title) : null;
  };

  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="max-w-prose">{t("intro")}</p>
        <p className="text-sm text-muted">
          {t.rich("asOf", {
            when: words.timestamp(computedAt),
            time: (text) => <time dateTime={computedAt.toISOString()}>{text}</time>,
          })}
        </p>
        <nav aria-label={t("onThisPage")} className="no-print text-sm">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {sections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.id}`} className="text-accent underline underline-offset-4">
                  {t(section.title)}
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
          title={t("categoryTitle", { date: on })}
          description={t("categoryDescription")}
          groupName={t("categoryGroup")}
          on={on}
          total={byCategory.total}
          groups={[
            ...byCategory.categories.map((category) => ({ label: category.name, value: category.count })),
            ...(byCategory.uncategorised > 0 ? [{ label: t("noCategory"), value: byCategory.uncategorised, remainder: true }] : []),
          ]}
        />
      </section>

      <section aria-labelledby="by-facility" className="space-y-4">
        <h2 id="by-facility" className="text-xl font-semibold">
          {heading("by-facility")}
        </h2>
        <ImprisonedByGroup
          title={t("facilityTitle", { date: on })}
          description={t("facilityDescription")}
          groupName={t("facilityGroup")}
          on={on}
          total={byFacility.total}
          groups={[
            ...byFacility.facilities.map((facility) => ({ label: facility.name, value: facility.count })),
            ...(byFacility.notRecorded > 0 ? [{ label: t("noFacility"), value: byFacility.notRecorded, remainder: true }] : []),
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
