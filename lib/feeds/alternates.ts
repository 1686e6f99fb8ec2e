import type { Metadata } from "next";
import { feedPaths } from "./paths";

type AlternateTypes = NonNullable<NonNullable<Metadata["alternates"]>["types"]>;

/** <link rel="alternate"> for feed autodiscovery: a page names the feeds that follow it. */
function alternates(atom: string, json: string, title: string): AlternateTypes {
  return {
    "application/atom+xml": [{ url: atom, title: `${title} (Atom)` }],
    "application/feed+json": [{ url: json, title: `${title} (JSON Feed)` }],
  };
}

export function feedAlternates(prisonerSlug: string, fullName: string): AlternateTypes {
  return alternates(feedPaths.prisoner(prisonerSlug, "atom"), feedPaths.prisoner(prisonerSlug, "json"), `${fullName}: case events`);
}

export function courtFeedAlternates(courtSlug: string, name: string): AlternateTypes {
  return alternates(feedPaths.court(courtSlug, "atom"), feedPaths.court(courtSlug, "json"), `${name}: hearings and rulings`);
}

export const siteFeedAlternates: AlternateTypes = alternates(feedPaths.site("atom"), feedPaths.site("json"), "Habeas: case events");
