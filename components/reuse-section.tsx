import { embedSnippet } from "@/lib/embed-count";
import { feedPaths } from "@/lib/feeds/paths";
import { requestBaseUrl } from "@/lib/request-base";

/** How to follow the record and show the count elsewhere: feeds, the hearings calendar, the embed code. */
export async function ReuseSection() {
  const site = await requestBaseUrl();
  const calendar = new URL(feedPaths.siteCalendar, site);
  const link = "underline underline-offset-4";
  return (
    <section aria-labelledby="reuse-heading" className="space-y-3">
      <h2 id="reuse-heading" className="text-xl font-semibold">
        Follow, subscribe, embed
      </h2>
      <ul className="list-disc space-y-2 pl-6">
        <li>
          New arrests, hearings and rulings, extensions, verdicts, pardons and releases:{" "}
          <a href={feedPaths.site("atom")} type="application/atom+xml" className={link}>
            Atom feed
          </a>{" "}
          or{" "}
          <a href={feedPaths.site("json")} type="application/feed+json" className={link}>
            JSON Feed
          </a>
          . Each profile and court page has feeds of its own.
        </li>
        <li>
          Scheduled hearings in your calendar app:{" "}
          <a href={`webcal://${calendar.host}${calendar.pathname}`} className={link}>
            subscribe
          </a>{" "}
          (or download the{" "}
          <a href={feedPaths.siteCalendar} type="text/calendar" className={link}>
            .ics file
          </a>
          ).
        </li>
      </ul>
      <h3 className="font-semibold" id="embed-heading">
        Embed this count
      </h3>
      <p>
        Paste this code into a web page to show the live number with its definition, the time it was computed and a
        link back here:
      </p>
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
