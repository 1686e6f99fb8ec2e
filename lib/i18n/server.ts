import "server-only";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { hasLocale } from "next-intl";
import { routing, type Locale } from "@/i18n/routing";
import { languageAlternates } from "./alternates";
import { wording, type Wording } from "./wording";

/** The request's language, as the address gave it. */
export async function currentLocale(): Promise<Locale> {
  const locale = await getLocale();
  return hasLocale(routing.locales, locale) ? locale : routing.defaultLocale;
}

/** The wording helpers in the request's language. */
export async function getWording(): Promise<Wording> {
  return wording(await currentLocale());
}

/**
 * A page's route parameters with its language checked: an unknown language is "not found"
 * before the page renders a word (the layout checks too, but pages render alongside it).
 * Also tells next-intl the language, so the page can be rendered ahead of any request.
 */
export async function localeParams<T extends { locale: string }>(
  params: Promise<T>,
): Promise<Omit<T, "locale"> & { locale: Locale }> {
  const resolved = await params;
  if (!hasLocale(routing.locales, resolved.locale)) notFound();
  setRequestLocale(resolved.locale);
  return { ...resolved, locale: resolved.locale };
}

/** The sections whose catalogue namespace has a page title and description. */
type SectionNamespace = "about" | "courts" | "directory" | "facilities" | "lawyers" | "statistics";

/** A section page's metadata: its title and description in the page's language, and its addresses in every language. */
export async function sectionMetadata(
  params: Promise<{ locale: string }>,
  namespace: SectionNamespace,
  path: string,
): Promise<Metadata> {
  const { locale } = await localeParams(params);
  const t = await getTranslations({ locale, namespace });
  return { title: t("title"), description: t("metaDescription"), alternates: languageAlternates(locale, path) };
}
