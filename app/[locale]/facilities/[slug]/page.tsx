import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { PartialDateTime } from "@/components/partial-date";
import { getFacility } from "@/lib/data/facilities";
import { facilityKindLabel } from "@/lib/labels";

type Props = { params: Promise<{ slug: string }> };

// One query per request, shared by the metadata and the page.
const loadFacility = cache(async (slug: string) => {
  await connection();
  return getFacility(slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const facility = await loadFacility((await params).slug);
  if (!facility) notFound();
  return {
    title: facility.name,
    description: `${facility.name}${facility.city ? `, ${facility.city}` : ""}: postal address for letters, who is held there now and who was held there before.`,
  };
}

export default async function FacilityPage({ params }: Props) {
  const facility = await loadFacility((await params).slug);
  if (!facility) notFound();
  const { heldNow, heldBefore } = facility;
  const today = { date: facility.on, precision: "DAY" as const };

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{facility.name}</h1>
        <p className="mt-2 text-muted">
          {facilityKindLabel[facility.kind]}
          {facility.city ? `, ${facility.city}` : null}
        </p>
        {facility.aliases.length > 0 ? (
          <p className="mt-1 text-sm text-muted">Also known as {facility.aliases.join(", ")}</p>
        ) : null}
      </header>

      <section aria-labelledby="address-heading" className="rounded-lg border border-stone-300 bg-white p-4">
        <h2 id="address-heading" className="text-xl font-semibold">
          Postal address for letters
        </h2>
        {facility.postalAddress ? (
          <>
            <p className="mt-3 select-all whitespace-pre-line rounded border border-stone-300 bg-paper p-3 font-mono text-lg">
              {facility.postalAddress}
            </p>
            <p className="mt-2 text-sm text-muted">
              Select the address to copy it. Add the full name of the person you write to.
            </p>
          </>
        ) : (
          <p className="mt-2">No postal address is recorded for this facility yet.</p>
        )}
      </section>

      <section aria-labelledby="now-heading">
        <h2 id="now-heading" className="text-xl font-semibold">
          Held here now
        </h2>
        <p className="mt-1 text-sm text-muted">
          On <PartialDateTime value={today} />, from published custody records: people in detention whose latest
          recorded placement is here.
        </p>
        {heldNow.length === 0 ? (
          <p className="mt-2">No one is recorded as held here today.</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
            {heldNow.map((person) => (
              <li key={person.prisoner.slug} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
                <Link href={`/prisoners/${person.prisoner.slug}`} className="font-medium text-accent underline underline-offset-4">
                  {person.prisoner.name}
                </Link>
                <span className="text-sm text-muted">
                  {person.sinceQualifier === "ON_OR_BEFORE" ? "here " : "here since "}
                  <PartialDateTime value={person.since} qualifier={person.sinceQualifier} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="before-heading">
        <h2 id="before-heading" className="text-xl font-semibold">
          Held here before
        </h2>
        {heldBefore.length === 0 ? (
          <p className="mt-2">No earlier stays are recorded here.</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
            {heldBefore.map((stay) => (
              <li
                key={`${stay.prisoner.slug}-${stay.from.date}`}
                className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3"
              >
                <Link href={`/prisoners/${stay.prisoner.slug}`} className="font-medium text-accent underline underline-offset-4">
                  {stay.prisoner.name}
                </Link>
                <span className="text-sm text-muted">
                  {stay.fromQualifier === "ON_OR_BEFORE" ? "here " : "from "}
                  <PartialDateTime value={stay.from} qualifier={stay.fromQualifier} />
                  {stay.ended === "transferred" ? "; moved elsewhere " : "; released "}
                  <PartialDateTime value={stay.until} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
