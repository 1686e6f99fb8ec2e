import Link from "next/link";
import { directoryQuery, type DirectoryParams } from "@/lib/validation/directory";

/**
 * Downloads of what the directory shows: the same search and filters (every result, not only
 * this page), as CSV or JSON. Plain links, so they work without JavaScript and can be copied
 * into a script.
 */
export function ExportLinks({ params }: { params: DirectoryParams }) {
  const query = new URLSearchParams(directoryQuery({ ...params, page: 1 })).toString();
  const href = (format: "csv" | "json") => `/api/v1/export/prisoners.${format}${query ? `?${query}` : ""}`;
  const linkClass = "underline underline-offset-4";
  return (
    <section aria-labelledby="export-heading" className="rounded-lg border border-stone-300 p-4">
      <h2 id="export-heading" className="font-semibold">
        Download {query ? "these results" : "the data set"}
      </h2>
      <p className="mt-1 text-muted">Every person matching the search and filters, not only this page.</p>
      <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <a href={href("csv")} download className={linkClass}>
            Download CSV
          </a>
        </li>
        <li>
          <a href={href("json")} download className={linkClass}>
            Download JSON
          </a>
        </li>
        <li>
          <Link href="/data" className={linkClass}>
            What each column means
          </Link>
        </li>
        <li>
          <Link href="/developers" className={linkClass}>
            API
          </Link>
        </li>
      </ul>
    </section>
  );
}
