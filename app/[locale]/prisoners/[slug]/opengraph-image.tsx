import { notFound } from "next/navigation";
import { connection } from "next/server";
import { publicProfileSummaryBySlug } from "@/lib/data/profile";
import { PROFILE_CARD_SIZE, profileCardImage } from "@/lib/profile-card";
import type { Locale } from "@/i18n/routing";
import { wording } from "@/lib/i18n/wording";
import { localeParams } from "@/lib/i18n/server";

export const alt = "The person's name and custody status, on Habeas";
export const size = PROFILE_CARD_SIZE;
export const contentType = "image/png";

export default async function OpenGraphImage({ params }: { params: Promise<{ locale: Locale; slug: string }> }) {
  await connection();
  const { locale, slug } = await localeParams(params);
  const profile = await publicProfileSummaryBySlug(slug);
  if (!profile) notFound();
  return profileCardImage({ fullName: profile.fullName, status: wording(locale).statusSentence(profile.status) });
}
