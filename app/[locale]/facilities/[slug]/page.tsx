import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { languageAlternates } from "@/lib/i18n/alternates";
import { PartialDateTime } from "@/components/partial-date";
import { getFacility } from "@/lib/data/facilities";
import { localeParams } from "@/lib/i18n/server";

type Props = { params: Promise<{ locale: Locale; slug: string }> };

// One query per request, shared by the metadata and the page.
const loadFacility = cache(async (slug: string) => {
  await connection();
  return getFacility(slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await localeParams(params);
  const facility = await loadFacility(slug);
  if (!facility) notFound();
  const t = await getTranslations({ locale, namespace: "facilities" });
  return {
    title: facility.name,
    description: t("facilityMetaDescription", { name: facility.city ? `${facility.name}, ${facility.city}` : facility.name }),
    alternates: languageAlternates(locale, `/facilities/${slug}`),
  };
}

export default async function FacilityPage({ params }: Props) {
  const { slug } = await localeParams(params);
  const facility = await loadFacility(slug);
  if (!facility) notFound();
  const t = await getTranslations("facilities");
  const kind = await getTranslations("enums.facilityKind");
  const { heldNow, heldBefore } = facility;
  const today = { date: facility.on, precision: "DAY" as const };

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{facility.name}</h1>
        <p className="mt-2 text-muted">
          {kind(facility.kind)}
          {facility.city ? `, ${facility.city}` : null}
        </p>
        {facility.aliases.length > 0 ? (
          <p className="mt-1 text-sm text-muted">{t("alsoKnownAs", { names: facility.aliases.join(", ") })}</p>
        ) : null}
      </header>

      <section aria-labelledby="address-heading" className="rounded-lg border border-stone-300 bg-white p-4">
        <h2 id="address-heading" className="text-xl font-semibold">
          {t("addressHeading")}
        </h2>
        {facility.postalAddress ? (
          <>
            <p className="mt-3 select-all whitespace-pre-line rounded border border-stone-300 bg-paper p-3 font-mono text-lg">
              {facility.postalAddress}
            </p>
            <p className="mt-2 text-sm text-muted">{t("addressHint")}</p>
          </>
        ) : (
          <p className="mt-2">{t("noAddress")}</p>
        )}
      </section>

      <section aria-labelledby="now-heading">
        <h2 id="now-heading" className="text-xl font-semibold">
          {t("heldNowHeading")}
        </h2>
        <p className="mt-1 text-sm text-muted">
          {t.rich("heldNowIntro", { date: () => <PartialDateTime value={today} /> })}
        </p>
        {heldNow.length === 0 ? (
          <p className="mt-2">{t("noOneNow")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
            {heldNow.map((person) => (
              <li key={person.prisoner.slug} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
                <Link href={`/prisoners/${person.prisoner.slug}`} className="font-medium text-accent underline underline-offset-4">
                  {person.prisoner.name}
                </Link>
                <span className="text-sm text-muted">
                  {t.rich(person.sinceQualifier === "ON_OR_BEFORE" ? "hereBy" : "hereSince", {
                    date: () => <PartialDateTime value={person.since} qualifier={person.sinceQualifier} form="genitive" />,
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="before-heading">
        <h2 id="before-heading" className="text-xl font-semibold">
          {t("heldBeforeHeading")}
        </h2>
        {heldBefore.length === 0 ? (
          <p className="mt-2">{t("noneBefore")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
            {heldBefore.map((stay) => (
              <li
                key={`${stay.prisoner.slug}-${stay.from.date}`}
                className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3"
              >
                <Link href={`/prisoners/${stay.prisoner.slug}`} className="font-medium text-accent underline underline-offset-4">
                  {stay.prisoner.name}
                </Link>
                <span className="text-sm text-muted">
                  {t.rich(stay.fromQualifier === "ON_OR_BEFORE" ? "stayBy" : "stayFrom", {
                    from: () => <PartialDateTime value={stay.from} qualifier={stay.fromQualifier} form="genitive" />,
                  })}
                  {t.rich(stay.ended === "transferred" ? "movedElsewhere" : "releasedOn", {
                    until: () => <PartialDateTime value={stay.until} />,
                  })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
