import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { HearingList } from "@/components/hearing-list";
import { PartialDateTime } from "@/components/partial-date";
import { getLawyer } from "@/lib/data/lawyers";
import { motionKindLabel, motionPartyLabel, rulingLabel } from "@/lib/labels";

type Props = { params: Promise<{ slug: string }> };

// One query per request, shared by the metadata and the page.
const loadLawyer = cache(async (slug: string) => {
  await connection();
  return getLawyer(slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lawyer = await loadLawyer((await params).slug);
  if (!lawyer) notFound();
  return {
    title: `${lawyer.fullName}, lawyer`,
    description: `${lawyer.fullName}: the political prisoners this lawyer defends, the hearings attended and the motions filed${lawyer.prosecutedAs ? "; also prosecuted" : ""}.`,
  };
}

export default async function LawyerPage({ params }: Props) {
  const lawyer = await loadLawyer((await params).slug);
  if (!lawyer) notFound();
  const { clients, hearings, motions, prosecutedAs } = lawyer;

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{lawyer.fullName}</h1>
        <p className="mt-2 text-muted">Lawyer</p>
        {lawyer.aliases.length > 0 ? (
          <p className="mt-1 text-sm text-muted">Also written {lawyer.aliases.join(", ")}</p>
        ) : null}
      </header>

      {prosecutedAs ? (
        <section aria-labelledby="prosecuted-heading" className="rounded-lg border border-accent bg-white p-4">
          <h2 id="prosecuted-heading" className="font-semibold text-accent">
            Is also prosecuted
          </h2>
          <p className="mt-1">
            This lawyer is also a person the record follows.{" "}
            <Link href={`/prisoners/${prosecutedAs.slug}`} className="text-accent underline underline-offset-4">
              {prosecutedAs.name}&apos;s profile
            </Link>{" "}
            has their own cases, custody and hearings.
          </p>
        </section>
      ) : null}

      <section aria-labelledby="clients-heading">
        <h2 id="clients-heading" className="text-xl font-semibold">
          Defends
        </h2>
        {clients.length === 0 ? (
          <p className="mt-2">No published cases name this lawyer yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
            {clients.map((client) => (
              <li key={client.prisoner.slug} className="px-4 py-3">
                <Link href={`/prisoners/${client.prisoner.slug}`} className="font-medium text-accent underline underline-offset-4">
                  {client.prisoner.name}
                </Link>
                <ul className="mt-1 text-sm text-muted">
                  {client.cases.map((entry) => (
                    <li key={`${entry.title}-${entry.caseNumber ?? ""}`}>
                      {entry.title}
                      {entry.caseNumber ? ` (no. ${entry.caseNumber})` : null}
                      {entry.since ? (
                        <>
                          , since <PartialDateTime value={entry.since} />
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="hearings-heading">
        <h2 id="hearings-heading" className="text-xl font-semibold">
          Hearings attended
        </h2>
        {hearings.length === 0 ? (
          <p className="mt-2">No hearings are recorded with this lawyer present yet.</p>
        ) : (
          <HearingList hearings={hearings} showCourt />
        )}
      </section>

      <section aria-labelledby="motions-heading">
        <h2 id="motions-heading" className="text-xl font-semibold">
          Motions filed
        </h2>
        {motions.length === 0 ? (
          <p className="mt-2">No motions are recorded as filed by this lawyer yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
            {motions.map((motion) => (
              <li key={motion.id} className="px-4 py-3">
                <p>
                  <span className="font-medium">{motion.description ?? motionKindLabel[motion.kind]}</span>
                  {" — "}
                  <strong>{rulingLabel[motion.ruling]}</strong>
                  {motion.rulingNote ? <span className="text-muted">. {motion.rulingNote}</span> : null}
                </p>
                <p className="mt-1 text-sm text-muted">
                  <PartialDateTime value={motion.hearingDate} />
                  {" · for "}
                  <Link href={`/prisoners/${motion.prisoner.slug}`} className="underline underline-offset-4">
                    {motion.prisoner.name}
                  </Link>
                  {motion.court ? (
                    <>
                      {" · "}
                      <Link href={`/courts/${motion.court.slug}`} className="underline underline-offset-4">
                        {motion.court.name}
                      </Link>
                    </>
                  ) : null}
                  {motion.filedBy !== "DEFENCE" ? ` · on behalf of the ${motionPartyLabel[motion.filedBy].toLowerCase()}` : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
