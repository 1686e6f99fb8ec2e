import type { MetadataRoute } from "next";
import { routing } from "@/i18n/routing";
import { publicSitemapRecords } from "@/lib/data/sitemap";
import { requestBaseUrl } from "@/lib/request-base";

/**
 * /sitemap.xml: every public page once, in English, with its Azerbaijani and Russian addresses
 * as alternates. Rendered per request from published records only (lib/data/sitemap.ts).
 */
export const dynamic = "force-dynamic";

const FIXED_PAGES = ["", "/prisoners", "/courts", "/lawyers", "/facilities", "/statistics", "/data", "/developers", "/about"];

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = await requestBaseUrl();
  const records = await publicSitemapRecords();
  const entry = (path: string, lastModified?: Date): MetadataRoute.Sitemap[number] => ({
    url: new URL(path || "/", base).href,
    lastModified,
    alternates: {
      languages: Object.fromEntries(
        routing.locales
          .filter((locale) => locale !== routing.defaultLocale)
          .map((locale) => [locale, new URL(`/${locale}${path}`, base).href]),
      ),
    },
  });
  return [
    ...FIXED_PAGES.map((path) => entry(path)),
    ...records.prisoners.map(({ slug, updatedAt }) => entry(`/prisoners/${slug}`, updatedAt)),
    ...records.courts.map((slug) => entry(`/courts/${slug}`)),
    ...records.lawyers.map((slug) => entry(`/lawyers/${slug}`)),
    ...records.facilities.map((slug) => entry(`/facilities/${slug}`)),
  ];
}
