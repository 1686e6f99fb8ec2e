import "server-only";
import { create } from "xmlbuilder2";
import type { ChangeLog } from "../data/change-log";
import { publicChangeLog } from "../data/change-log";
import { feedPaths } from "./paths";
import { baseUrlOf, notFoundDocument, publicDocument, unlessDatabaseDown } from "./respond";
import { tagUri } from "./syndication";

/** One person's change log as Atom: one entry per public change (see lib/data/change-log.ts). */
export function changeLogAtom(base: URL, log: ChangeLog): string {
  const profile = new URL(`/prisoners/${log.prisoner.slug}`, base).toString();
  const root = create({ version: "1.0", encoding: "utf-8" }).ele("http://www.w3.org/2005/Atom", "feed", { "xml:lang": "en" });
  root.ele("id").txt(tagUri(base, `feed:${feedPaths.prisonerChanges(log.prisoner.slug)}`));
  root.ele("title").txt(`What changed: ${log.prisoner.fullName}`);
  root.ele("updated").txt(new Date(Math.max(0, ...log.entries.map((entry) => entry.at.getTime()))).toISOString());
  root.ele("link", { rel: "self", type: "application/atom+xml", href: new URL(feedPaths.prisonerChanges(log.prisoner.slug), base).toString() });
  root.ele("link", { rel: "alternate", type: "text/html", href: `${profile}/changes` });
  root.ele("author").ele("name").txt("Habeas");
  for (const entry of log.entries) {
    const item = root.ele("entry");
    item.ele("id").txt(tagUri(base, `change-${entry.id}`));
    item.ele("title").txt(`${entry.kind === "added" ? "Added" : "Changed"}: ${entry.title}`);
    item.ele("updated").txt(entry.at.toISOString());
    item.ele("link", { rel: "alternate", type: "text/html", href: entry.anchor ? `${profile}#${entry.anchor}` : profile });
    item.ele("summary", { type: "text" }).txt(entry.fields.length > 0 ? `Fields changed: ${entry.fields.join(", ")}.` : "Added to the public record.");
  }
  return root.end({ prettyPrint: true });
}

export async function changeFeedResponse(request: Request, slug: string): Promise<Response> {
  return unlessDatabaseDown(async () => {
    const log = await publicChangeLog(slug);
    if (!log) return notFoundDocument();
    const lastModified = new Date(Math.max(0, ...log.entries.map((entry) => entry.at.getTime())));
    return publicDocument(request, changeLogAtom(baseUrlOf(request), { ...log, entries: log.entries.slice(0, 100) }), {
      contentType: "application/atom+xml; charset=utf-8",
      lastModified,
    });
  });
}
