import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { feedPaths } from "@/lib/feeds/paths";
import { requestBaseUrl } from "@/lib/request-base";

/**
 * Ways to follow a person's case without visiting: feeds of its events, a calendar of its
 * scheduled hearings (webcal:// opens the subscribe dialogue of a calendar app), the change log.
 */
export async function FollowLinks({ slug }: { slug: string }) {
  const calendar = new URL(feedPaths.prisonerCalendar(slug), await requestBaseUrl());
  const webcal = `webcal://${calendar.host}${calendar.pathname}`;
  const link = "underline underline-offset-2";
  const t = await getTranslations("follow");
  return (
    <nav aria-label={t("heading")} className="text-sm print:hidden">
      <p className="font-semibold">{t("heading")}</p>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        <li>
          <a href={feedPaths.prisoner(slug, "atom")} type="application/atom+xml" className={link}>
            {t("atom")}
          </a>
        </li>
        <li>
          <a href={feedPaths.prisoner(slug, "json")} type="application/feed+json" className={link}>
            {t("json")}
          </a>
        </li>
        <li>
          <a href={webcal} className={link}>
            {t("calendar")}
          </a>{" "}
          <a href={feedPaths.prisonerCalendar(slug)} type="text/calendar" className={`${link} text-muted`}>
            {t("icsFile")}
          </a>
        </li>
        <li>
          <Link href={`/prisoners/${slug}/changes`} className={link}>
            {t("changes")}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
