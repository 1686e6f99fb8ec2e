import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { listFacilities } from "@/lib/data/facilities";
import { facilityKindLabel } from "@/lib/labels";

export const metadata: Metadata = {
  title: "Prisons and detention centres",
  description:
    "Prisons and detention centres holding political prisoners: postal addresses for letters, who is held in each now, and who was held there before.",
};

export default async function FacilitiesPage() {
  await connection();
  const facilities = await listFacilities();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Prisons and detention centres</h1>
      <p className="max-w-prose">
        Where the people recorded here are held. Each page gives the postal address for letters, when it is
        known, and who is held there today according to the published custody records.
      </p>
      {facilities.length === 0 ? (
        <p className="text-muted">No facilities are published yet.</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
          {facilities.map((facility) => (
            <li key={facility.slug} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
              <span>
                <Link href={`/facilities/${facility.slug}`} className="font-medium text-accent underline underline-offset-4">
                  {facility.name}
                </Link>
                <span className="block text-sm text-muted">
                  {facilityKindLabel[facility.kind]}
                  {facility.city ? `, ${facility.city}` : null}
                </span>
              </span>
              <span className="text-sm text-muted">
                {facility.heldCount} held now
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
