import type { Metadata } from "next";
import { routing, type Locale } from "@/i18n/routing";
import { siteFeedAlternates } from "@/lib/feeds/alternates";

type AlternateTypes = NonNullable<NonNullable<Metadata["alternates"]>["types"]>;

/** The address of `path` ("/prisoners/x") in a language: English unprefixed, others under their code. */
export function localizedPath(locale: Locale, path: string): string {
  if (locale === routing.defaultLocale) return path;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}

/**
 * Metadata `alternates` for a page: its canonical address in this language, and the same
 * page in every language (`<link rel="alternate" hreflang>`), English as x-default, and the
 * feeds that follow it (the site's feed unless the page names its own).
 */
export function languageAlternates(locale: Locale, path: string, types: AlternateTypes = siteFeedAlternates) {
  const languages: Record<string, string> = {};
  for (const each of routing.locales) languages[each] = localizedPath(each, path);
  languages["x-default"] = localizedPath(routing.defaultLocale, path);
  return { canonical: localizedPath(locale, path), languages, types };
}
