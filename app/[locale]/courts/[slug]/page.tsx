import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { languageAlternates } from "@/lib/i18n/alternates";
import { HearingList } from "@/components/hearing-list";
import { MotionTally } from "@/components/motion-tally";
import { getCourt } from "@/lib/data/courts";
import { courtFeedAlternates } from "@/lib/feeds/alternates";
import { localeParams } from "@/lib/i18n/server";

type Props = { params: Promise<{ locale: Locale; slug: string }> };

// One query per request, shared by the metadata and the page.
const loadCourt = cache(async (slug: string) => {
  await connection();
  return getCourt(slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await localeParams(params);
  const court = await loadCourt(slug);
  if (!court) notFound();
  const t = await getTranslations({ locale, namespace: "courts" });
  return {
    title: court.name,
    description: t("courtMetaDescription", { name: court.city ? `${court.name} (${court.city})` : court.name }),
    alternates: languageAlternates(locale, `/courts/${court.slug}`, courtFeedAlternates(court.slug, court.name)),
  };
}

export default async function CourtPage({ params }: Props) {
  const { slug } = await localeParams(params);
  const court = await loadCourt(slug);
  if (!court) notFound();
  const t = await getTranslations("courts");
  const kind = await getTranslations("enums.courtKind");
  const { motionTally, hearings, judges } = court;

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{court.name}</h1>
        <p className="mt-2 text-muted">
          {kind(court.kind)}
          {court.city ? `, ${court.city}` : null}
        </p>
        {court.aliases.length > 0 ? <p className="mt-1 text-sm text-muted">{t("alsoKnownAs", { names: court.aliases.join(", ") })}</p> : null}
      </header>

      <section aria-labelledby="motions-heading">
        <h2 id="motions-heading" className="text-xl font-semibold">
          {t("motionsHeading")}
        </h2>
        <p className="mt-2 max-w-prose text-sm text-muted">{t("motionsIntro")}</p>
        {motionTally.totals.total === 0 ? (
          <p className="mt-2">{t("noMotions")}</p>
        ) : (
          <MotionTally id="motion-tally" tally={motionTally} caption={t("tallyCaption")} />
        )}
      </section>

      <section aria-labelledby="hearings-heading">
        <h2 id="hearings-heading" className="text-xl font-semibold">
          {t("hearingsHeading")}
        </h2>
        {hearings.length === 0 ? (
          <p className="mt-2">{t("noHearings")}</p>
        ) : (
          <>
            <p className="mt-2 text-sm text-muted">
              {t("hearingsNewestFirst", { count: hearings.length })}
            </p>
            <HearingList hearings={hearings} />
          </>
        )}
      </section>

      <section aria-labelledby="judges-heading">
        <h2 id="judges-heading" className="text-xl font-semibold">
          {t("judgesHeading")}
        </h2>
        {judges.length === 0 ? (
          <p className="mt-2">{t("noJudges")}</p>
        ) : (
          <table className="mt-3 w-full rounded-lg border border-stone-300 bg-white text-sm">
            <caption className="sr-only">{t("judgesCaption", { name: court.name })}</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="px-3 py-2 text-left">
                  {t("judge")}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t("hearingsHere")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {judges.map((judge) => (
                <tr key={judge.id}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {judge.fullName}
                  </th>
                  <td className="px-3 py-2 text-right tabular-nums">{judge.hearingCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
