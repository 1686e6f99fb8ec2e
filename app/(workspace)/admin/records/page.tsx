import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { resourceForms } from "@/lib/admin/forms";
import { resourceKeys } from "@/lib/admin/record-types";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Records", robots: { index: false } };

/** Every kind of record the admin edits. */
export default async function RecordsIndexPage() {
  await connection();
  await requireUser("/admin/records", "read:private");
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">Records</h1>
      <ul className="grid gap-3 sm:grid-cols-2">
        {resourceKeys.map((key) => (
          <li key={key} className="rounded border border-stone-300 bg-white p-3">
            <Link href={`/admin/${key}`} className="font-semibold underline">
              {resourceForms[key].plural}
            </Link>
            <p className="text-sm text-muted">{resourceForms[key].description}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
