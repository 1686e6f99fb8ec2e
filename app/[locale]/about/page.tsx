import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { Locale } from "@/i18n/routing";
import { localeParams, sectionMetadata } from "@/lib/i18n/server";

// Rendered on request (the page cache keeps it) so the header's live count is current, not
// the build's: the shared layout reads it on every render.

type Props = { params: Promise<{ locale: Locale }> };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return sectionMetadata(params, "about", "/about");
}

export default async function AboutPage({ params }: Props) {
  await localeParams(params);
  const t = await getTranslations("about");
  return (
    <article className="max-w-prose space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">{t("heading")}</h1>
      <p>{t("intro")}</p>

      <section aria-labelledby="count-heading" className="space-y-3">
        <h2 id="count-heading" className="text-xl font-semibold">
          {t("countHeading")}
        </h2>
        <p>{t("countIntro")}</p>
        <ul className="list-disc space-y-2 pl-6">
          <li>{t("rule1")}</li>
          <li>{t("rule2")}</li>
          <li>{t.rich("rule3", { em: (text) => <em>{text}</em> })}</li>
          <li>{t("rule4")}</li>
        </ul>
        <p>
          {t.rich("countHome", {
            link: (text) => (
              <Link href="/" className="underline underline-offset-4">
                {text}
              </Link>
            ),
          })}
        </p>
      </section>

      <section aria-labelledby="privacy-heading" className="space-y-3">
        <h2 id="privacy-heading" className="text-xl font-semibold">
          {t("privacyHeading")}
        </h2>
        <p>{t("privacy")}</p>
      </section>

      <p>
        {t.rich("openData", {
          data: (text) => (
            <Link href="/data" className="underline underline-offset-4">
              {text}
            </Link>
          ),
          api: (text) => (
            <Link href="/developers" className="underline underline-offset-4">
              {text}
            </Link>
          ),
        })}
      </p>
    </article>
  );
}
