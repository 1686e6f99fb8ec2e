import { courtFeedAlternates } from "@/lib/feeds/alternates";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { HearingList } from "@/components/hearing-list";
import { MotionTally } from "@/components/motion-tally";
import { getCourt } from "@/lib/data/courts";
import { courtKindLabel } from "@/lib/labels";

type Props = { params: Promise<{ slug: string }> };

// One query per request, shared by the metadata and the page.
const loadCourt = cache(async (slug: string) => {
  await connection();
  return getCourt(slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const court = await loadCourt((await params).slug);
  if (!court) notFound();
  return {
    title: court.name,
    alternates: { types: courtFeedAlternates(court.slug, court.name) },
    description: `Hearings at ${court.name}${court.city ? ` (${court.city})` : ""} in the cases of political prisoners, and how the court ruled on motions by who filed them.`,
  };
}

export default async function CourtPage({ params }: Props) {
  const court = await loadCourt((await params).slug);
  if (!court) notFound();
  const { motionTally, hearings, judges } = court;

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{court.name}</h1>
        <p className="mt-2 text-muted">
          {courtKindLabel[court.kind]}
          {court.city ? `, ${court.city}` : null}
        </p>
        {court.aliases.length > 0 ? <p className="mt-1 text-sm text-muted">Also known as {court.aliases.join(", ")}</p> : null}
      </header>

      <section aria-labelledby="motions-heading">
        <h2 id="motions-heading" className="text-xl font-semibold">
          Motions and rulings
        </h2>
        <p className="mt-2 max-w-prose text-sm text-muted">
          Every motion recorded at a published hearing in this court, by who filed it and how the court ruled.
        </p>
        {motionTally.totals.total === 0 ? (
          <p className="mt-2">No motions are recorded at this court yet.</p>
        ) : (
          <MotionTally id="motion-tally" tally={motionTally} caption="Motions by who filed them and the ruling" />
        )}
      </section>

      <section aria-labelledby="hearings-heading">
        <h2 id="hearings-heading" className="text-xl font-semibold">
          Hearings
        </h2>
        {hearings.length === 0 ? (
          <p className="mt-2">No hearings are recorded at this court yet.</p>
        ) : (
          <>
            <p className="mt-2 text-sm text-muted">
              {hearings.length} {hearings.length === 1 ? "hearing" : "hearings"}, newest first.
            </p>
            <HearingList hearings={hearings} />
          </>
        )}
      </section>

      <section aria-labelledby="judges-heading">
        <h2 id="judges-heading" className="text-xl font-semibold">
          Judges
        </h2>
        {judges.length === 0 ? (
          <p className="mt-2">No judges are recorded at this court yet.</p>
        ) : (
          <table className="mt-3 w-full rounded-lg border border-stone-300 bg-white text-sm">
            <caption className="sr-only">Judges at {court.name} and the hearings each presided over here</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="px-3 py-2 text-left">
                  Judge
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  Hearings here
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {judges.map((judge) => (
                <tr key={judge.id}>
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {judge.fullName}
                  </th>
                  <td className="px-3 py-2 text-right tabular-nums">{judge.hearingCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
