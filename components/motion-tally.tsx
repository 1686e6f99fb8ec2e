import { RULINGS, type MotionTally as Tally } from "@/lib/data/public-hearings";
import { useTranslations } from "next-intl";

/**
 * Motions by who filed them and how they were ruled on: first the figure readers look for
 * (how many of each side's motions were granted) in sentences that fit a phone, then the full
 * table. Granted and dismissed columns are always shown; other rulings only when some motion
 * received them. On a phone the table runs edge to edge in smaller type and leaves out the
 * totals, which the sentences above give, so that the usual columns fit without scrolling; it
 * scrolls when they do not.
 */
export function MotionTally({ id, tally, caption }: { id: string; tally: Tally; caption: string }) {
  const t = useTranslations("tally");
  const label = useTranslations("enums");
  const captionId = `${id}-caption`;
  const columns = RULINGS.filter(
    (ruling) => ruling === "GRANTED" || ruling === "DISMISSED" || tally.totals.byRuling[ruling] > 0,
  );
  const cell = "px-2 py-2 text-right tabular-nums sm:px-3";
  return (
    <>
      <ul className="mt-3 space-y-1">
        {tally.rows.map((row) => (
          <li key={row.filedBy}>
            <span className="font-semibold">{label(`motionParty.${row.filedBy}`)}:</span>{" "}
            <span className="tabular-nums">
              {t("granted", { granted: row.byRuling.GRANTED, total: row.total })}
              {row.byRuling.PARTLY_GRANTED > 0 ? t("partly", { count: row.byRuling.PARTLY_GRANTED }) : null}
            </span>
          </li>
        ))}
      </ul>
      {/* Focusable so that a keyboard user can scroll it when it is wider than the screen. */}
      <div
        role="region"
        aria-labelledby={captionId}
        tabIndex={0}
        className="-mx-4 mt-3 overflow-x-auto border-y border-stone-300 bg-white sm:mx-0 sm:rounded-lg sm:border-x"
      >
        <table className="w-full text-xs sm:text-sm">
          <caption id={captionId} className="px-2 pt-3 pb-1 text-left font-semibold sm:px-3">
            {caption}
          </caption>
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="px-2 py-2 text-left align-bottom sm:px-3">
                {t("filedBy")}
              </th>
              {columns.map((ruling) => (
                <th key={ruling} scope="col" className="px-2 py-2 text-right align-bottom sm:px-3">
                  {label(`ruling.${ruling}`)}
                </th>
              ))}
              <th scope="col" className="hidden px-2 py-2 text-right align-bottom sm:table-cell sm:px-3">
                {t("total")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {tally.rows.map((row) => (
              <tr key={row.filedBy}>
                <th scope="row" className="px-2 py-2 text-left font-medium sm:px-3">
                  {label(`motionParty.${row.filedBy}`)}
                </th>
                {columns.map((ruling) => (
                  <td key={ruling} className={cell}>
                    {row.byRuling[ruling]}
                  </td>
                ))}
                <td className={`${cell} hidden font-semibold sm:table-cell`}>{row.total}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t border-stone-300">
              <th scope="row" className="px-2 py-2 text-left sm:px-3">
                {t("all")}
              </th>
              {columns.map((ruling) => (
                <td key={ruling} className={`${cell} font-semibold`}>
                  {tally.totals.byRuling[ruling]}
                </td>
              ))}
              <td className={`${cell} hidden font-semibold sm:table-cell`}>{tally.totals.total}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
