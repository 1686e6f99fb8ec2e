import type { Metadata } from "next";
import Link from "next/link";
import type { Route } from "next";
import { notFound } from "next/navigation";
import { changeRecordStateAction, undoReleaseRecordAction, updateRecordAction } from "@/app/(workspace)/admin/record-actions";
import { RecordForm } from "@/components/admin/record-form";
import { StateBadge } from "@/components/admin/state-badge";
import { StateButtons } from "@/components/admin/state-buttons";
import { UndoReleaseButton } from "@/components/admin/undo-release-button";
import { formFields, resourceForms } from "@/lib/admin/forms";
import { can } from "@/lib/auth/permissions";
import { readRecord, recordNotices } from "@/lib/data/admin/engine";
import { adminResources } from "@/lib/data/admin/resources";
import { requireRecordReader } from "../access";
import { formChoices } from "../choices";

type Props = {
  params: Promise<{ resource: string; id: string }>;
  searchParams: Promise<{ saved?: string | string[] }>;
};

export const metadata: Metadata = { title: "Edit record", robots: { index: false } };

const savedMessages: Record<string, string> = {
  created: "Saved as a draft.",
  updated: "Saved.",
  publish: "Published: it is now on the public site.",
  archive: "Archived: it no longer appears on the public site.",
  restore: "Restored as a draft.",
  reopened: "Release undone: the custody period is open again, and the person is counted as imprisoned.",
};

/** One record: its form, its publication state and buttons, and links to its history and parts. */
export default async function EditRecordPage({ params, searchParams }: Props) {
  const { resource, id } = await params;
  const { saved } = await searchParams;
  const { user, key } = await requireRecordReader(resource, `/admin/${resource}/${id}`);
  const record = await readRecord(adminResources[key], id);
  if (!record) notFound();
  const form = resourceForms[key];
  const mayPublish = can(user.role, "publish");
  const mayEdit = can(user.role, "write:draft") && (record.state === "DRAFT" || mayPublish) && (key !== "custody" || mayPublish);
  const closedCustody = key === "custody" && record.values.end !== "";
  // A custody period is published as it is saved (it changes the count at once): say so.
  const message =
    saved === "created" && record.state === "PUBLISHED"
      ? "Saved and published: it is on the public site now."
      : typeof saved === "string"
        ? savedMessages[saved]
        : undefined;
  const notices = await recordNotices(adminResources[key], id);

  return (
    <div className="space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/admin/${key}`} className="underline">
          {form.plural}
        </Link>
      </nav>
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{record.title}</h1>
        <p className="flex flex-wrap items-center gap-3">
          <StateBadge state={record.state} />
          <span className="text-sm text-muted">Version {record.version}</span>
          <Link href={`/admin/${key}/${id}/history`} className="underline">
            History
          </Link>
          {key === "prisoners" ? (
            <Link href={`/admin/${key}/${id}/preview`} className="underline">
              Preview public profile
            </Link>
          ) : null}
        </p>
        <p role="status" className="font-semibold text-emerald-900">
          {message ?? ""}
        </p>
      </div>
      {notices.length > 0 ? (
        <ul className="space-y-1 rounded border border-amber-700 bg-amber-50 p-3">
          {notices.map((notice) => (
            <li key={notice.message}>
              {notice.message}{" "}
              {notice.link ? (
                <Link href={notice.link.href as Route} className="underline">
                  {notice.link.label}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {mayPublish ? (
        <StateButtons
          record={record}
          actions={{
            publish: changeRecordStateAction.bind(null, key, "publish"),
            archive: changeRecordStateAction.bind(null, key, "archive"),
            restore: changeRecordStateAction.bind(null, key, "restore"),
          }}
        />
      ) : null}
      {form.children ? (
        <nav aria-label="Parts of this record" className="flex flex-wrap gap-x-5 gap-y-2">
          {form.children.map((child) => (
            <span key={child.resource} className="flex gap-2">
              <Link href={`/admin/${child.resource}?parent=${id}`} className="underline">
                {child.label}
              </Link>
              <Link href={`/admin/${child.resource}/new?parent=${id}`} className="underline">
                Add<span className="sr-only"> to {child.label.toLowerCase()}</span>
              </Link>
            </span>
          ))}
        </nav>
      ) : null}
      {closedCustody ? (
        <section aria-labelledby="release-heading" className="space-y-2 rounded border border-stone-300 bg-white p-3">
          <h2 id="release-heading" className="font-semibold">
            Released on {String(record.values.end)}
          </h2>
          <p>
            {mayEdit
              ? "A wrong date or reason is corrected in the form below. A release recorded by mistake is undone here: the period is open again. Either way the count and the public timeline follow at once, and the history keeps what it was."
              : "Only an editor can correct or undo a release."}
          </p>
          {mayEdit ? <UndoReleaseButton record={{ id: record.id, version: record.version }} action={undoReleaseRecordAction} /> : null}
        </section>
      ) : null}
      {mayEdit ? (
        <RecordForm
          resource={key}
          fields={formFields(form, "edit")}
          initial={{ values: record.values, labels: record.labels }}
          choices={await formChoices(key)}
          action={updateRecordAction.bind(null, key)}
          submitLabel={key === "custody" ? (closedCustody ? "Save correction" : "Record release") : "Save"}
          record={{ id: record.id, version: record.version }}
        />
      ) : (
        <p>
          {record.state === "DRAFT" ? "Your role can read this record but not change it." : "This record is published or archived: only an editor can change it."}
        </p>
      )}
    </div>
  );
}
