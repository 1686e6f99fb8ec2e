import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { localeParams } from "@/lib/i18n/server";
import ProfileNotFound from "../../prisoners/[slug]/not-found";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await localeParams(params);
  const t = await getTranslations({ locale, namespace: "profile" });
  return { title: t("notFoundTitle"), robots: { index: false, follow: true } };
}

/** A profile's "not found" page as an ordinary page, for addresses under /prisoners/<slug> (see ../page.tsx). */
export default async function ProfilePageNotFound({ params }: Props) {
  await localeParams(params);
  return <ProfileNotFound />;
}
