import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { localeParams } from "@/lib/i18n/server";
import NotFound from "../not-found";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await localeParams(params);
  const t = await getTranslations({ locale, namespace: "notFound" });
  return { title: t("title"), robots: { index: false, follow: true } };
}

/**
 * The "not found" page rendered as an ordinary page, for the proxy to send with status 404 in
 * place of the body Next.js gives a page that calls notFound(): that body is rendered in the
 * browser only, blank without JavaScript (lib/cache/not-found.ts, docs/decisions/0025).
 */
export default async function PageNotFound({ params }: Props) {
  await localeParams(params);
  return <NotFound />;
}
