import type { PublicationStateName } from "@/lib/admin/record-types";

const styles: Record<PublicationStateName, string> = {
  DRAFT: "border-stone-500 bg-stone-100 text-ink",
  PUBLISHED: "border-emerald-800 bg-emerald-50 text-emerald-900",
  ARCHIVED: "border-stone-500 bg-stone-300 text-ink",
};

const words: Record<PublicationStateName, string> = { DRAFT: "Draft", PUBLISHED: "Published", ARCHIVED: "Archived" };

export function StateBadge({ state }: { state: PublicationStateName }) {
  return <span className={`rounded border px-2 py-0.5 text-sm font-semibold ${styles[state]}`}>{words[state]}</span>;
}
