import { create } from "xmlbuilder2";
import type { PublicEvent } from "../data/public-events";
import { englishEventTitle as eventTitle } from "../i18n/event-title";
import { eventDateText, eventSummary } from "./event-text";

/**
 * Atom 1.0 (RFC 4287) and JSON Feed 1.1 from one list of public events. The XML is written by
 * xmlbuilder2, which escapes every text and attribute value; nothing is concatenated into markup.
 */

export type FeedDescription = {
  /** Absolute origin of the site, e.g. https://habeas.example.org */
  base: URL;
  title: string;
  subtitle: string;
  /** Path of the HTML page the feed follows, e.g. /prisoners/leyla-yunus */
  pagePath: string;
  /** Path of the Atom and JSON versions of this feed. */
  atomPath: string;
  jsonPath: string;
};

/** Year in every tag: URI minted by this site; fixed, so ids never change (RFC 4151). */
const TAG_YEAR = "2026";

export function tagUri(base: URL, specific: string): string {
  return `tag:${base.hostname},${TAG_YEAR}:${specific}`;
}

/** A stable id per event and person: a pardon names several people and is one entry for each. */
export function entryId(base: URL, entry: PublicEvent): string {
  return tagUri(base, entry.event.type === "decree" ? `${entry.event.anchor}/${entry.prisoner.slug}` : entry.event.anchor);
}

export function entryUrl(base: URL, entry: PublicEvent): string {
  return new URL(`/prisoners/${entry.prisoner.slug}#${entry.event.anchor}`, base).toString();
}

export function entryTitle(entry: PublicEvent): string {
  return `${entry.prisoner.fullName}: ${eventTitle(entry.event)} (${eventDateText(entry.event)})`;
}

/** The feed's own "updated": its newest entry, or a fixed instant for an empty feed (so its ETag is stable). */
export function feedUpdated(entries: PublicEvent[]): Date {
  const times = entries.map((entry) => entry.updated.getTime());
  return new Date(times.length > 0 ? Math.max(...times) : 0);
}

export function atomFeed(feed: FeedDescription, entries: PublicEvent[]): string {
  const root = create({ version: "1.0", encoding: "utf-8" }).ele("http://www.w3.org/2005/Atom", "feed", { "xml:lang": "en" });
  root.ele("id").txt(tagUri(feed.base, `feed:${feed.atomPath}`));
  root.ele("title").txt(feed.title);
  root.ele("subtitle").txt(feed.subtitle);
  root.ele("updated").txt(feedUpdated(entries).toISOString());
  root.ele("link", { rel: "self", type: "application/atom+xml", href: new URL(feed.atomPath, feed.base).toString() });
  root.ele("link", { rel: "alternate", type: "text/html", href: new URL(feed.pagePath, feed.base).toString() });
  root.ele("link", { rel: "alternate", type: "application/feed+json", href: new URL(feed.jsonPath, feed.base).toString() });
  root.ele("author").ele("name").txt("Habeas");
  root.ele("generator").txt("Habeas");
  for (const entry of entries) {
    const item = root.ele("entry");
    item.ele("id").txt(entryId(feed.base, entry));
    item.ele("title").txt(entryTitle(entry));
    item.ele("updated").txt(entry.updated.toISOString());
    item.ele("link", { rel: "alternate", type: "text/html", href: entryUrl(feed.base, entry) });
    item.ele("category", { term: entry.event.type, label: entry.event.type.replace("-", " ") });
    item.ele("summary", { type: "text" }).txt(eventSummary(entry.event));
  }
  return root.end({ prettyPrint: true });
}

export type JsonFeedItem = {
  id: string;
  url: string;
  title: string;
  content_text: string;
  date_modified: string;
  tags: string[];
  /** Extension (JSON Feed 1.1 allows keys starting with "_"): the event as a record. */
  _habeas: { type: string; date: string; precision: string; qualifier: string; person: { slug: string; name: string } };
};

export type JsonFeed = {
  version: "https://jsonfeed.org/version/1.1";
  title: string;
  description: string;
  home_page_url: string;
  feed_url: string;
  language: "en";
  authors: { name: string }[];
  items: JsonFeedItem[];
};

export function jsonFeed(feed: FeedDescription, entries: PublicEvent[]): JsonFeed {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    description: feed.subtitle,
    home_page_url: new URL(feed.pagePath, feed.base).toString(),
    feed_url: new URL(feed.jsonPath, feed.base).toString(),
    language: "en",
    authors: [{ name: "Habeas" }],
    items: entries.map((entry) => ({
      id: entryId(feed.base, entry),
      url: entryUrl(feed.base, entry),
      title: entryTitle(entry),
      content_text: eventSummary(entry.event),
      date_modified: entry.updated.toISOString(),
      tags: [entry.event.type],
      _habeas: {
        type: entry.event.type,
        date: entry.event.date.date,
        precision: entry.event.date.precision,
        qualifier: entry.event.qualifier,
        person: { slug: entry.prisoner.slug, name: entry.prisoner.fullName },
      },
    })),
  };
}
