import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { bibtexCitation, cslJsonCitation, plainTextCitation, type CitationTarget } from "@/lib/citation";
import { todayUtc } from "@/lib/dates";
import { localizedPath } from "@/lib/i18n/alternates";
import { profileCitation, type CitedProfile } from "@/lib/profile-citations";
import { requestBaseUrl } from "@/lib/request-base";

function Format({ label, text }: { label: string; text: string }) {
  return (
    <div>
      <dt className="font-medium">{label}</dt>
      <dd>
        <pre className="mt-1 whitespace-pre-wrap break-words rounded border border-stone-200 bg-stone-50 p-2 font-mono text-xs">
          {text}
        </pre>
      </dd>
    </div>
  );
}

/**
 * One citation as plain text, BibTeX and CSL-JSON. The labels speak the page's language; the
 * citations themselves are the record's, in English, as feeds and the API give them.
 */
export async function CitationFormats({ target, className }: { target: CitationTarget; className?: string }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations({ locale, namespace: "cite" });
  return (
    <dl className={className ?? "space-y-3"}>
      <Format label={t("plainText")} text={plainTextCitation(target)} />
      <Format label="BibTeX" text={bibtexCitation(target)} />
      <Format label="CSL-JSON" text={JSON.stringify([cslJsonCitation(target)], null, 2)} />
    </dl>
  );
}

/**
 * "Cite this" for a whole profile: title, permalink, last update and today's date as the accessed
 * date. A <details> disclosure: keyboard-operable and readable without JavaScript. Each event of
 * the timeline links to its own citation page instead (its "cite" link), so that a long timeline
 * does not carry three citations per event (docs/decisions/0020-light-public-pages.md).
 */
export async function CiteThis({ profile }: { profile: CitedProfile }) {
  const base = await requestBaseUrl();
  const target = profileCitation(profile, base, todayUtc());
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations({ locale, namespace: "cite" });
  const hidden = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;
  return (
    <details className="text-sm print:hidden" data-testid="cite-this">
      <summary className="cursor-pointer text-muted underline underline-offset-2">{t.rich("profile", { hidden })}</summary>
      <CitationFormats target={target} className="mt-2 space-y-3" />
    </details>
  );
}

/** Where one event's citation page is: /prisoners/<slug>/cite/<anchor>, in the page's language. */
export function eventCitationPath(locale: Locale, slug: string, anchor: string): string {
  return localizedPath(locale, `/prisoners/${slug}/cite/${anchor}`);
}
