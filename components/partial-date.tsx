import type { DateForm, PartialDate, Qualifier } from "@/lib/dates";
import { PartialDateTime as ProfileDateTime } from "./profile/partial-date-time";

/** A date as precise as the record knows it, readable by people and machines, in the page's language. */
export function PartialDateTime({
  value,
  qualifier = "EXACT",
  form,
}: {
  value: PartialDate;
  qualifier?: Qualifier;
  form?: DateForm;
}) {
  return <ProfileDateTime date={value} qualifier={qualifier} form={form} />;
}
