import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { ProfileView } from "@/components/profile/profile-view";
import type { Locale } from "@/i18n/routing";
import { publicProfileBySlug } from "@/lib/data/profile";
import { languageAlternates, localizedPath } from "@/lib/i18n/alternates";
import { wording } from "@/lib/i18n/wording";
import { PROFILE_CARD_SIZE } from "@/lib/profile-card";
import { publicBaseUrl } from "@/lib/site-url";
import { localeParams } from "@/lib/i18n/server";
import { feedAlternates } from "@/lib/feeds/alternates";

type Props = { params: Promise<{ locale: Locale; slug: string }> };

/** One read per request, shared by the metadata and the page; never cached across requests. */
const loadProfile = cache(async (slug: string) => {
  await connection();
  return publicProfileBySlug(slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await localeParams(params);
  const profile = await loadProfile(slug);
  if (!profile) notFound();
  const words = wording(locale);
  const requestHeaders = await headers();
  const base = publicBaseUrl(process.env.HABEAS_PUBLIC_URL, {
    host: requestHeaders.get("host"),
    forwardedHost: requestHeaders.get("x-forwarded-host"),
    forwardedProto: requestHeaders.get("x-forwarded-proto"),
  });
  const path = `/prisoners/${profile.slug}`;
  const card = new URL(localizedPath(locale, `${path}/opengraph-image`), base).toString();
  const description = words.t("profile.metaDescription", {
    status: words.statusSentence(profile.status),
    name: profile.fullName,
  });
  return {
    title: profile.fullName,
    description,
    metadataBase: base,
    alternates: languageAlternates(locale, path, feedAlternates(profile.slug, profile.fullName)),
    openGraph: {
      type: "profile",
      siteName: "Habeas",
      title: profile.fullName,
      description,
      url: new URL(localizedPath(locale, path), base).toString(),
      locale,
      images: [
        {
          url: card,
          ...PROFILE_CARD_SIZE,
          alt: words.t("profile.cardAlt", { name: profile.fullName }),
        },
      ],
    },
    twitter: { card: "summary_large_image", title: profile.fullName, description, images: [card] },
  };
}

export default async function PrisonerProfilePage({ params }: Props) {
  const { locale, slug } = await localeParams(params);
  const profile = await loadProfile(slug);
  if (!profile) notFound();
  return <ProfileView profile={profile} locale={locale} />;
}
