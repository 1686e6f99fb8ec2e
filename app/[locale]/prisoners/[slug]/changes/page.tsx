import type { Metadata } from "next";
import type { Locale } from "@/i18n/routing";
import { localeParams } from "@/lib/i18n/server";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { publicChangeLog } from "@/lib/data/change-log";
import { formatUtcTimestamp } from "@/lib/dates";
import { feedPaths } from "@/lib/feeds/paths";
import { changeLogQuery } from "@/lib/validation/change-log";
import { fieldErrorsOf } from "@/lib/validation/common";

type Props = {
  params: Promise<{ locale: Locale; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const loadChangeLog = cache(async (slug: string, since: string | undefined) => {
  await connection();
  return publicChangeLog(slug, { since });
});

function sinceOf(raw: Record<string, string | string[] | undefined>) {
  const since = typeof raw.since === "string" && raw.since !== "" ? raw.since : undefined;
  const parsed = changeLogQuery.safeParse({ since });
  return parsed.success
    ? { since: parsed.data.since, error: null, value: since ?? "" }
    : { since: undefined, error: fieldErrorsOf(parsed.error).since?.join(" ") ?? "Enter a date as YYYY-MM-DD", value: since ?? "" };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await localeParams(params);
  const log = await loadChangeLog(slug, undefined);
  if (!log) notFound();
  return {
    title: `What changed: ${log.prisoner.fullName}`,
    description: `Changes to the public record of ${log.prisoner.fullName}, newest first.`,
    alternates: {
      canonical: `/prisoners/${log.prisoner.slug}/changes`,
      types: { "application/atom+xml": [{ url: feedPaths.prisonerChanges(log.prisoner.slug), title: "What changed (Atom)" }] },
    },
  };
}

/** The public history of one person's record: what was added or changed, and when. */
export default async function ChangeLogPage({ params, searchParams }: Props) {
  const { slug } = await localeParams(params);
  const query = sinceOf(await searchParams);
  const log = await loadChangeLog(slug, query.since);
  if (!log) notFound();
  const profilePath = `/prisoners/${log.prisoner.slug}`;
  return (
    <article lang="en" aria-labelledby="changes-heading" className="space-y-6">
      <header className="space-y-2">
        <h1 id="changes-heading" className="text-3xl font-bold tracking-tight break-words">
          What changed: {log.prisoner.fullName}
        </h1>
        <p className="max-w-prose text-muted">
          Additions and corrections to the public record of{" "}
          <a href={profilePath} className="underline underline-offset-2">
            {log.prisoner.fullName}
          </a>
          , newest first. Each line names what changed and links to it as it reads now.{" "}
          <a href={feedPaths.prisonerChanges(log.prisoner.slug)} type="application/atom+xml" className="underline underline-offset-2">
            Follow these changes (Atom feed)
          </a>
          .
        </p>
      </header>

      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Filter changes by date">
        <div>
          <label htmlFor="changes-since" className="block text-sm font-medium">
            Changes since (YYYY-MM-DD, UTC)
          </label>
          <input
            id="changes-since"
            name="since"
            type="date"
            defaultValue={query.value}
            aria-invalid={query.error ? true : undefined}
            aria-describedby={query.error ? "changes-since-error" : undefined}
            className="mt-1 block rounded border border-stone-400 bg-white px-3 py-2"
          />
        </div>
        <button type="submit" className="rounded bg-accent px-4 py-2 font-medium text-white">
          Show changes
        </button>
        <div aria-live="polite" className="basis-full">
          {query.error ? (
            <p id="changes-since-error" className="text-sm text-red-800">
              {query.error}
            </p>
          ) : null}
        </div>
      </form>

      {log.entries.length === 0 ? (
        <p className="text-muted">{log.since ? `No public change since ${log.since}.` : "No public change is recorded."}</p>
      ) : (
        <ol className="space-y-3" data-testid="change-log">
          {log.entries.map((entry) => (
            <li key={entry.id} id={`change-${entry.id}`} className="rounded-lg border border-stone-300 bg-white p-3">
              <p className="text-sm text-muted">
                <time dateTime={entry.at.toISOString()}>{formatUtcTimestamp(entry.at)}</time>
              </p>
              <p className="mt-1">
                {entry.kind === "added" ? "Added: " : "Changed: "}
                {entry.anchor ? (
                  <a href={`${profilePath}#${entry.anchor}`} className="underline underline-offset-2">
                    {entry.title}
                  </a>
                ) : (
                  entry.title
                )}
              </p>
              {entry.fields.length > 0 ? <p className="mt-1 text-sm text-muted">Fields: {entry.fields.join(", ")}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
