import type { Metadata } from "next";
import { connection } from "next/server";
import { DirectoryResults } from "@/components/directory-results";
import { DirectorySearchForm } from "@/components/directory-search-form";
import { directoryChoicesNow, searchDirectory } from "@/lib/data/directory";
import { keepKnownChoices, parseDirectoryParams, type RawSearchParams } from "@/lib/validation/directory";

export const metadata: Metadata = {
  title: "Prisoners",
  description: "Search the published profiles by name in any spelling; filter by status, category, place, court and charge.",
};

export default async function DirectoryPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  // Status is derived at request time, never baked into the build.
  await connection();
  const raw = await searchParams;
  const choices = await directoryChoicesNow();
  const { params, problems } = keepKnownChoices(parseDirectoryParams(raw), choices);
  const result = await searchDirectory(params);
  const notices =
    result.pageBeyondEnd === null
      ? problems
      : [...problems, `There is no page ${result.pageBeyondEnd}; this is page ${result.page}, the last.`];

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Prisoners</h1>
        <p className="max-w-prose text-muted">
          Everyone whose profile is published here, imprisoned now or not. Search by name in any
          spelling we record, and narrow the list with the filters.
        </p>
      </div>
      {notices.length > 0 ? (
        <section className="rounded-lg border border-amber-700 bg-amber-50 p-4" aria-labelledby="notices-heading">
          <h2 id="notices-heading" className="font-semibold">
            Part of this address could not be used
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {notices.map((notice) => (
              <li key={notice}>{notice}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <DirectorySearchForm params={params} choices={choices} />
      <DirectoryResults result={result} params={{ ...params, page: result.page }} />
    </div>
  );
}
