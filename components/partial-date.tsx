import { formatPartialDate, type PartialDate, type Qualifier } from "@/lib/dates";

/** "2014-10-24", "2014-10" or "2014": a valid datetime value that claims no more than is known. */
function machineReadable(value: PartialDate): string {
  if (value.precision === "YEAR") return value.date.slice(0, 4);
  if (value.precision === "MONTH") return value.date.slice(0, 7);
  return value.date;
}

/** A date as precise as the record knows it, readable by people and machines. */
export function PartialDateTime({ value, qualifier = "EXACT" }: { value: PartialDate; qualifier?: Qualifier }) {
  return <time dateTime={machineReadable(value)}>{formatPartialDate(value, qualifier)}</time>;
}
