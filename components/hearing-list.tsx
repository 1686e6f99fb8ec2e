import { useTranslations } from "next-intl";
import { Link } from "@/i18n/navigation";
import type { PublicHearing } from "@/lib/data/public-hearings";
import { PartialDateTime } from "./partial-date";

/**
 * Hearings, newest first as given: when, whose case, what kind, whether it was held, what came
 * of it and every motion with its ruling. A list rather than a table, so that a hearing with
 * several motions stays readable on a phone.
 */
export function HearingList({ hearings, showCourt = false }: { hearings: PublicHearing[]; showCourt?: boolean }) {
  const t = useTranslations("hearings");
  const label = useTranslations("enums");
  return (
    <ol className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
      {hearings.map((hearing) => (
        <li key={hearing.id} className="px-4 py-4">
          <h3 className="font-semibold">
            <PartialDateTime value={hearing.date} />
            {hearing.timeOfDay ? <>, {hearing.timeOfDay}</> : null}
            {" · "}
            <Link href={`/prisoners/${hearing.prisoner.slug}`} className="text-accent underline underline-offset-4">
              {hearing.prisoner.name}
            </Link>
          </h3>
          <p className="mt-1 text-sm text-muted">
            {label(`hearingKind.${hearing.kind}`)} · {label(`hearingStatus.${hearing.status}`)}
            {showCourt && hearing.court ? (
              <>
                {" · "}
                <Link href={`/courts/${hearing.court.slug}`} className="underline underline-offset-4">
                  {hearing.court.name}
                </Link>
              </>
            ) : null}
            {hearing.judge ? <> · {t("judge", { name: hearing.judge })}</> : null}
          </p>
          <p className="mt-1 text-sm text-muted">{hearing.caseTitle}</p>
          {hearing.outcome ? (
            <p className="mt-2 max-w-prose">
              <span className="font-medium">{t("outcome")}</span> {hearing.outcome}
            </p>
          ) : null}
          {hearing.motions.length > 0 ? (
            <ul aria-label={t("motions")} className="mt-2 space-y-1 border-l-2 border-stone-300 pl-3 text-sm">
              {hearing.motions.map((motion) => (
                <li key={motion.id}>
                  <span className="font-medium">{label(`motionParty.${motion.filedBy}`)}:</span>{" "}
                  {motion.description ?? label(`motionKind.${motion.kind}`)}
                  {motion.lawyer ? (
                    <>
                      {" "}
                      {t.rich("filedBy", {
                        lawyer: () =>
                          motion.lawyer ? (
                            <Link href={`/lawyers/${motion.lawyer.slug}`} className="underline underline-offset-4">
                              {motion.lawyer.name}
                            </Link>
                          ) : null,
                      })}
                    </>
                  ) : null}
                  {" — "}
                  <strong>{label(`ruling.${motion.ruling}`)}</strong>
                  {motion.rulingNote ? <span className="text-muted">. {motion.rulingNote}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
