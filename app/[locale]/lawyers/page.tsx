import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { listLawyers } from "@/lib/data/lawyers";

export const metadata: Metadata = {
  title: "Lawyers",
  description:
    "Defence lawyers of political prisoners: whom they defend, the hearings they attended, the motions they filed, and which of them are prosecuted themselves.",
};

export default async function LawyersPage() {
  await connection();
  const lawyers = await listLawyers();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Lawyers</h1>
      <p className="max-w-prose">
        Lawyers who defend the people recorded here. Lawyers are themselves harassed and prosecuted; when a lawyer
        is also a prosecuted person, their page says so.
      </p>
      {lawyers.length === 0 ? (
        <p className="text-muted">No lawyers are published yet.</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white">
          {lawyers.map((lawyer) => (
            <li key={lawyer.slug} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3">
              <span>
                <Link href={`/lawyers/${lawyer.slug}`} className="font-medium text-accent underline underline-offset-4">
                  {lawyer.fullName}
                </Link>
                {lawyer.prosecutedAs ? <span className="block text-sm text-muted">Also prosecuted</span> : null}
              </span>
              <span className="text-sm text-muted">
                Defends {lawyer.clientCount} {lawyer.clientCount === 1 ? "person" : "people"}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
