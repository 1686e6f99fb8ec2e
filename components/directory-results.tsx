import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import type { DirectoryResult } from "@/lib/data/directory";
import { wording } from "@/lib/i18n/wording";
import { pageNumbers } from "@/lib/page-numbers";
import { directoryQuery, type DirectoryParams } from "@/lib/validation/directory";

function profileHref(slug: string) {
  return `/prisoners/${slug}` as const;
}

function pageHref(params: DirectoryParams, page: number) {
  return { pathname: "/prisoners" as const, query: directoryQuery({ ...params, page }) };
}

function Pagination({ result, params }: { result: DirectoryResult; params: DirectoryParams }) {
  const t = useTranslations("directory");
  if (result.pageCount <= 1) return null;
  const shape = "inline-block min-w-11 rounded border px-3 py-2 text-center";
  const linkClass = `${shape} border-stone-300 bg-white`;
  const currentClass = `${shape} border-accent bg-accent font-semibold text-white`;
  return (
    <nav aria-label={t("pages")} className="mt-6">
      <ul className="flex flex-wrap items-center gap-2">
        {result.page > 1 ? (
          <li>
            <Link href={pageHref(params, result.page - 1)} rel="prev" className={linkClass}>
              {t("previous")}
            </Link>
          </li>
        ) : null}
        {pageNumbers(result.page, result.pageCount).map((page, index) =>
          page === "gap" ? (
            <li key={`gap-${index}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={page}>
              <Link
                href={pageHref(params, page)}
                aria-current={page === result.page ? "page" : undefined}
                className={page === result.page ? currentClass : linkClass}
              >
                <span className="sr-only">{t("page")} </span>
                {page}
              </Link>
            </li>
          ),
        )}
        {result.page < result.pageCount ? (
          <li>
            <Link href={pageHref(params, result.page + 1)} rel="next" className={linkClass}>
              {t("next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function Summary({ result }: { result: DirectoryResult }) {
  const t = useTranslations("directory");
  if (result.total === 0) return t("noMatch");
  if (result.pageCount === 1) return t("found", { total: result.total });
  const first = (result.page - 1) * result.pageSize + 1;
  const last = first + result.entries.length - 1;
  return t("foundPaged", { total: result.total, first, last, page: result.page, pageCount: result.pageCount });
}

export function DirectoryResults({ result, params }: { result: DirectoryResult; params: DirectoryParams }) {
  const t = useTranslations("directory");
  const words = wording(useLocale() as Locale);
  return (
    <section aria-labelledby="results-heading" className="space-y-3">
      <h2 id="results-heading" className="text-xl font-semibold">
        {t("resultsHeading")}
      </h2>
      <p role="status" className="font-medium" data-testid="directory-summary">
        <Summary result={result} />
      </p>
      <p className="text-sm text-muted">
        {t("statusAsOf", { date: words.day(result.on) })}
      </p>
      {result.entries.length > 0 ? (
        <ol className="divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
          {result.entries.map((entry) => (
            <li key={entry.id} className="px-4 py-3">
              <h3 className="text-lg font-semibold wrap-anywhere">
                <Link href={profileHref(entry.slug)} className="text-accent underline-offset-4 hover:underline">
                  {entry.fullName}
                </Link>
              </h3>
              <p className="text-sm">{words.statusSentence(entry.status, "directoryStatus")}</p>
              {entry.categories.length > 0 ? (
                <ul aria-label={t("categories")} className="mt-2 flex flex-wrap gap-2">
                  {entry.categories.map((category) => (
                    <li key={category.slug} className="rounded-full bg-stone-100 px-2 py-0.5 text-xs text-ink">
                      {category.name}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>
          {t.rich("tryFewer", {
            link: (text) => (
              <Link href="/prisoners" className="underline underline-offset-4">
                {text}
              </Link>
            ),
          })}
        </p>
      )}
      <Pagination result={result} params={params} />
    </section>
  );
}
