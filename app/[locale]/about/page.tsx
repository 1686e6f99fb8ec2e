import type { Metadata } from "next";
import Link from "next/link";

// Nothing here depends on the record: the page is rendered once, at build time.
export const dynamic = "force-static";

export const metadata: Metadata = {
  title: "About",
  description: "What Habeas is, where its facts come from, and how the count of people imprisoned now is derived.",
};

export default function AboutPage() {
  return (
    <article className="max-w-prose space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">About Habeas</h1>
      <p>
        Habeas is an open record of political prisoners, kept by advocates and lawyers. For each person it records
        what happened as dated facts: arrests, the places they are held, charges, hearings and the motions heard
        there, detention extensions, verdicts, appeals, pardons and releases. Every fact cites the source that
        supports it.
      </p>

      <section aria-labelledby="count-heading" className="space-y-3">
        <h2 id="count-heading" className="text-xl font-semibold">
          How the count is derived
        </h2>
        <p>
          Nobody types in the number of people imprisoned, and no profile carries an &ldquo;imprisoned&rdquo; flag.
          The count is worked out from custody records each time it is shown:
        </p>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            A person is counted when their published profile has a published period of detention (an arrest, or
            the earliest date a source shows them in custody) that began on or before the day counted and has no
            release on or before that day. The day of release is counted as a day of freedom.
          </li>
          <li>House arrest is recorded on profiles but not counted.</li>
          <li>
            When a source proves only that someone was held <em>by</em> a date (&ldquo;in custody by October
            2014&rdquo;), they are counted from the last day that date can stand for, so the number never claims
            more than the sources prove.
          </li>
          <li>
            One person is in at most one custody period on any day, so no one is counted twice. The same rule
            answers &ldquo;how many were imprisoned on&rdquo; any past date.
          </li>
        </ul>
        <p>
          The number on the <Link href="/" className="underline underline-offset-4">home page</Link> is shown with
          its definition and the time it was computed.
        </p>
      </section>

      <section aria-labelledby="privacy-heading" className="space-y-3">
        <h2 id="privacy-heading" className="text-xl font-semibold">
          What is never published
        </h2>
        <p>
          Drafts, family contacts, health details a family has not agreed to publish, the identity of confidential
          sources and internal notes are kept apart from the public record and never appear on this site or in
          anything it publishes.
        </p>
      </section>
    </article>
  );
}
