import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { bibtexCitation, cslJsonCitation, plainTextCitation } from "@/lib/citation";
import { todayUtc } from "@/lib/dates";
import { eventCitation, profileCitation, type CitedProfile } from "@/lib/profile-citations";
import { eventTitle } from "@/lib/i18n/event-title";
import { wording } from "@/lib/i18n/wording";
import { requestBaseUrl } from "@/lib/request-base";
import type { TimelineEvent } from "@/lib/timeline";

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
 * "Cite this" for a profile, or for one event of its timeline: title, permalink, last update and
 * today's date as the accessed date, as plain text, BibTeX and CSL-JSON. A <details> disclosure:
 * keyboard-operable and readable without JavaScript. The disclosure speaks the page's language;
 * the citations themselves are the record's, in English, as feeds and the API give them.
 */
export async function CiteThis({ profile, event }: { profile: CitedProfile; event?: TimelineEvent }) {
  const base = await requestBaseUrl();
  const today = todayUtc();
  const target = event ? eventCitation(profile, event, base, today) : profileCitation(profile, base, today);
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations({ locale, namespace: "cite" });
  const hidden = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;
  return (
    <details className="text-sm print:hidden" data-testid="cite-this">
      <summary className="cursor-pointer text-muted underline underline-offset-2">
        {event ? t.rich("event", { title: eventTitle(event, wording(locale)), hidden }) : t.rich("profile", { hidden })}
      </summary>
      <dl className="mt-2 space-y-3">
        <Format label={t("plainText")} text={plainTextCitation(target)} />
        <Format label="BibTeX" text={bibtexCitation(target)} />
        <Format label="CSL-JSON" text={JSON.stringify([cslJsonCitation(target)], null, 2)} />
      </dl>
    </details>
  );
}
