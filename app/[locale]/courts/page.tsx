import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { listCourts } from "@/lib/data/courts";
import { localeParams, sectionMetadata } from "@/lib/i18n/server";

type Props = { params: Promise<{ locale: Locale }> };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return sectionMetadata(params, "courts", "/courts");
}

export default async function CourtsPage({ params }: Props) {
  await localeParams(params);
  await connection();
  const t = await getTranslations("courts");
  const kind = await getTranslations("enums.courtKind");
  const courts = await listCourts();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="max-w-prose">{t("intro")}</p>
      {courts.length === 0 ? (
        <p className="text-muted">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
          {courts.map((court) => (
            <li key={court.slug} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
              <span>
                <Link href={`/courts/${court.slug}`} className="font-medium text-accent underline underline-offset-4">
                  {court.name}
                </Link>
                <span className="block text-sm text-muted">
                  {kind(court.kind)}
                  {court.city ? `, ${court.city}` : null}
                </span>
              </span>
              <span className="text-sm text-muted">
                {t("hearingCount", { count: court.hearingCount })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
