import type { Metadata } from "next";
import type { Locale } from "@/i18n/routing";
import { localeParams } from "@/lib/i18n/server";
import Link from "next/link";
import { openApiDocument } from "@/lib/api/openapi";

// Rendered on request (the page cache keeps it) so the header's live count is current, not
// the build's: the shared layout reads it on every render.

export const metadata: Metadata = {
  title: "Public API",
  description: "Read the published record as JSON: people and their timelines, courts, lawyers, places of detention, the count and statistics.",
};

type Operation = { summary: string; parameters?: { name: string }[] };

// Written in English only for now: the page says so with lang="en" inside a page of any language.
export default async function DevelopersPage({ params }: { params: Promise<{ locale: Locale }> }) {
  await localeParams(params);
  const paths = openApiDocument().paths as Record<string, { get: Operation }>;
  return (
    <article lang="en" className="max-w-prose space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Public API</h1>
      <p>
        Everything published here can be read as JSON under <code>/api/v1</code>, from any site or script: no key,
        no sign-in, read-only. Drafts and private facts are never served. The full description is an OpenAPI 3.1
        document: <a href="/api/v1/openapi.json" className="underline underline-offset-4">/api/v1/openapi.json</a>.
      </p>

      <section aria-labelledby="endpoints-heading" className="space-y-3">
        <h2 id="endpoints-heading" className="text-xl font-semibold">
          Endpoints
        </h2>
        <ul className="space-y-3">
          {Object.entries(paths).map(([path, item]) => (
            <li key={path}>
              <code className="break-all font-semibold">GET /api/v1{path}</code>
              <br />
              {item.get.summary}
              {item.get.parameters && item.get.parameters.some((parameter) => parameter.name !== "slug") ? (
                <>
                  {" "}
                  (parameters:{" "}
                  {item.get.parameters
                    .filter((parameter) => parameter.name !== "slug")
                    .map((parameter) => parameter.name)
                    .join(", ")}
                  )
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="use-heading" className="space-y-3">
        <h2 id="use-heading" className="text-xl font-semibold">
          How it behaves
        </h2>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <code>/prisoners</code> takes the directory&rsquo;s search and filters and returns pages in the
            directory&rsquo;s order. Pass the <code>nextCursor</code> of a page back as <code>?cursor=</code> (with the
            same other parameters) until it is <code>null</code>. Cursors are opaque; pages do not shift when records
            are added while you read.
          </li>
          <li>
            Status and counts are derived for today (UTC); <code>/count?date=2014-11-01</code> and the statistics
            answer for a past day. The rules are on the <Link href="/data" className="underline underline-offset-4">data dictionary</Link>.
          </li>
          <li>
            A bad parameter gets a <code>400</code> in <code>application/problem+json</code>, naming each parameter
            refused in <code>fieldErrors</code>. An unknown or unpublished slug gets a <code>404</code>.
          </li>
          <li>
            Responses may be cached for a minute and carry an <code>ETag</code>; send it back as{" "}
            <code>If-None-Match</code> to get a <code>304</code> when nothing changed.
          </li>
          <li>
            Whole data sets: <code>/export/prisoners.csv</code> and <code>/export/prisoners.json</code>, described on
            the data dictionary.
          </li>
        </ul>
      </section>
    </article>
  );
}
