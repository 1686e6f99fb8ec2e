import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/i18n/routing";
import { wording } from "@/lib/i18n/wording";
import type { SourceCitation } from "@/lib/timeline";

function isWebAddress(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/**
 * The sources behind one fact: the passage quoted, then where it comes from. An unsourced fact
 * says so rather than showing nothing.
 */
export function SourceList({ sources, className = "" }: { sources: SourceCitation[]; className?: string }) {
  const t = useTranslations("sources");
  const words = wording(useLocale() as Locale);
  if (sources.length === 0) {
    return <p className={`text-sm text-muted ${className}`}>{t("none")}</p>;
  }
  return (
    <div className={`text-sm ${className}`}>
      <p className="font-medium text-muted">{t("heading", { count: sources.length })}</p>
      <ul className="mt-1 space-y-3">
        {sources.map(({ id, excerpt, locator, source }) => (
          <li key={id}>
            <figure>
              {excerpt ? (
                <blockquote className="border-l-4 border-stone-300 pl-3 italic break-words">{excerpt}</blockquote>
              ) : null}
              <figcaption className="mt-1 text-muted break-words">
                {source.url ? (
                  <a href={source.url} className="underline underline-offset-2">
                    <cite>{source.title}</cite>
                  </a>
                ) : (
                  <cite>{source.title}</cite>
                )}
                {source.publisher ? `, ${source.publisher}` : null}
                {source.published ? `, ${words.date(source.published)}` : null}
                {locator ? `, ${locator}` : null}.
                {source.archivedCopy ? (
                  isWebAddress(source.archivedCopy) ? (
                    <>
                      {" "}
                      <a href={source.archivedCopy} className="underline underline-offset-2">
                        {t("archivedCopy")}
                      </a>
                      .
                    </>
                  ) : (
                    <>
                      {" "}
                      {t.rich("archivedCopyAt", {
                        location: () => <span className="break-all">{source.archivedCopy}</span>,
                      })}
                    </>
                  )
                ) : null}
              </figcaption>
            </figure>
          </li>
        ))}
      </ul>
    </div>
  );
}
