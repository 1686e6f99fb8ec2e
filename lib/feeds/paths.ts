export type FeedFormat = "atom" | "json";

/** Where each feed lives. Route handlers under app/feeds/ serve them. */
export const feedPaths = {
  site: (format: FeedFormat) => `/feeds/events.${format}`,
  prisoner: (slug: string, format: FeedFormat) => `/feeds/prisoners/${slug}/events.${format}`,
  court: (slug: string, format: FeedFormat) => `/feeds/courts/${slug}/events.${format}`,
  siteCalendar: "/feeds/hearings.ics",
  prisonerCalendar: (slug: string) => `/feeds/prisoners/${slug}/hearings.ics`,
  prisonerChanges: (slug: string) => `/feeds/prisoners/${slug}/changes.atom`,
};
