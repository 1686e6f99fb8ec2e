import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { listLawyers } from "@/lib/data/lawyers";
import { localeParams, sectionMetadata } from "@/lib/i18n/server";

type Props = { params: Promise<{ locale: Locale }> };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return sectionMetadata(params, "lawyers", "/lawyers");
}

export default async function LawyersPage({ params }: Props) {
  await localeParams(params);
  await connection();
  const t = await getTranslations("lawyers");
  const lawyers = await listLawyers();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
      <p className="max-w-prose">{t("intro")}</p>
      {lawyers.length === 0 ? (
        <p className="text-muted">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
          {lawyers.map((lawyer) => (
            <li key={lawyer.slug} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
              <span>
                <Link href={`/lawyers/${lawyer.slug}`} className="font-medium text-accent underline underline-offset-4">
                  {lawyer.fullName}
                </Link>
                {lawyer.prosecutedAs ? <span className="block text-sm text-muted">{t("alsoProsecuted")}</span> : null}
              </span>
              <span className="text-sm text-muted">
                {t("defendsCount", { count: lawyer.clientCount })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
