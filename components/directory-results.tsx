import Link from "next/link";
import { describeCustodyStatus } from "@/lib/custody-status-text";
import type { DirectoryResult } from "@/lib/data/directory";
import { formatPartialDate } from "@/lib/dates";
import { pageNumbers } from "@/lib/page-numbers";
import { directoryQuery, type DirectoryParams } from "@/lib/validation/directory";

function profileHref(slug: string) {
  return `/prisoners/${slug}` as const;
}

function pageHref(params: DirectoryParams, page: number) {
  return { pathname: "/prisoners" as const, query: directoryQuery({ ...params, page }) };
}

function Pagination({ result, params }: { result: DirectoryResult; params: DirectoryParams }) {
  if (result.pageCount <= 1) return null;
  const shape = "inline-block min-w-11 rounded border px-3 py-2 text-center";
  const linkClass = `${shape} border-stone-300 bg-white`;
  const currentClass = `${shape} border-accent bg-accent font-semibold text-white`;
  return (
    <nav aria-label="Pages of results" className="mt-6">
      <ul className="flex flex-wrap items-center gap-2">
        {result.page > 1 ? (
          <li>
            <Link href={pageHref(params, result.page - 1)} rel="prev" className={linkClass}>
              Previous
            </Link>
          </li>
        ) : null}
        {pageNumbers(result.page, result.pageCount).map((page, index) =>
          page === "gap" ? (
            <li key={`gap-${index}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={page}>
              <Link
                href={pageHref(params, page)}
                aria-current={page === result.page ? "page" : undefined}
                className={page === result.page ? currentClass : linkClass}
              >
                <span className="sr-only">Page </span>
                {page}
              </Link>
            </li>
          ),
        )}
        {result.page < result.pageCount ? (
          <li>
            <Link href={pageHref(params, result.page + 1)} rel="next" className={linkClass}>
              Next
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function summary(result: DirectoryResult): string {
  if (result.total === 0) return "No published profile matches this search.";
  const people = result.total === 1 ? "1 person found" : `${result.total} people found`;
  if (result.pageCount === 1) return `${people}.`;
  const first = (result.page - 1) * result.pageSize + 1;
  const last = first + result.entries.length - 1;
  return `${people}. Showing ${first} to ${last}, page ${result.page} of ${result.pageCount}.`;
}

export function DirectoryResults({ result, params }: { result: DirectoryResult; params: DirectoryParams }) {
  return (
    <section aria-labelledby="results-heading" className="space-y-3">
      <h2 id="results-heading" className="text-xl font-semibold">
        Results
      </h2>
      <p role="status" className="font-medium" data-testid="directory-summary">
        {summary(result)}
      </p>
      <p className="text-sm text-muted">
        Status as of {formatPartialDate({ date: result.on, precision: "DAY" })}, from published custody records.
      </p>
      {result.entries.length > 0 ? (
        <ol className="divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
          {result.entries.map((entry) => (
            <li key={entry.id} className="px-4 py-3">
              <h3 className="text-lg font-semibold wrap-anywhere">
                <Link href={profileHref(entry.slug)} className="text-accent underline-offset-4 hover:underline">
                  {entry.fullName}
                </Link>
              </h3>
              <p className="text-sm">{describeCustodyStatus(entry.status)}</p>
              {entry.categories.length > 0 ? (
                <ul aria-label="Categories" className="mt-2 flex flex-wrap gap-2">
                  {entry.categories.map((category) => (
                    <li key={category.slug} className="rounded-full bg-stone-100 px-2 py-0.5 text-xs text-ink">
                      {category.name}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>
          Try fewer words or filters, or{" "}
          <Link href="/prisoners" className="underline underline-offset-4">
            see everyone
          </Link>
          .
        </p>
      )}
      <Pagination result={result} params={params} />
    </section>
  );
}
