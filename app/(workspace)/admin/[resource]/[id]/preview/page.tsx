import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SourceList } from "@/components/profile/source-list";
import { TimelineItem } from "@/components/profile/timeline-item";
import { previewProfileById } from "@/lib/data/profile";
import { formatPartialDate } from "@/lib/dates";
import { wording } from "@/lib/i18n/wording";
import { requireRecordReader } from "../../access";

type Props = { params: Promise<{ resource: string; id: string }> };

export const metadata: Metadata = { title: "Preview", robots: { index: false } };

/**
 * A person's profile as the public will see it once published, built by the public profile's
 * own rules (only published cases, hearings and sources; no private field) and its components.
 */
export default async function ProfilePreviewPage({ params }: Props) {
  const { resource, id } = await params;
  const { key } = await requireRecordReader(resource, `/admin/${resource}/${id}/preview`);
  if (key !== "prisoners") notFound();
  const profile = await previewProfileById(id);
  if (!profile) notFound();
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/admin/prisoners/${id}`} className="underline">
          Back to editing {profile.fullName}
        </Link>
      </nav>
      <p role="note" className="rounded border-2 border-dashed border-amber-700 bg-amber-50 p-3 font-semibold">
        Preview: this is how the public profile reads once this person is published. Parts still in draft are left out,
        as they will be on the public site.
      </p>
      <article className="space-y-6" aria-labelledby="preview-name">
        <header className="space-y-2">
          <h1 id="preview-name" className="text-3xl font-bold tracking-tight break-words">
            {profile.fullName}
          </h1>
          {profile.categories.length > 0 ? <p className="text-muted">{profile.categories.map((category) => category.name).join(" · ")}</p> : null}
          <div className="rounded-lg border border-stone-300 bg-white p-4">
            <p className="text-lg font-semibold text-accent">{wording("en").statusSentence(profile.status)}</p>
            <p className="mt-1 text-sm text-muted">As of {formatPartialDate({ date: profile.asOf, precision: "DAY" })}.</p>
          </div>
        </header>
        {profile.biography ? <p className="max-w-prose whitespace-pre-line">{profile.biography}</p> : null}
        <section aria-labelledby="preview-charges" className="space-y-3">
          <h2 id="preview-charges" className="text-xl font-semibold">
            Charges
          </h2>
          {profile.cases.length === 0 ? <p className="text-muted">No criminal case is recorded.</p> : null}
          {profile.cases.map((criminalCase) => (
            <div key={criminalCase.id} className="rounded-lg border border-stone-300 bg-white p-4">
              <h3 className="font-semibold break-words">{criminalCase.title}</h3>
              <ul className="mt-2 list-disc pl-5">
                {criminalCase.charges.map((charge) => (
                  <li key={charge.id}>
                    {charge.article ? `Article ${charge.article.number}${charge.article.title ? `: ${charge.article.title}` : ""}` : charge.description}
                    <SourceList sources={charge.sources} className="mt-1" />
                  </li>
                ))}
              </ul>
              <SourceList sources={criminalCase.sources} className="mt-3 border-t border-stone-200 pt-3" />
            </div>
          ))}
        </section>
        <section aria-labelledby="preview-timeline" className="space-y-3">
          <h2 id="preview-timeline" className="text-xl font-semibold">
            Case timeline
          </h2>
          {profile.timeline.length === 0 ? (
            <p className="text-muted">No event is recorded yet.</p>
          ) : (
            <ol className="space-y-4">
              {profile.timeline.map((event) => (
                <TimelineItem key={event.anchor} event={event} today={profile.asOf} />
              ))}
            </ol>
          )}
        </section>
        {profile.sources.length > 0 ? (
          <section aria-labelledby="preview-sources" className="space-y-2">
            <h2 id="preview-sources" className="text-xl font-semibold">
              Sources about {profile.fullName}
            </h2>
            <SourceList sources={profile.sources} />
          </section>
        ) : null}
      </article>
    </div>
  );
}
