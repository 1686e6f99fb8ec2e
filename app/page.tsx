import { connection } from "next/server";
import { ImprisonedCountPanel } from "@/components/imprisoned-count";
import { countImprisonedNow, toPublicCount } from "@/lib/data/count-feed";
import { listImprisoned } from "@/lib/data/custody-status";
import { formatPartialDate } from "@/lib/dates";

export default async function HomePage() {
  // The count is read at request time, never baked into the build.
  await connection();
  const [count, people] = await Promise.all([countImprisonedNow(), listImprisoned()]);
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold tracking-tight">Political prisoners, case by case</h1>
      <ImprisonedCountPanel count={toPublicCount(count)} />
      <section aria-labelledby="people-heading">
        <h2 id="people-heading" className="text-xl font-semibold">
          Who is counted
        </h2>
        {people.length === 0 ? (
          <p className="mt-2 text-muted">No one is recorded in custody today.</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
            {people.map((person) => (
              <li key={person.id} className="flex flex-wrap justify-between gap-2 px-4 py-3">
                <span className="font-medium">{person.fullName}</span>
                <span className="text-sm text-muted">
                  {person.sinceQualifier === "ON_OR_BEFORE"
                    ? `in custody ${formatPartialDate(person.since, "ON_OR_BEFORE")}`
                    : `in custody since ${formatPartialDate(person.since)}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
