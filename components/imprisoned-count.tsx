import type { ImprisonedCount } from "@/lib/data/custody-status";
import { formatPartialDate } from "@/lib/dates";

const timestamp = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "UTC",
});

/** The live count with its definition and "as of": the number never appears without them. */
export function ImprisonedCountPanel({ count }: { count: ImprisonedCount }) {
  return (
    <section aria-labelledby="count-heading" className="rounded-lg border border-stone-300 bg-white p-6">
      <h2 id="count-heading" className="text-base font-semibold text-muted">
        Imprisoned now
      </h2>
      <p className="mt-2 text-6xl font-bold tabular-nums text-accent" data-testid="imprisoned-count">
        {count.count}
      </p>
      <p className="mt-3 max-w-prose">
        {count.count === 1 ? "person is" : "people are"} held in a prison or detention centre on{" "}
        {formatPartialDate({ date: count.on, precision: "DAY" })}, according to the custody records
        published here.
      </p>
      <details className="mt-3 max-w-prose text-sm text-muted">
        <summary className="cursor-pointer">What this number counts</summary>
        <p className="mt-2">
          A person is counted when their published profile has a custody period (an arrest, or the
          earliest date a source shows them in custody) with no recorded release on or before
          today. House arrest is recorded on profiles but not counted. The number is computed from
          those dated, sourced events each time the page is served; nothing is counted by hand.
        </p>
      </details>
      <p className="mt-3 text-sm text-muted">
        As of <time dateTime={count.computedAt.toISOString()}>{timestamp.format(count.computedAt)} UTC</time>
        {count.lastRecordChange ? (
          <>
            {" "}· custody records last changed{" "}
            <time dateTime={count.lastRecordChange.toISOString()}>
              {timestamp.format(count.lastRecordChange)} UTC
            </time>
          </>
        ) : null}
      </p>
    </section>
  );
}
