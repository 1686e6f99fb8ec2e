import { useLocale } from "next-intl";
import type { Locale } from "@/i18n/routing";
import type { DateForm, PartialDate, Qualifier } from "@/lib/dates";
import { wording } from "@/lib/i18n/wording";
import { dateTimeAttribute } from "@/lib/profile-wording";

/** A date as precise as the record knows it, in the page's language, machine-readable to the same precision. */
export function PartialDateTime({
  date,
  qualifier = "EXACT",
  form = "standalone",
}: {
  date: PartialDate;
  qualifier?: Qualifier;
  form?: DateForm;
}) {
  return <time dateTime={dateTimeAttribute(date)}>{wording(useLocale() as Locale).date(date, qualifier, form)}</time>;
}
