import { formatPartialDate, type PartialDate, type Qualifier } from "@/lib/dates";
import { dateTimeAttribute } from "@/lib/profile-wording";

/** A date as precise as the record knows it, machine-readable to the same precision. */
export function PartialDateTime({ date, qualifier = "EXACT" }: { date: PartialDate; qualifier?: Qualifier }) {
  return <time dateTime={dateTimeAttribute(date)}>{formatPartialDate(date, qualifier)}</time>;
}
