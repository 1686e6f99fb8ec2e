import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { CitationFormats } from "@/components/profile/cite-this";
import { PartialDateTime } from "@/components/profile/partial-date-time";
import { publicProfileBySlug } from "@/lib/data/profile";
import { todayUtc } from "@/lib/dates";
import { localizedPath } from "@/lib/i18n/alternates";
import { eventTitle } from "@/lib/i18n/event-title";
import { localeParams } from "@/lib/i18n/server";
import { wording } from "@/lib/i18n/wording";
import { eventCitation } from "@/lib/profile-citations";
import { requestBaseUrl } from "@/lib/request-base";

type Props = { params: Promise<{ locale: string; slug: string; anchor: string }> };

/** The profile and the event it names, or null: one read per request, shared with the metadata. */
const loadEvent = cache(async (slug: string, anchor: string) => {
  await connection();
  const profile = await publicProfileBySlug(slug);
  const event = profile?.timeline.find((candidate) => candidate.anchor === anchor);
  return profile && event ? { profile, event } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug, anchor } = await localeParams(params);
  const found = await loadEvent(slug, anchor);
  if (!found) notFound();
  const t = await getTranslations({ locale, namespace: "cite" });
  const path = `/prisoners/${found.profile.slug}`;
  return {
    title: t("eventHeading", { title: `${found.profile.fullName}: ${eventTitle(found.event, wording(locale))}` }),
    // The event's own address is its permalink on the profile; this page is a view of it.
    alternates: { canonical: `${localizedPath(locale, path)}#${found.event.anchor}` },
    robots: { index: false },
  };
}

/**
 * One event of a profile's timeline as a citation in three formats (plain text, BibTeX,
 * CSL-JSON), linked from the event's "cite" link. The profile itself carries one "Cite this"
 * disclosure for the whole record, not three citations per event (decision 0020).
 */
export default async function CiteEventPage({ params }: Props) {
  const { locale, slug, anchor } = await localeParams(params);
  const found = await loadEvent(slug, anchor);
  if (!found) notFound();
  const { profile, event } = found;
  const words = wording(locale);
  const t = await getTranslations({ locale, namespace: "cite" });
  const title = eventTitle(event, words);
  const back = `${localizedPath(locale, `/prisoners/${profile.slug}`)}#${event.anchor}`;
  const target = eventCitation(profile, event, await requestBaseUrl(), todayUtc());
  return (
    <article aria-labelledby="cite-heading" className="space-y-4">
      <header className="space-y-2">
        <h1 id="cite-heading" className="text-2xl font-bold tracking-tight break-words">
          {t("eventHeading", { title: `${profile.fullName}: ${title}` })}
        </h1>
        <p className="text-sm text-muted">
          <PartialDateTime date={event.date} qualifier={event.qualifier} />
        </p>
        <p className="max-w-prose">{t("eventIntro", { name: profile.fullName })}</p>
        <p>
          <a href={back} className="underline underline-offset-2">
            {t("backToEvent")}
          </a>
        </p>
      </header>
      <div data-testid="cite-event-formats">
        <CitationFormats target={target} />
      </div>
    </article>
  );
}
