import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { PartialDateTime } from "@/components/profile/partial-date-time";
import { CiteThis } from "@/components/profile/cite-this";
import { FollowLinks } from "@/components/profile/follow-links";
import { SourceList } from "@/components/profile/source-list";
import { TimelineItem } from "@/components/profile/timeline-item";
import { publicProfileBySlug, type PrisonerProfile } from "@/lib/data/profile";
import { formatPartialDate } from "@/lib/dates";
import { languageName, nameKindLabel, statusSentence } from "@/lib/profile-wording";
import { publicBaseUrl } from "@/lib/site-url";
import { feedAlternates } from "@/lib/feeds/alternates";

type Props = { params: Promise<{ slug: string }> };

/** One read per request, shared by the metadata and the page; never cached across requests. */
const loadProfile = cache(async (slug: string) => {
  await connection();
  return publicProfileBySlug(slug);
});

const timestamp = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const profile = await loadProfile(slug);
  if (!profile) notFound();
  const requestHeaders = await headers();
  const base = publicBaseUrl(process.env.HABEAS_PUBLIC_URL, {
    host: requestHeaders.get("host"),
    forwardedHost: requestHeaders.get("x-forwarded-host"),
    forwardedProto: requestHeaders.get("x-forwarded-proto"),
  });
  const path = `/prisoners/${profile.slug}`;
  const description = `${statusSentence(profile.status)}. The case of ${profile.fullName}: hearings, rulings and custody, event by event, with sources.`;
  return {
    title: profile.fullName,
    description,
    metadataBase: base,
    alternates: { canonical: path, types: feedAlternates(profile.slug, profile.fullName) },
    openGraph: {
      type: "profile",
      siteName: "Habeas",
      title: profile.fullName,
      description,
      url: new URL(path, base).toString(),
    },
    twitter: { card: "summary_large_image", title: profile.fullName, description },
  };
}

function StatusPanel({ profile }: { profile: PrisonerProfile }) {
  const { status } = profile;
  return (
    <div className="rounded-lg border border-stone-300 bg-white p-4">
      <p className="text-lg font-semibold text-accent" data-testid="profile-status">
        {statusSentence(status)}
      </p>
      {(status.state === "imprisoned" || status.state === "house-arrest") && status.sinceQualifier === "ON_OR_BEFORE" ? (
        <p className="mt-1 text-sm text-muted">
          The arrest date is not recorded; the sources show custody by{" "}
          <PartialDateTime date={status.since} />.
        </p>
      ) : null}
      <p className="mt-1 text-sm text-muted">
        As of {formatPartialDate({ date: profile.asOf, precision: "DAY" })}, derived from the custody events below.
      </p>
    </div>
  );
}

function NameForms({ names }: { names: PrisonerProfile["names"] }) {
  if (names.length === 0) return null;
  return (
    <div>
      <p className="text-sm text-muted">Other name forms, as recorded:</p>
      <ul className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
        {names.map((name) => (
          <li key={name.value}>
            <span lang={name.language ?? undefined} className="font-medium">
              {name.value}
            </span>{" "}
            <span className="text-sm text-muted">
              ({name.language ? languageName(name.language) : nameKindLabel[name.kind]})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function HeldNow({ profile }: { profile: PrisonerProfile }) {
  const { heldAt, status } = profile;
  if (status.state !== "imprisoned" && status.state !== "house-arrest") return null;
  return (
    <section aria-labelledby="held-heading" className="space-y-2">
      <h2 id="held-heading" className="text-xl font-semibold">
        Where held now
      </h2>
      {heldAt ? (
        <>
          <p>
            <span className="font-medium">{heldAt.facility.name}</span>
            {heldAt.facility.city ? `, ${heldAt.facility.city}` : null}
            {heldAt.qualifier === "ON_OR_BEFORE" ? " (held there " : " (since "}
            <PartialDateTime date={heldAt.since} qualifier={heldAt.qualifier} />)
          </p>
          <h3 className="font-medium">How to write</h3>
          {heldAt.facility.postalAddress ? (
            <address className="whitespace-pre-line not-italic">
              {profile.fullName}
              {"\n"}
              {heldAt.facility.postalAddress}
            </address>
          ) : (
            <p className="text-muted">No postal address is recorded for this facility.</p>
          )}
        </>
      ) : (
        <p className="text-muted">The place of detention is not recorded.</p>
      )}
    </section>
  );
}

function Charges({ cases }: { cases: PrisonerProfile["cases"] }) {
  return (
    <section aria-labelledby="charges-heading" className="space-y-3">
      <h2 id="charges-heading" className="text-xl font-semibold">
        Charges
      </h2>
      {cases.length === 0 ? <p className="text-muted">No criminal case is recorded.</p> : null}
      {cases.map((criminalCase) => (
        <div key={criminalCase.id} className="rounded-lg border border-stone-300 bg-white p-4">
          <h3 className="font-semibold break-words">{criminalCase.title}</h3>
          {criminalCase.caseNumber || criminalCase.prosecutingBody ? (
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              {criminalCase.caseNumber ? (
                <>
                  <dt className="text-muted">Case number</dt>
                  <dd>{criminalCase.caseNumber}</dd>
                </>
              ) : null}
              {criminalCase.prosecutingBody ? (
                <>
                  <dt className="text-muted">Prosecuted by</dt>
                  <dd>{criminalCase.prosecutingBody}</dd>
                </>
              ) : null}
            </dl>
          ) : null}
          {criminalCase.charges.length > 0 ? (
            <ul className="mt-3 space-y-3">
              {criminalCase.charges.map((charge) => (
                <li key={charge.id}>
                  <p>
                    {charge.article ? (
                      <>
                        <span className="font-medium">Article {charge.article.number}</span> of the {charge.article.code}
                        {charge.article.title ? `: ${charge.article.title}` : null}
                        {charge.description ? ` (${charge.description})` : null}
                      </>
                    ) : (
                      <span className="font-medium">{charge.description}</span>
                    )}
                  </p>
                  <SourceList sources={charge.sources} className="mt-1" />
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-muted">The charges are not recorded.</p>
          )}
          {criminalCase.summary ? <p className="mt-3">{criminalCase.summary}</p> : null}
          <SourceList sources={criminalCase.sources} className="mt-3 border-t border-stone-200 pt-3" />
        </div>
      ))}
    </section>
  );
}

function Lawyers({ profile }: { profile: PrisonerProfile }) {
  return (
    <section aria-labelledby="lawyers-heading" className="space-y-2">
      <h2 id="lawyers-heading" className="text-xl font-semibold">
        Lawyers
      </h2>
      {profile.lawyers.length === 0 ? (
        <p className="text-muted">No lawyer is recorded.</p>
      ) : (
        <ul className="list-disc pl-5">
          {profile.lawyers.map((lawyer) => (
            <li key={lawyer.id}>
              {lawyer.profileSlug ? (
                <Link href={`/prisoners/${lawyer.profileSlug}`} className="underline underline-offset-2">
                  {lawyer.fullName}
                </Link>
              ) : (
                lawyer.fullName
              )}
              {lawyer.since ? (
                <span className="text-muted">
                  {" "}
                  (since <PartialDateTime date={lawyer.since} />)
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {profile.defends.length > 0 ? (
        <p>
          {profile.fullName} is also a defence lawyer, for{" "}
          {profile.defends.map((client, index) => (
            <span key={client.slug}>
              {index > 0 ? ", " : null}
              <Link href={`/prisoners/${client.slug}`} className="underline underline-offset-2">
                {client.fullName}
              </Link>
            </span>
          ))}
          .
        </p>
      ) : null}
    </section>
  );
}

function Affiliations({ profile }: { profile: PrisonerProfile }) {
  if (profile.affiliations.length === 0 && profile.recognitions.length === 0) return null;
  return (
    <section aria-labelledby="affiliations-heading" className="space-y-3">
      <h2 id="affiliations-heading" className="text-xl font-semibold">
        Affiliations and recognition
      </h2>
      {profile.affiliations.length > 0 ? (
        <ul className="space-y-3">
          {profile.affiliations.map((affiliation) => (
            <li key={affiliation.id}>
              <p>
                {affiliation.role ? `${affiliation.role}, ` : null}
                {affiliation.organizationUrl ? (
                  <a href={affiliation.organizationUrl} className="underline underline-offset-2">
                    {affiliation.organization}
                  </a>
                ) : (
                  affiliation.organization
                )}
                {affiliation.since ? (
                  <>
                    {" "}
                    (since <PartialDateTime date={affiliation.since} />)
                  </>
                ) : null}
              </p>
              <SourceList sources={affiliation.sources} className="mt-1" />
            </li>
          ))}
        </ul>
      ) : null}
      {profile.recognitions.length > 0 ? (
        <ul className="space-y-3">
          {profile.recognitions.map((recognition) => (
            <li key={recognition.id}>
              <p>
                Recognized as a political prisoner by{" "}
                {recognition.url ? (
                  <a href={recognition.url} className="underline underline-offset-2">
                    {recognition.organization}
                  </a>
                ) : (
                  recognition.organization
                )}
                {recognition.since ? (
                  <>
                    {" "}
                    since <PartialDateTime date={recognition.since} />
                  </>
                ) : null}
              </p>
              <SourceList sources={recognition.sources} className="mt-1" />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export default async function PrisonerProfilePage({ params }: Props) {
  const { slug } = await params;
  const profile = await loadProfile(slug);
  if (!profile) notFound();

  return (
    <article aria-labelledby="profile-name" className="print-link-urls space-y-10">
      <header className="flex flex-col gap-6 sm:flex-row sm:items-start">
        {profile.portrait ? (
          <figure className="w-40 shrink-0 sm:w-48">
            <Image
              src={profile.portrait.src}
              alt={profile.portrait.altText ?? `Portrait of ${profile.fullName}`}
              width={profile.portrait.width}
              height={profile.portrait.height}
              unoptimized
              className="h-auto w-full rounded-lg border border-stone-300"
            />
            <figcaption className="mt-2 text-xs text-muted break-words">
              Photo: {profile.portrait.credit}. Licence: {profile.portrait.licence}.
            </figcaption>
          </figure>
        ) : null}
        <div className="min-w-0 flex-1 space-y-4">
          <h1 id="profile-name" className="text-3xl font-bold tracking-tight break-words">
            {profile.fullName}
          </h1>
          <NameForms names={profile.names} />
          <StatusPanel profile={profile} />
          {profile.categories.length > 0 ? (
            <ul aria-label="Categories" className="flex flex-wrap gap-2">
              {profile.categories.map((category) => (
                <li key={category.slug} className="rounded-full border border-stone-300 bg-white px-3 py-0.5 text-sm">
                  {category.name}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </header>

      {profile.biography ? (
        <section aria-labelledby="about-heading" className="space-y-2">
          <h2 id="about-heading" className="text-xl font-semibold">
            About
          </h2>
          <p className="max-w-prose whitespace-pre-line">{profile.biography}</p>
        </section>
      ) : null}

      <HeldNow profile={profile} />
      <Charges cases={profile.cases} />
      <Lawyers profile={profile} />
      <Affiliations profile={profile} />

      <section aria-labelledby="timeline-heading" className="space-y-3">
        <h2 id="timeline-heading" className="text-xl font-semibold">
          Case timeline
        </h2>
        {profile.timeline.length === 0 ? (
          <p className="text-muted">No events are recorded yet.</p>
        ) : (
          <ol className="space-y-4">
            {profile.timeline.map((event) => (
              <TimelineItem key={event.anchor} event={event} today={profile.asOf} cite={<CiteThis profile={profile} event={event} />} />
            ))}
          </ol>
        )}
      </section>

      <footer className="space-y-3 border-t border-stone-300 pt-4">
        <FollowLinks slug={profile.slug} />
        {profile.sources.length > 0 ? (
          <>
            <h2 className="text-base font-semibold">Sources for this profile</h2>
            <SourceList sources={profile.sources} />
          </>
        ) : null}
        <p className="text-sm text-muted">
          Last updated{" "}
          <time dateTime={profile.lastUpdated.toISOString()}>{timestamp.format(profile.lastUpdated)} UTC</time>
        </p>
        <CiteThis profile={profile} />
      </footer>
    </article>
  );
}
