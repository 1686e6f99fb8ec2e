import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { setRequestLocale } from "next-intl/server";
import { ProfileView } from "@/components/profile/profile-view";
import { routing } from "@/i18n/routing";
import { previewProfileById, publicProfileSummaryBySlug } from "@/lib/data/profile";
import { requireRecordReader } from "../../access";

type Props = { params: Promise<{ resource: string; id: string }> };

export const metadata: Metadata = { title: "Preview", robots: { index: false, follow: false } };

/**
 * A person's profile as the public will see it once published: the public page's own
 * component (ProfileView) over previewProfileById, which applies the public profile's rules
 * (only published cases, hearings and sources; no private field) to a person who may still be
 * a draft. The workspace is English, so the preview is the English public page.
 */
export default async function ProfilePreviewPage({ params }: Props) {
  const { resource, id } = await params;
  const { key } = await requireRecordReader(resource, `/admin/${resource}/${id}/preview`);
  if (key !== "prisoners") notFound();
  const profile = await previewProfileById(id);
  if (!profile) notFound();
  // Explicit, so that the preview never follows a language cookie or header of the public site.
  const locale = routing.defaultLocale;
  setRequestLocale(locale);
  const isPublic = (await publicProfileSummaryBySlug(profile.slug)) !== null;
  // The public image route serves published people only: a draft's portrait comes from the workspace.
  const shown =
    profile.portrait && !isPublic ? { ...profile, portrait: { ...profile.portrait, src: `/admin/prisoners/${id}/portrait/image` } } : profile;
  const publicPath = `/prisoners/${profile.slug}`;
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/admin/prisoners/${id}`} className="underline">
          Back to editing {profile.fullName}
        </Link>
      </nav>
      <section
        aria-label="Preview"
        data-testid="preview-banner"
        className="space-y-1 rounded border-2 border-dashed border-amber-700 bg-amber-50 p-3"
      >
        {isPublic ? (
          <p className="font-semibold">
            Preview: this is how the profile looks on the public site, where it is published at{" "}
            <a href={publicPath} className="underline">
              {publicPath}
            </a>
            . Parts still in draft are left out, as they are there.
          </p>
        ) : (
          <p className="font-semibold">
            Preview: this is how the profile will look when published; it is not public yet. Parts still in draft
            are left out, as they will be on the public site.
          </p>
        )}
        <p className="text-sm">
          Links in the preview go to the public site, where records that are not published are not found.{" "}
          <Link href={`/admin/prisoners/${id}`} className="underline">
            Back to editing
          </Link>
        </p>
      </section>
      <div className="rounded-lg border border-dashed border-stone-400 p-4 sm:p-6" data-testid="profile-preview">
        {/* The public profile's links are next-intl links, which read the language on the client too. */}
        <NextIntlClientProvider locale={locale} messages={{}} timeZone="UTC">
          <ProfileView profile={shown} locale={locale} />
        </NextIntlClientProvider>
      </div>
    </div>
  );
}
