import { getTranslations } from "next-intl/server";
import { embedSnippet } from "@/lib/embed-count";
import { feedPaths } from "@/lib/feeds/paths";
import { requestBaseUrl } from "@/lib/request-base";

/** How to follow the record and show the count elsewhere: feeds, the hearings calendar, the embed code. */
export async function ReuseSection() {
  const site = await requestBaseUrl();
  const calendar = new URL(feedPaths.siteCalendar, site);
  const t = await getTranslations("reuse");
  const link = "underline underline-offset-4";
  return (
    <section aria-labelledby="reuse-heading" className="space-y-3">
      <h2 id="reuse-heading" className="text-xl font-semibold">
        {t("heading")}
      </h2>
      <ul className="list-disc space-y-2 pl-6">
        <li>
          {t.rich("feeds", {
            atom: (chunks) => (
              <a href={feedPaths.site("atom")} type="application/atom+xml" className={link}>
                {chunks}
              </a>
            ),
            json: (chunks) => (
              <a href={feedPaths.site("json")} type="application/feed+json" className={link}>
                {chunks}
              </a>
            ),
          })}
        </li>
        <li>
          {t.rich("calendar", {
            subscribe: (chunks) => (
              <a href={`webcal://${calendar.host}${calendar.pathname}`} className={link}>
                {chunks}
              </a>
            ),
            ics: (chunks) => (
              <a href={feedPaths.siteCalendar} type="text/calendar" className={link}>
                {chunks}
              </a>
            ),
          })}
        </li>
      </ul>
      <h3 className="font-semibold" id="embed-heading">
        {t("embedHeading")}
      </h3>
      <p>{t("embedIntro")}</p>
      <pre
        aria-labelledby="embed-heading"
        className="whitespace-pre-wrap break-all rounded border border-stone-300 bg-white p-3 font-mono text-sm"
        data-testid="embed-snippet"
      >
        {embedSnippet(site)}
      </pre>
    </section>
  );
}
