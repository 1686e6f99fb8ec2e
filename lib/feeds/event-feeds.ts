import "server-only";
import { listPublicEvents, listUpcomingHearings, publicCourtName, publicPersonName, type EventScope } from "../data/public-events";
import { hearingsCalendar } from "./calendar";
import { feedPaths, type FeedFormat } from "./paths";
import { atomFeed, feedUpdated, jsonFeed, type FeedDescription } from "./syndication";
import { baseUrlOf, limitOf, notFoundDocument, publicDocument, unlessDatabaseDown } from "./respond";

async function describe(scope: EventScope): Promise<Omit<FeedDescription, "base"> | null> {
  if (scope.prisonerSlug) {
    const person = await publicPersonName(scope.prisonerSlug);
    if (!person) return null;
    return {
      title: `${person.fullName}: case events`,
      subtitle: `Arrests, hearings and rulings, detention extensions, verdicts, appeals, pardons and releases in the case of ${person.fullName}, as recorded by Habeas.`,
      pagePath: `/prisoners/${person.slug}`,
      atomPath: feedPaths.prisoner(person.slug, "atom"),
      jsonPath: feedPaths.prisoner(person.slug, "json"),
    };
  }
  if (scope.courtSlug) {
    const court = await publicCourtName(scope.courtSlug);
    if (!court) return null;
    return {
      title: `${court.name}: hearings and rulings`,
      subtitle: `Hearings, detention extensions, verdicts and appeals at ${court.name} in the cases recorded by Habeas.`,
      pagePath: `/courts/${court.slug}`,
      atomPath: feedPaths.court(court.slug, "atom"),
      jsonPath: feedPaths.court(court.slug, "json"),
    };
  }
  return {
    title: "Habeas: case events",
    subtitle: "New arrests, hearings and their rulings, detention extensions, verdicts, appeals, pardons and releases of political prisoners.",
    pagePath: "/prisoners",
    atomPath: feedPaths.site("atom"),
    jsonPath: feedPaths.site("json"),
  };
}

/** Answers a feed request for a scope and format; 404 for a person or court the public cannot see. */
export async function eventFeedResponse(request: Request, scope: EventScope, format: FeedFormat): Promise<Response> {
  return unlessDatabaseDown(async () => {
    const description = await describe(scope);
    if (!description) return notFoundDocument();
    const entries = await listPublicEvents(scope, limitOf(request));
    const feed = { ...description, base: baseUrlOf(request) };
    const lastModified = feedUpdated(entries);
    return format === "atom"
      ? publicDocument(request, atomFeed(feed, entries), { contentType: "application/atom+xml; charset=utf-8", lastModified })
      : publicDocument(request, JSON.stringify(jsonFeed(feed, entries), null, 2), {
          contentType: "application/feed+json; charset=utf-8",
          lastModified,
        });
  });
}

/** The iCalendar feed of scheduled hearings, site-wide or of one person; 404 for a person the public cannot see. */
export async function hearingsCalendarResponse(request: Request, scope: { prisonerSlug?: string }): Promise<Response> {
  return unlessDatabaseDown(async () => {
    const person = scope.prisonerSlug ? await publicPersonName(scope.prisonerSlug) : null;
    if (scope.prisonerSlug && !person) return notFoundDocument();
    const hearings = await listUpcomingHearings(scope);
    const body = hearingsCalendar({
      base: baseUrlOf(request),
      name: person ? `${person.fullName}: hearings` : "Habeas: upcoming hearings",
      description: person
        ? `Scheduled court hearings in the case of ${person.fullName}, as recorded by Habeas.`
        : "Scheduled court hearings of political prisoners, as recorded by Habeas.",
      hearings,
    });
    const lastModified = new Date(Math.max(0, ...hearings.map((hearing) => hearing.updatedAt.getTime())));
    return publicDocument(request, body, {
      contentType: "text/calendar; charset=utf-8",
      lastModified,
      filename: person ? `${person.slug}-hearings.ics` : "hearings.ics",
    });
  });
}
