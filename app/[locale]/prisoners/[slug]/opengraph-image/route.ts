import { hasLocale } from "next-intl";
import { routing } from "@/i18n/routing";
import { publicProfileSummaryBySlug } from "@/lib/data/profile";
import { wording } from "@/lib/i18n/wording";
import { profileCardImage } from "@/lib/profile-card";

/**
 * A profile's link-preview image (name and status) in the page's language. A route handler
 * rather than Next's opengraph-image file, so that the profile's metadata can give its address
 * as readers see it (/prisoners/…/opengraph-image in English, /az/prisoners/… in Azerbaijani).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  if (!hasLocale(routing.locales, locale)) return new Response("Not found", { status: 404 });
  const profile = await publicProfileSummaryBySlug(slug);
  if (!profile) return new Response("Not found", { status: 404 });
  return profileCardImage({ fullName: profile.fullName, status: wording(locale).statusSentence(profile.status) });
}
