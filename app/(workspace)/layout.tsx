import type { Metadata, Viewport } from "next";
import Link from "next/link";
import "../globals.css";

export const metadata: Metadata = {
  title: { default: "Workspace · Habeas", template: "%s · Habeas workspace" },
  robots: { index: false, follow: false },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/**
 * The root of the advocates' side (sign-in, set-password links, the workspace): English only,
 * never indexed, without the public header's live count. The public site has its own root in
 * app/[locale]/layout.tsx.
 */
export default function WorkspaceRootLayout({ children }: { children: React.ReactNode }) {
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
            <Link href="/" className="text-lg font-bold tracking-tight text-accent">
              Habeas
            </Link>
            <span className="text-sm text-muted">Workspace</span>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-4xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
