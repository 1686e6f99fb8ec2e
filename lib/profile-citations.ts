import type { CitationTarget } from "./citation";
import type { IsoDay } from "./dates";
import { eventDateText } from "./feeds/event-text";
import { englishEventTitle as eventTitle } from "./i18n/event-title";
import type { TimelineEvent } from "./timeline";

/** What a citation of a profile needs to know: public values of the profile only. */
export type CitedProfile = { slug: string; fullName: string; lastUpdated: Date; timeline: TimelineEvent[] };

export function profileCitation(profile: CitedProfile, base: URL, accessed: IsoDay): CitationTarget {
  return {
    key: `habeas-${profile.slug}`,
    title: `${profile.fullName}: case record`,
    url: new URL(`/prisoners/${profile.slug}`, base).toString(),
    updated: profile.lastUpdated,
    accessed,
    note: "Profile and case timeline",
  };
}

export function eventCitation(profile: CitedProfile, event: TimelineEvent, base: URL, accessed: IsoDay): CitationTarget {
  return {
    key: `habeas-${profile.slug}-${event.anchor}`,
    title: `${profile.fullName}: ${eventTitle(event)}, ${eventDateText(event)}`,
    url: new URL(`/prisoners/${profile.slug}#${event.anchor}`, base).toString(),
    updated: profile.lastUpdated,
    accessed,
    note: "Case timeline entry",
  };
}

/** The profile and every event of its timeline, for the downloadable citation files. */
export function allCitations(profile: CitedProfile, base: URL, accessed: IsoDay): CitationTarget[] {
  return [profileCitation(profile, base, accessed), ...profile.timeline.map((event) => eventCitation(profile, event, base, accessed))];
}
