import type { Metadata, Viewport } from "next";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Habeas: political prisoners, case by case", template: "%s · Habeas" },
  description:
    "Who is imprisoned now, on what charges, and what happened at every hearing: a sourced record of political prisoners.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
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
          <nav aria-label="Main" className="mx-auto flex max-w-4xl items-center gap-6 px-4 py-3">
            <Link href="/" className="text-lg font-bold tracking-tight text-accent">
              Habeas
            </Link>
            <Link href="/prisoners" className="underline-offset-4 hover:underline">
              Prisoners
            </Link>
          </nav>
        </header>
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
