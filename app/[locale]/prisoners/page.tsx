import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { DirectoryResults } from "@/components/directory-results";
import { DirectorySearchForm } from "@/components/directory-search-form";
import { ExportLinks } from "@/components/export-links";
import type { Locale } from "@/i18n/routing";
import { directoryChoicesNow, searchDirectory } from "@/lib/data/directory";
import { keepKnownChoices, parseDirectoryParams, type RawSearchParams } from "@/lib/validation/directory";
import { localeParams, sectionMetadata } from "@/lib/i18n/server";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<RawSearchParams> };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return sectionMetadata(params, "directory", "/prisoners");
}

export default async function DirectoryPage({ params: routeParams, searchParams }: Props) {
  const { locale } = await localeParams(routeParams);
  // Status is derived at request time, never baked into the build.
  await connection();
  const raw = await searchParams;
  const choices = await directoryChoicesNow();
  const { params, problems, ignored } = keepKnownChoices(parseDirectoryParams(raw), choices);
  const result = await searchDirectory(params);
  const t = await getTranslations("directory");
  // English keeps the validator's own words, which say more about what was wrong.
  const notices =
    locale === "en"
      ? problems
      : ignored.map(({ field, reason }) =>
          t(reason === "invalid" ? "problemInvalid" : "problemUnknownChoice", { field: t(`fields.${field}`) }),
        );
  if (result.pageBeyondEnd !== null) {
    notices.push(t("noSuchPage", { requested: result.pageBeyondEnd, page: result.page }));
  }

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">{t("title")}</h1>
        <p className="max-w-prose text-muted">{t("intro")}</p>
      </div>
      {notices.length > 0 ? (
        <section className="rounded-lg border border-amber-700 bg-amber-50 p-4" aria-labelledby="notices-heading">
          <h2 id="notices-heading" className="font-semibold">
            {t("noticesHeading")}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <DirectorySearchForm params={params} choices={choices} />
      <DirectoryResults result={result} params={{ ...params, page: result.page }} />
      <ExportLinks params={params} />
    </div>
  );
}
