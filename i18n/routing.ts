import { defineRouting } from "next-intl/routing";

/**
 * The site's languages. English is the default and keeps unprefixed addresses (/prisoners);
 * the others carry their code (/az/prisoners, /ru/prisoners). The address alone decides the
 * language: no cookie and no Accept-Language redirect, so a shared link shows every reader the
 * same page and a page can be cached by its address.
 */
export const routing = defineRouting({
  locales: ["en", "az", "ru"],
  defaultLocale: "en",
  localePrefix: "as-needed",
  localeDetection: false,
  localeCookie: false,
});

export type Locale = (typeof routing.locales)[number];

/** Each language named in itself, for the language switcher. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: "English",
  az: "Azərbaycanca",
  ru: "Русский",
};
