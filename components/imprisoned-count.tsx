import type { PublicCount } from "@/lib/data/count-feed";
import { LiveCount, LiveCountAsOf } from "./live-count";

/**
 * The count with its definition and "as of": the number never appears without them. Rendered
 * on the server; the number and its time stay live in the browser (components/live-count.tsx).
 */
export function ImprisonedCountPanel({ count }: { count: PublicCount }) {
  return (
    <section
      id="imprisoned-now"
      aria-labelledby="count-heading"
      className="scroll-mt-4 rounded-lg border border-stone-300 bg-white p-6"
    >
      <h2 id="count-heading" className="text-base font-semibold text-muted">
        Imprisoned now
      </h2>
      <p className="mt-2 text-6xl font-bold tabular-nums text-accent" data-testid="imprisoned-count">
        <LiveCount initial={count} />
      </p>
      <p className="mt-3 max-w-prose">
        The number of people held in a prison or detention centre today, according to the custody
        records published here. It changes as soon as an arrest or a release is recorded.
      </p>
      <details className="mt-3 max-w-prose text-sm text-muted">
        <summary className="cursor-pointer">What this number counts</summary>
        <p className="mt-2">
          A person is counted when their published profile has a custody period (an arrest, or the
          earliest date a source shows them in custody) with no recorded release on or before
          today (UTC). House arrest is recorded on profiles but not counted. The number is computed
          from those dated, sourced events whenever they change; nothing is counted by hand.
        </p>
      </details>
      <p className="mt-3 text-sm text-muted">
        <LiveCountAsOf initial={count} />
      </p>
    </section>
  );
}
