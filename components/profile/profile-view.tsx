import Image from "next/image";
import { getTranslations } from "next-intl/server";
import { CiteThis, eventCitationPath } from "@/components/profile/cite-this";
import { FollowLinks } from "@/components/profile/follow-links";
import { PartialDateTime } from "@/components/profile/partial-date-time";
import { SourceList } from "@/components/profile/source-list";
import { TimelineItem } from "@/components/profile/timeline-item";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import type { PrisonerProfile } from "@/lib/data/profile";
import { wording, type Wording } from "@/lib/i18n/wording";

function StatusPanel({ profile, words }: { profile: PrisonerProfile; words: Wording }) {
  const { status } = profile;
  const { t } = words;
  return (
    <div className="rounded-lg border border-stone-300 bg-white p-4">
      <p className="text-lg font-semibold text-accent" data-testid="profile-status">
        {words.statusSentence(status)}
      </p>
      {(status.state === "imprisoned" || status.state === "house-arrest") && status.sinceQualifier === "ON_OR_BEFORE" ? (
        <p className="mt-1 text-sm text-muted">
          {t.rich("profile.arrestDateUnknown", {
            date: () => <PartialDateTime date={status.since} form="genitive" />,
          })}
        </p>
      ) : null}
      <p className="mt-1 text-sm text-muted">
        {t("profile.asOf", { date: words.day(profile.asOf) })}
      </p>
    </div>
  );
}

function NameForms({ names, words }: { names: PrisonerProfile["names"]; words: Wording }) {
  if (names.length === 0) return null;
  return (
    <div>
      <p className="text-sm text-muted">{words.t("profile.otherNames")}</p>
      <ul className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
        {names.map((name) => (
          <li key={name.value}>
            <span lang={name.language ?? undefined} className="font-medium">
              {name.value}
            </span>{" "}
            <span className="text-sm text-muted">
              ({name.language ? words.languageName(name.language) : words.t(`enums.nameKind.${name.kind}`)})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function HeldNow({ profile, words }: { profile: PrisonerProfile; words: Wording }) {
  const { heldAt, status } = profile;
  const { t } = words;
  if (status.state !== "imprisoned" && status.state !== "house-arrest") return null;
  return (
    <section aria-labelledby="held-heading" className="space-y-2">
      <h2 id="held-heading" className="text-xl font-semibold">
        {t("profile.heldNow")}
      </h2>
      {heldAt ? (
        <>
          <p>
            <span className="font-medium">{heldAt.facility.name}</span>
            {heldAt.facility.city ? `, ${heldAt.facility.city}` : null}
            {" "}
            {t.rich(heldAt.qualifier === "ON_OR_BEFORE" ? "profile.heldThereBy" : "profile.heldSince", {
              date: () => <PartialDateTime date={heldAt.since} qualifier={heldAt.qualifier} form="genitive" />,
            })}
          </p>
          <h3 className="font-medium">{t("profile.howToWrite")}</h3>
          {heldAt.facility.postalAddress ? (
            <address className="whitespace-pre-line not-italic">
              {profile.fullName}
              {"\n"}
              {heldAt.facility.postalAddress}
            </address>
          ) : (
            <p className="text-muted">{t("profile.noPostalAddress")}</p>
          )}
        </>
      ) : (
        <p className="text-muted">{t("profile.placeNotRecorded")}</p>
      )}
    </section>
  );
}

function Charges({ cases, words }: { cases: PrisonerProfile["cases"]; words: Wording }) {
  const { t } = words;
  return (
    <section aria-labelledby="charges-heading" className="space-y-3">
      <h2 id="charges-heading" className="text-xl font-semibold">
        {t("profile.charges")}
      </h2>
      {cases.length === 0 ? <p className="text-muted">{t("profile.noCase")}</p> : null}
      {cases.map((criminalCase) => (
        <div key={criminalCase.id} className="rounded-lg border border-stone-300 bg-white p-4">
          <h3 className="font-semibold break-words">{criminalCase.title}</h3>
          {criminalCase.caseNumber || criminalCase.prosecutingBody ? (
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              {criminalCase.caseNumber ? (
                <>
                  <dt className="text-muted">{t("profile.caseNumber")}</dt>
                  <dd>{criminalCase.caseNumber}</dd>
                </>
              ) : null}
              {criminalCase.prosecutingBody ? (
                <>
                  <dt className="text-muted">{t("profile.prosecutedBy")}</dt>
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
                        <span className="font-medium">{t("profile.article", { number: charge.article.number })}</span>{" "}
                        {t("profile.ofCode", { code: charge.article.code })}
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
            <p className="mt-2 text-muted">{t("profile.chargesNotRecorded")}</p>
          )}
          {criminalCase.summary ? <p className="mt-3">{criminalCase.summary}</p> : null}
          <SourceList sources={criminalCase.sources} className="mt-3 border-t border-stone-200 pt-3" />
        </div>
      ))}
    </section>
  );
}

function Lawyers({ profile, words }: { profile: PrisonerProfile; words: Wording }) {
  const { t } = words;
  return (
    <section aria-labelledby="lawyers-heading" className="space-y-2">
      <h2 id="lawyers-heading" className="text-xl font-semibold">
        {t("profile.lawyers")}
      </h2>
      {profile.lawyers.length === 0 ? (
        <p className="text-muted">{t("profile.noLawyer")}</p>
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
                  {t.rich("profile.since", { date: () => <PartialDateTime date={lawyer.since!} form="genitive" /> })}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {profile.defends.length > 0 ? (
        <p>
          {t.rich("profile.alsoLawyer", {
            name: profile.fullName,
            clients: () =>
              profile.defends.map((client, index) => (
                <span key={client.slug}>
                  {index > 0 ? ", " : null}
                  <Link href={`/prisoners/${client.slug}`} className="underline underline-offset-2">
                    {client.fullName}
                  </Link>
                </span>
              )),
          })}
        </p>
      ) : null}
    </section>
  );
}

function Affiliations({ profile, words }: { profile: PrisonerProfile; words: Wording }) {
  const { t } = words;
  if (profile.affiliations.length === 0 && profile.recognitions.length === 0) return null;
  return (
    <section aria-labelledby="affiliations-heading" className="space-y-3">
      <h2 id="affiliations-heading" className="text-xl font-semibold">
        {t("profile.affiliations")}
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
                    {t.rich("profile.since", {
                      date: () => <PartialDateTime date={affiliation.since!} form="genitive" />,
                    })}
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
                {t.rich("profile.recognizedBy", {
                  organization: () =>
                    recognition.url ? (
                      <a href={recognition.url} className="underline underline-offset-2">
                        {recognition.organization}
                      </a>
                    ) : (
                      recognition.organization
                    ),
                })}
                {recognition.since ? (
                  <>
                    {" "}
                    {t.rich("profile.recognizedSince", {
                      date: () => <PartialDateTime date={recognition.since!} form="genitive" />,
                    })}
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

/**
 * The body of a person's public profile: what /prisoners/[slug] shows and, for a record not
 * yet published, what the workspace's preview shows, from one component so the two cannot
 * drift apart. It renders only what it is given: the caller decides which profile that is
 * (publicProfileBySlug for the public, previewProfileById for the preview).
 */
export async function ProfileView({ profile, locale }: { profile: PrisonerProfile; locale: Locale }) {
  const words = wording(locale);
  const t = await getTranslations({ locale, namespace: "profile" });

  return (
    <article aria-labelledby="profile-name" className="print-link-urls space-y-10">
      <header className="flex flex-col gap-6 sm:flex-row sm:items-start">
        {profile.portrait ? (
          <figure className="w-40 shrink-0 sm:w-48">
            <Image
              src={profile.portrait.src}
              alt={profile.portrait.altText ?? t("portraitAlt", { name: profile.fullName })}
              width={profile.portrait.width}
              height={profile.portrait.height}
              unoptimized
              className="h-auto w-full rounded-lg border border-stone-300"
            />
            <figcaption className="mt-2 text-xs text-muted break-words">
              {t("portraitCredit", { credit: profile.portrait.credit, licence: profile.portrait.licence })}
            </figcaption>
          </figure>
        ) : null}
        <div className="min-w-0 flex-1 space-y-4">
          <h1 id="profile-name" className="text-3xl font-bold tracking-tight break-words">
            {profile.fullName}
          </h1>
          <NameForms names={profile.names} words={words} />
          <StatusPanel profile={profile} words={words} />
          {profile.categories.length > 0 ? (
            <ul aria-label={t("categories")} className="flex flex-wrap gap-2">
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
            {t("about")}
          </h2>
          <p className="max-w-prose whitespace-pre-line">{profile.biography}</p>
        </section>
      ) : null}

      <HeldNow profile={profile} words={words} />
      <Charges cases={profile.cases} words={words} />
      <Lawyers profile={profile} words={words} />
      <Affiliations profile={profile} words={words} />

      <section aria-labelledby="timeline-heading" className="space-y-3">
        <h2 id="timeline-heading" className="text-xl font-semibold">
          {t("timeline")}
        </h2>
        {profile.timeline.length === 0 ? (
          <p className="text-muted">{t("noEvents")}</p>
        ) : (
          <ol className="space-y-4">
            {profile.timeline.map((event) => (
              <TimelineItem key={event.anchor} event={event} today={profile.asOf} citeHref={eventCitationPath(locale, profile.slug, event.anchor)} />
            ))}
          </ol>
        )}
      </section>

      <footer className="space-y-3 border-t border-stone-300 pt-4">
        <FollowLinks slug={profile.slug} />
        {profile.sources.length > 0 ? (
          <>
            <h2 className="text-base font-semibold">{t("sources")}</h2>
            <SourceList sources={profile.sources} />
          </>
        ) : null}
        <p className="text-sm text-muted">
          {t.rich("lastUpdated", {
            when: words.timestamp(profile.lastUpdated),
            time: (text) => <time dateTime={profile.lastUpdated.toISOString()}>{text}</time>,
          })}
        </p>
        <CiteThis profile={profile} />
      </footer>
    </article>
  );
}
