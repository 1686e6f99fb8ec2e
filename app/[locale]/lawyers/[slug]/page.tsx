import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { languageAlternates } from "@/lib/i18n/alternates";
import { HearingList } from "@/components/hearing-list";
import { PartialDateTime } from "@/components/partial-date";
import { getLawyer } from "@/lib/data/lawyers";
import { localeParams } from "@/lib/i18n/server";

type Props = { params: Promise<{ locale: Locale; slug: string }> };

// One query per request, shared by the metadata and the page.
const loadLawyer = cache(async (slug: string) => {
  await connection();
  return getLawyer(slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await localeParams(params);
  const lawyer = await loadLawyer(slug);
  if (!lawyer) notFound();
  const t = await getTranslations({ locale, namespace: "lawyers" });
  return {
    title: t("lawyerTitle", { name: lawyer.fullName }),
    description: t("lawyerMetaDescription", { name: lawyer.fullName, prosecuted: lawyer.prosecutedAs ? "yes" : "no" }),
    alternates: languageAlternates(locale, `/lawyers/${slug}`),
  };
}

export default async function LawyerPage({ params }: Props) {
  const { slug } = await localeParams(params);
  const lawyer = await loadLawyer(slug);
  if (!lawyer) notFound();
  const t = await getTranslations("lawyers");
  const label = await getTranslations("enums");
  const { clients, hearings, motions, prosecutedAs } = lawyer;

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">{lawyer.fullName}</h1>
        <p className="mt-2 text-muted">{t("lawyer")}</p>
        {lawyer.aliases.length > 0 ? (
          <p className="mt-1 text-sm text-muted">{t("alsoWritten", { names: lawyer.aliases.join(", ") })}</p>
        ) : null}
      </header>

      {prosecutedAs ? (
        <section aria-labelledby="prosecuted-heading" className="rounded-lg border border-accent bg-white p-4">
          <h2 id="prosecuted-heading" className="font-semibold text-accent">
            {t("prosecutedHeading")}
          </h2>
          <p className="mt-1">
            {t.rich("prosecutedBody", {
              name: prosecutedAs.name,
              link: (text) => (
                <Link href={`/prisoners/${prosecutedAs.slug}`} className="text-accent underline underline-offset-4">
                  {text}
                </Link>
              ),
            })}
          </p>
        </section>
      ) : null}

      <section aria-labelledby="clients-heading">
        <h2 id="clients-heading" className="text-xl font-semibold">
          {t("defendsHeading")}
        </h2>
        {clients.length === 0 ? (
          <p className="mt-2">{t("noClients")}</p>
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
                      {entry.caseNumber ? ` ${t("caseNumber", { number: entry.caseNumber })}` : null}
                      {entry.since
                        ? t.rich("since", {
                            date: () => (entry.since ? <PartialDateTime value={entry.since} form="genitive" /> : null),
                          })
                        : null}
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
          {t("hearingsHeading")}
        </h2>
        {hearings.length === 0 ? (
          <p className="mt-2">{t("noHearings")}</p>
        ) : (
          <HearingList hearings={hearings} showCourt />
        )}
      </section>

      <section aria-labelledby="motions-heading">
        <h2 id="motions-heading" className="text-xl font-semibold">
          {t("motionsHeading")}
        </h2>
        {motions.length === 0 ? (
          <p className="mt-2">{t("noMotions")}</p>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
            {motions.map((motion) => (
              <li key={motion.id} className="px-4 py-3">
                <p>
                  <span className="font-medium">{motion.description ?? label(`motionKind.${motion.kind}`)}</span>
                  {" — "}
                  <strong>{label(`ruling.${motion.ruling}`)}</strong>
                  {motion.rulingNote ? <span className="text-muted">. {motion.rulingNote}</span> : null}
                </p>
                <p className="mt-1 text-sm text-muted">
                  <PartialDateTime value={motion.hearingDate} />
                  {` · ${t("forPerson")} `}
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
                  {motion.filedBy !== "DEFENCE"
                    ? ` · ${t("onBehalfOf", { party: label(`motionFiledBy.${motion.filedBy}`) })}`
                    : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
