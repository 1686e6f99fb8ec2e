import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { LiveCount, LiveCountAnnouncer } from "@/components/live-count";
import { countImprisonedNow, toPublicCount, type PublicCount } from "@/lib/data/count-feed";
import { siteFeedAlternates } from "@/lib/feeds/alternates";
import "./globals.css";

export const metadata: Metadata = {
  // Absolute links in link previews; profiles work out their own from the request when unset.
  metadataBase: process.env.HABEAS_PUBLIC_URL ? new URL(process.env.HABEAS_PUBLIC_URL) : undefined,
  title: { default: "Habeas: political prisoners, case by case", template: "%s · Habeas" },
  description:
    "Who is imprisoned now, on what charges, and what happened at every hearing: a sourced record of political prisoners.",
  alternates: { types: siteFeedAlternates },
};

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

const SECTIONS = [
  { href: "/prisoners", label: "Prisoners" },
  { href: "/courts", label: "Courts" },
  { href: "/lawyers", label: "Lawyers" },
  { href: "/facilities", label: "Facilities" },
  { href: "/statistics", label: "Statistics" },
] as const;

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page shows the count as it is when the page is served, never as it was at build time.
  await connection();
  const count = await headerCount();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2"
        >
          Skip to content
        </a>
        <header className="border-b border-stone-300 bg-white">
          <div className="mx-auto flex max-w-4xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-3">
            <nav aria-label="Main" className="flex flex-wrap items-center gap-x-6 gap-y-2">
              <Link href="/" className="text-lg font-bold tracking-tight text-accent">
                Habeas
              </Link>
              {SECTIONS.map((section) => (
                <Link key={section.href} href={section.href} className="underline-offset-4 hover:underline">
                  {section.label}
                </Link>
              ))}
            </nav>
            {count ? (
              <p className="ml-auto">
                <Link
                  href="/#imprisoned-now"
                  className="underline-offset-4 hover:underline"
                  title="People held in a prison or detention centre today, from the published custody records"
                  data-testid="header-count"
                >
                  <strong className="tabular-nums text-accent">
                    <LiveCount initial={count} />
                  </strong>{" "}
                  imprisoned now
                </Link>
              </p>
            ) : null}
          </div>
        </header>
        {count ? <LiveCountAnnouncer initial={count} /> : null}
        <main id="main" className="mx-auto max-w-4xl px-4 py-8">
          {children}
        </main>
        <footer className="mx-auto max-w-4xl border-t border-stone-300 px-4 py-6 text-sm text-muted">
          Every figure here is derived from dated, sourced custody records.{" "}
          <Link href="/about" className="underline underline-offset-4">
            About Habeas
          </Link>
        </footer>
      </body>
    </html>
  );
}
