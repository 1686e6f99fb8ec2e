"use client";

import "./globals.css";

/**
 * The last resort, when a root layout itself fails: its own document, in the three languages of
 * the public site, with no stack trace and no error message, only the digest found in the
 * server's log.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <main id="main" className="mx-auto max-w-4xl space-y-4 px-4 py-8" role="alert">
          <h1 className="text-3xl font-bold tracking-tight">Habeas is unavailable just now</h1>
          <p className="max-w-prose">Please try again in a moment.</p>
          <p className="max-w-prose" lang="az">
            Xidmət hazırda əlçatan deyil. Bir az sonra yenidən cəhd edin.
          </p>
          <p className="max-w-prose" lang="ru">
            Сервис сейчас недоступен. Попробуйте ещё раз чуть позже.
          </p>
          <p>
            <button type="button" onClick={reset} className="rounded bg-accent px-4 py-2 font-semibold text-white">
              Try again
            </button>
          </p>
          {error.digest ? <p className="text-sm text-muted">Reference: {error.digest}</p> : null}
        </main>
      </body>
    </html>
  );
}
