import { useLocale } from "next-intl";
import type { Locale } from "@/i18n/routing";
import { dateTimeAttribute, type DateForm, type PartialDate, type Qualifier } from "@/lib/dates";
import { wording } from "@/lib/i18n/wording";

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
