import type { Metadata } from "next";
import type { Locale } from "@/i18n/routing";
import { localeParams } from "@/lib/i18n/server";
import Link from "next/link";
import { exportColumns, LIST_SEPARATOR } from "@/lib/export/columns";

// Rendered on request (the page cache keeps it) so the header's live count is current, not
// the build's: the shared layout reads it on every render.

export const metadata: Metadata = {
  title: "Data dictionary",
  description: "Every column of the CSV and JSON exports of published prisoners: type, meaning, example, and how status is derived.",
};

// Written in English only for now: the page says so with lang="en" inside a page of any language.
export default async function DataDictionaryPage({ params }: { params: Promise<{ locale: Locale }> }) {
  await localeParams(params);
  return (
    <article lang="en" className="max-w-prose space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Data dictionary</h1>
      <p>
        The <Link href="/prisoners" className="underline underline-offset-4">directory</Link> can be downloaded as CSV
        or JSON: everyone published, or only the people the current search and filters find. One row per person.
        Drafts, archived profiles and private facts (family contacts, health details, confidential sources, internal
        notes) are never exported.
      </p>

      <section aria-labelledby="files-heading" className="space-y-3">
        <h2 id="files-heading" className="text-xl font-semibold">
          The files
        </h2>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <code>/api/v1/export/prisoners.csv</code> and <code>/api/v1/export/prisoners.json</code>, with the
            directory&rsquo;s parameters (<code>q</code>, <code>status</code>, <code>category</code>,{" "}
            <code>facility</code>, <code>court</code>, <code>article</code>, <code>gender</code>, <code>year</code>,{" "}
            <code>sort</code>). The file is named for the day its statuses are as of, e.g.{" "}
            <code>habeas-prisoners-2026-11-27.csv</code>.
          </li>
          <li>
            CSV follows RFC 4180: a header row, comma-separated, fields with commas, quotes or line breaks in double
            quotes, lines ending in CRLF. It is UTF-8 with a byte order mark, so that spreadsheets show Azerbaijani
            and Cyrillic names correctly. Lists are joined with <code>&ldquo;{LIST_SEPARATOR}&rdquo;</code>; an empty
            field means no value.
          </li>
          <li>
            A CSV cell that begins with <code>=</code>, <code>+</code>, <code>-</code> or <code>@</code> is prefixed
            with an apostrophe (<code>&apos;</code>), so that a spreadsheet shows it as text rather than running it
            as a formula. The JSON export carries every value unchanged.
          </li>
          <li>
            JSON is one object: <code>generatedOn</code> (the day), <code>columns</code> (the names below, in order)
            and <code>data</code>, one object per person with these names as keys; empty values are{" "}
            <code>null</code> and lists are arrays.
          </li>
        </ul>
      </section>

      <section aria-labelledby="status-heading" className="space-y-3">
        <h2 id="status-heading" className="text-xl font-semibold">
          How status is derived
        </h2>
        <p>
          No one types a status in. It is worked out, for the day in <code>status_as_of</code>, from the published
          custody periods of each person (arrest or the earliest date a source shows custody, to release), by the
          same rule as the count on the <Link href="/about" className="underline underline-offset-4">about page</Link>:
        </p>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            A period counts from the day the sources prove it had begun: a start known only to the month or year, or
            only as &ldquo;in custody by&rdquo; a date, counts from the last day it can stand for.
          </li>
          <li>
            <code>imprisoned</code>: a detention period has begun and has no release on or before the day (the day
            of release is a day of freedom). <code>house-arrest</code>: the same for a house-arrest period.
          </li>
          <li>
            <code>released</code>: custody was proven at some time, and every period has ended by the day.
            <code> no-custody-recorded</code>: no published custody period has begun by the day.
          </li>
        </ul>
      </section>

      <section aria-labelledby="columns-heading" className="space-y-4">
        <h2 id="columns-heading" className="text-xl font-semibold">
          Columns
        </h2>
        {exportColumns.map((column) => (
          <section key={column.name} aria-labelledby={`column-${column.name}`} className="border-t border-stone-300 pt-3">
            <h3 id={`column-${column.name}`} className="font-mono font-semibold">
              {column.name}
            </h3>
            <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
              <dt className="text-muted">Type</dt>
              <dd>{column.type}</dd>
              <dt className="text-muted">Meaning</dt>
              <dd>{column.meaning}</dd>
              <dt className="text-muted">Example</dt>
              <dd className="break-all font-mono">{column.example}</dd>
            </dl>
          </section>
        ))}
      </section>

      <p>
        For single records, timelines, courts, lawyers, places of detention and statistics, see the{" "}
        <Link href="/developers" className="underline underline-offset-4">public API</Link>.
      </p>
    </article>
  );
}
