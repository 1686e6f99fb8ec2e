import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { listCourts } from "@/lib/data/courts";
import { courtKindLabel } from "@/lib/labels";

export const metadata: Metadata = {
  title: "Courts",
  description:
    "Courts that hear the cases of political prisoners: every recorded hearing, and how each court ruled on the motions of the defence, the prosecution and the investigation.",
};

export default async function CourtsPage() {
  await connection();
  const courts = await listCourts();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Courts</h1>
      <p className="max-w-prose">
        The courts where the cases recorded here are heard. Each court&apos;s page lists its hearings and counts
        how it ruled on motions, by who filed them.
      </p>
      {courts.length === 0 ? (
        <p className="text-muted">No courts are published yet.</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
          {courts.map((court) => (
            <li key={court.slug} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
              <span>
                <Link href={`/courts/${court.slug}`} className="font-medium text-accent underline underline-offset-4">
                  {court.name}
                </Link>
                <span className="block text-sm text-muted">
                  {courtKindLabel[court.kind]}
                  {court.city ? `, ${court.city}` : null}
                </span>
              </span>
              <span className="text-sm text-muted">
                {court.hearingCount} {court.hearingCount === 1 ? "hearing" : "hearings"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
