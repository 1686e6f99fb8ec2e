import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { ImprisonedCountPanel } from "@/components/imprisoned-count";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { countImprisonedNow, toPublicCount } from "@/lib/data/count-feed";
import { listImprisoned } from "@/lib/data/custody-status";
import { formatCalendarDate } from "@/lib/dates";
import { languageAlternates } from "@/lib/i18n/alternates";
import { localeParams } from "@/lib/i18n/server";
import { ReuseSection } from "@/components/reuse-section";

/** The home page names the most recent cases; the directory lists everyone. */
const LATEST = 10;

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await localeParams(params);
  return { alternates: languageAlternates(locale, "/") };
}

export default async function HomePage({ params }: Props) {
  const { locale } = await localeParams(params);
  // The count is read at request time, never baked into the build.
  await connection();
  const [count, people] = await Promise.all([countImprisonedNow(), listImprisoned(undefined, { latest: LATEST })]);
  const t = await getTranslations("home");
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <ImprisonedCountPanel count={toPublicCount(count)} />
      <section aria-labelledby="people-heading">
        <h2 id="people-heading" className="text-xl font-semibold">
          {t("latestHeading")}
        </h2>
        {people.length === 0 ? (
          <p className="mt-2 text-muted">{t("noOne")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
            {people.map((person) => (
              <li key={person.id} className="flex flex-wrap justify-between gap-2 px-4 py-3">
                <Link href={`/prisoners/${person.slug}`} className="font-medium underline-offset-4 hover:underline">
                  {person.fullName}
                </Link>
                <span className="text-sm text-muted">
                  {t(person.sinceQualifier === "ON_OR_BEFORE" ? "inCustodyBy" : "inCustodySince", {
                    date: formatCalendarDate(person.since, locale, "genitive"),
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3">
          <Link
            href={{ pathname: "/prisoners", query: { status: "imprisoned" } }}
            className="font-medium text-accent underline underline-offset-4"
          >
            {t("everyone", { count: count.count })}
          </Link>
        </p>
      </section>
      <ReuseSection />
    </div>
  );
}
