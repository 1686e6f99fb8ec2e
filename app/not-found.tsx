import Link from "next/link";
import "./globals.css";

/**
 * An address outside every area (no language, no admin): a plain English page, since no
 * layout with the site's chrome applies. Public addresses reach app/[locale]/not-found.tsx.
 */
export default function NotFound() {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <main className="mx-auto max-w-4xl space-y-4 px-4 py-8">
          <h1 className="text-3xl font-bold tracking-tight">Page not found</h1>
          <p>There is nothing at this address.</p>
          <p>
            <Link href="/" className="underline underline-offset-2">
              Back to the home page
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
