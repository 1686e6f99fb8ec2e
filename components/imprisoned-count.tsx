import { useTranslations } from "next-intl";
import type { PublicCount } from "@/lib/data/count-feed";
import { LiveCount, LiveCountAsOf } from "./live-count";

/**
 * The count with its definition and "as of": the number never appears without them. Rendered
 * on the server; the number and its time stay live in the browser (components/live-count.tsx).
 */
export function ImprisonedCountPanel({ count }: { count: PublicCount }) {
  const t = useTranslations("count");
  return (
    <section
      id="imprisoned-now"
      aria-labelledby="count-heading"
      className="scroll-mt-4 rounded-lg border border-stone-300 bg-white p-6"
    >
      <h2 id="count-heading" className="text-base font-semibold text-muted">
        {t("heading")}
      </h2>
      <p className="mt-2 text-6xl font-bold tabular-nums text-accent" data-testid="imprisoned-count">
        <LiveCount initial={count} />
      </p>
      <p className="mt-3 max-w-prose">{t("definition")}</p>
      <details className="mt-3 max-w-prose text-sm text-muted">
        <summary className="cursor-pointer">{t("whatItCounts")}</summary>
        <p className="mt-2">{t("whatItCountsBody")}</p>
      </details>
      <p className="mt-3 text-sm text-muted">
        <LiveCountAsOf initial={count} />
      </p>
    </section>
  );
}
