import { routing, type Locale } from "@/i18n/routing";

/** The address of `path` ("/prisoners/x") in a language: English unprefixed, others under their code. */
export function localizedPath(locale: Locale, path: string): string {
  if (locale === routing.defaultLocale) return path;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}

/**
 * Metadata `alternates` for a page: its canonical address in this language, and the same
 * page in every language (`<link rel="alternate" hreflang>`), English as x-default.
 */
export function languageAlternates(locale: Locale, path: string) {
  const languages: Record<string, string> = {};
  for (const each of routing.locales) languages[each] = localizedPath(each, path);
  languages["x-default"] = localizedPath(routing.defaultLocale, path);
  return { canonical: localizedPath(locale, path), languages };
}
