import type { Metadata } from "next";
import Link from "next/link";
import { createRecordAction } from "@/app/(workspace)/admin/record-actions";
import { RecordForm } from "@/components/admin/record-form";
import { formFields, resourceForms } from "@/lib/admin/forms";
import { readRecord } from "@/lib/data/admin/engine";
import { adminResources } from "@/lib/data/admin/resources";
import { requireRecordReader } from "../access";
import { formChoices } from "../choices";

type Props = {
  params: Promise<{ resource: string }>;
  searchParams: Promise<{ parent?: string | string[] }>;
};

export const metadata: Metadata = { title: "New record", robots: { index: false } };

/** A new record of any kind, saved as a draft. From a parent's page, the parent is filled in. */
export default async function NewRecordPage({ params, searchParams }: Props) {
  const { resource } = await params;
  const { parent } = await searchParams;
  const { key } = await requireRecordReader(resource, `/admin/${resource}/new`);
  const form = resourceForms[key];
  const fields = formFields(form, "create");
  const values: Record<string, string> = {};
  const labels: Record<string, string> = {};
  const parentField = fields.find((field) => field.name === form.parentField);
  if (typeof parent === "string" && parentField && parentField.kind === "relation") {
    const record = await readRecord(adminResources[parentField.resource], parent);
    if (record) {
      values[parentField.name] = record.id;
      labels[parentField.name] = record.title;
    }
  }
  return (
    <div className="space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/admin/${key}`} className="underline">
          {form.plural}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">New {form.singular.toLowerCase()}</h1>
      <p className="text-muted">
        {key === "custody"
          ? "An arrest is public as soon as it is saved, and changes the count of people imprisoned now."
          : "Saved as a draft: nothing appears on the public site until an editor publishes it."}
      </p>
      <RecordForm
        resource={key}
        fields={fields}
        initial={{ values, labels }}
        choices={await formChoices(key)}
        action={createRecordAction.bind(null, key)}
        submitLabel={key === "custody" ? "Save arrest" : "Save draft"}
      />
    </div>
  );
}
