import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { diffSnapshots } from "@/lib/admin/diff";
import { resourceForms } from "@/lib/admin/forms";
import { readRecord, recordHistory } from "@/lib/data/admin/engine";
import { adminResources } from "@/lib/data/admin/resources";
import { formatUtcTimestamp } from "@/lib/dates";
import { requireRecordReader } from "../../access";

type Props = { params: Promise<{ resource: string; id: string }> };

export const metadata: Metadata = { title: "History", robots: { index: false } };

const actionWords: Record<string, string> = {
  CREATE: "Created",
  UPDATE: "Changed",
  PUBLISH: "Published",
  ARCHIVE: "Archived",
  RESTORE: "Restored",
};

/** Every change to one record, newest first: who, when, what, and each field's old and new value. */
export default async function RecordHistoryPage({ params }: Props) {
  const { resource, id } = await params;
  const { key } = await requireRecordReader(resource, `/admin/${resource}/${id}/history`);
  const record = await readRecord(adminResources[key], id);
  if (!record) notFound();
  const form = resourceForms[key];
  const entries = (await recordHistory(adminResources[key], id)).reverse();
  return (
    <div className="space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/admin/${key}`} className="underline">
          {form.plural}
        </Link>
        {" / "}
        <Link href={`/admin/${key}/${id}`} className="underline">
          {record.title}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">History of {record.title}</h1>
      <p className="text-muted">The log is written with each change and cannot be edited.</p>
      <ol className="space-y-4">
        {entries.map((entry) => {
          const changes = diffSnapshots(form, entry.before, entry.after);
          return (
            <li key={entry.id} className="rounded border border-stone-300 bg-white p-3">
              <h2 className="font-semibold">
                {actionWords[entry.action] ?? entry.action} by {entry.who}, <time dateTime={entry.at.toISOString()}>{formatUtcTimestamp(entry.at)}</time>
              </h2>
              {changes.length > 0 ? (
                <dl className="mt-2 space-y-1">
                  {changes.map((change) => (
                    <div key={change.field} className="flex flex-wrap gap-x-2">
                      <dt className="font-semibold">{change.label}:</dt>
                      <dd className="whitespace-pre-wrap break-words">
                        <del className="text-muted">{change.from || "(empty)"}</del>
                        <span aria-hidden="true"> → </span>
                        <span className="sr-only"> changed to </span>
                        <ins className="no-underline">{change.to || "(empty)"}</ins>
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p className="text-sm text-muted">No field changed.</p>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
