import Link from "next/link";
import { connection } from "next/server";
import { ImprisonedCountPanel } from "@/components/imprisoned-count";
import { countImprisonedNow, toPublicCount } from "@/lib/data/count-feed";
import { listImprisoned } from "@/lib/data/custody-status";
import { formatPartialDate } from "@/lib/dates";
import { ReuseSection } from "@/components/reuse-section";

/** The home page names the most recent cases; the directory lists everyone. */
const LATEST = 10;

export default async function HomePage() {
  // The count is read at request time, never baked into the build.
  await connection();
  const [count, people] = await Promise.all([countImprisonedNow(), listImprisoned(undefined, { latest: LATEST })]);
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">Political prisoners, case by case</h1>
      <ImprisonedCountPanel count={toPublicCount(count)} />
      <section aria-labelledby="people-heading">
        <h2 id="people-heading" className="text-xl font-semibold">
          Most recently taken into custody
        </h2>
        {people.length === 0 ? (
          <p className="mt-2 text-muted">No one is recorded in custody today.</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
            {people.map((person) => (
              <li key={person.id} className="flex flex-wrap justify-between gap-2 px-4 py-3">
                <Link href={`/prisoners/${person.slug}`} className="font-medium underline-offset-4 hover:underline">
                  {person.fullName}
                </Link>
                <span className="text-sm text-muted">
                  {person.sinceQualifier === "ON_OR_BEFORE"
                    ? `in custody ${formatPartialDate(person.since, "ON_OR_BEFORE")}`
                    : `in custody since ${formatPartialDate(person.since)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3">
          <Link href="/prisoners?status=imprisoned" className="font-medium text-accent underline underline-offset-4">
            Everyone imprisoned now ({count.count})
          </Link>
        </p>
      </section>
      <ReuseSection />
    </div>
  );
}
