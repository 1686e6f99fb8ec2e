import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { listFacilities } from "@/lib/data/facilities";
import { localeParams, sectionMetadata } from "@/lib/i18n/server";

type Props = { params: Promise<{ locale: Locale }> };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return sectionMetadata(params, "facilities", "/facilities");
}

export default async function FacilitiesPage({ params }: Props) {
  await localeParams(params);
  await connection();
  const t = await getTranslations("facilities");
  const kind = await getTranslations("enums.facilityKind");
  const facilities = await listFacilities();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="max-w-prose">{t("intro")}</p>
      {facilities.length === 0 ? (
        <p className="text-muted">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
          {facilities.map((facility) => (
            <li key={facility.slug} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
              <span>
                <Link href={`/facilities/${facility.slug}`} className="font-medium text-accent underline underline-offset-4">
                  {facility.name}
                </Link>
                <span className="block text-sm text-muted">
                  {kind(facility.kind)}
                  {facility.city ? `, ${facility.city}` : null}
                </span>
              </span>
              <span className="text-sm text-muted">
                {t("heldNowCount", { count: facility.heldCount })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
