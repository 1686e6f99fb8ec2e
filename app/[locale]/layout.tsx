import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { LiveCount, LiveCountAnnouncer } from "@/components/live-count";
import { catalogues } from "@/i18n/catalogues";
import { Link } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { countImprisonedNow, toPublicCount, type PublicCount } from "@/lib/data/count-feed";
import "../globals.css";

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  const t = await getTranslations({ locale, namespace: "site" });
  return {
    // Absolute links in link previews; profiles work out their own from the request when unset.
    metadataBase: process.env.HABEAS_PUBLIC_URL ? new URL(process.env.HABEAS_PUBLIC_URL) : undefined,
    title: { default: t("title"), template: "%s · Habeas" },
    description: t("description"),
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/** The header's count. A page still renders, without it, when the database cannot answer. */
async function headerCount(): Promise<PublicCount | null> {
  try {
    return toPublicCount(await countImprisonedNow());
  } catch (error) {
    console.error(`[habeas] header count unavailable: ${(error as Error).message}`);
    return null;
  }
}

const SECTIONS = ["prisoners", "courts", "lawyers", "facilities", "statistics"] as const;

export default async function LocaleLayout({ children, params }: Props) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  // Every page shows the count as it is when the page is served, never as it was at build time.
  await connection();
  const [count, t, tCount] = await Promise.all([
    headerCount(),
    getTranslations({ locale, namespace: "site" }),
    getTranslations({ locale, namespace: "count" }),
  ]);
  const nav = await getTranslations({ locale, namespace: "nav" });
  // The browser gets only the words its client components use, not the whole catalogue.
  const clientMessages = { count: catalogues[locale].count, date: catalogues[locale].date, error: catalogues[locale].error };
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans antialiased">
        <NextIntlClientProvider locale={locale} messages={clientMessages} timeZone="UTC">
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
          >
            {t("skipToContent")}
          </a>
          <header className="border-b border-stone-300 bg-white">
            <div className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-3">
              <nav aria-label={t("mainNavigation")} className="flex flex-wrap items-center gap-x-6 gap-y-2">
                <Link href="/" className="text-lg font-bold tracking-tight text-accent">
                  Habeas
                </Link>
                {SECTIONS.map((section) => (
                  <Link key={section} href={`/${section}`} className="underline-offset-4 hover:underline">
                    {nav(section)}
                  </Link>
                ))}
              </nav>
              {count ? (
                <p className="ml-auto">
                  <Link
                    href={{ pathname: "/", hash: "imprisoned-now" }}
                    className="underline-offset-4 hover:underline"
                    title={tCount("headerTitle")}
                    data-testid="header-count"
                  >
                    <strong className="tabular-nums text-accent">
                      <LiveCount initial={count} />
                    </strong>{" "}
                    {tCount("headerSuffix")}
                  </Link>
                </p>
              ) : null}
              <nav aria-label={t("language")} className="w-full sm:w-auto">
                <LanguageSwitcher />
              </nav>
            </div>
          </header>
          {count ? <LiveCountAnnouncer initial={count} /> : null}
          <main id="main" className="mx-auto max-w-4xl px-4 py-8">
            {children}
          </main>
          <footer className="mx-auto max-w-4xl border-t border-stone-300 px-4 py-6 text-sm text-muted">
            {t("footer")}{" "}
            <Link href="/about" className="underline underline-offset-4">
              {t("about")}
            </Link>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
