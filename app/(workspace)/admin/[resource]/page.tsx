import type { Metadata } from "next";
import Link from "next/link";
import { resourceForms } from "@/lib/admin/forms";
import { publicationStates, type PublicationStateName } from "@/lib/admin/record-types";
import { listRecords, readRecord } from "@/lib/data/admin/engine";
import { adminResources } from "@/lib/data/admin/resources";
import { StateBadge } from "@/components/admin/state-badge";
import { requireRecordReader } from "./access";

type Props = {
  params: Promise<{ resource: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Records", robots: { index: false } };

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/** Any kind of record: search, filter by publication state (and parent record), page through. */
export default async function RecordListPage({ params, searchParams }: Props) {
  const { resource } = await params;
  const query = await searchParams;
  const { key } = await requireRecordReader(resource, `/admin/${resource}`);
  const form = resourceForms[key];
  const q = one(query.q).slice(0, 100);
  const stateParam = one(query.state);
  const state = (publicationStates as readonly string[]).includes(stateParam) ? (stateParam as PublicationStateName) : undefined;
  const parent = one(query.parent);
  const page = Number.parseInt(one(query.page), 10) || 1;
  const result = await listRecords(adminResources[key], { q, state, parent, page });
  const pageCount = Math.max(1, Math.ceil(result.total / result.pageSize));
  const parentField = form.fields.find((field) => field.name === form.parentField);
  const parentResource = parentField && (parentField.kind === "relation" || parentField.kind === "relations") ? parentField.resource : undefined;
  const parentRecord = parent && parentResource ? await readRecord(adminResources[parentResource], parent) : null;
  const address = (changes: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries({ q, state, parent: parentRecord ? parent : undefined, page, ...changes })) {
      if (value !== undefined && value !== "" && !(name === "page" && value === 1)) params.set(name, String(value));
    }
    const text = params.toString();
    return `/admin/${key}${text ? `?${text}` : ""}`;
  };

  return (
    <div className="space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin/records" className="underline">
          All records
        </Link>
        {parentRecord && parentResource ? (
          <>
            {" / "}
            <Link href={`/admin/${parentResource}/${parentRecord.id}`} className="underline">
              {parentRecord.title}
            </Link>
          </>
        ) : null}
      </nav>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">
          {form.plural}
          {parentRecord ? <span className="block text-base font-normal text-muted">of {parentRecord.title}</span> : null}
        </h1>
        <Link
          href={`/admin/${key}/new${parentRecord ? `?parent=${parentRecord.id}` : ""}`}
          className="rounded bg-accent px-4 py-2 font-semibold text-white"
        >
          New {form.singular.toLowerCase()}
        </Link>
      </div>
      <p className="text-muted">{form.description}</p>
      <form method="get" role="search" aria-label={form.plural} className="flex flex-wrap items-end gap-3">
        {parentRecord ? <input type="hidden" name="parent" value={parentRecord.id} /> : null}
        <div className="space-y-1">
          <label htmlFor="list-q" className="block font-semibold">
            Search
          </label>
          <input id="list-q" type="search" name="q" defaultValue={q} maxLength={100} className="rounded border border-stone-400 bg-white px-3 py-2" />
        </div>
        <div className="space-y-1">
          <label htmlFor="list-state" className="block font-semibold">
            Publication
          </label>
          <select id="list-state" name="state" defaultValue={state ?? ""} className="rounded border border-stone-400 bg-white px-3 py-2">
            <option value="">Any</option>
            <option value="DRAFT">Draft</option>
            <option value="PUBLISHED">Published</option>
            <option value="ARCHIVED">Archived</option>
          </select>
        </div>
        <button type="submit" className="rounded border border-stone-500 bg-white px-4 py-2 font-semibold">
          Search
        </button>
      </form>
      <p role="status">
        {result.total === 1 ? "1 record" : `${result.total} records`}
        {pageCount > 1 ? `, page ${result.page} of ${pageCount}` : ""}.
      </p>
      {result.rows.length > 0 ? (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`${form.plural}: results`}>
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b border-stone-400">
                {adminResources[key].columns.map((column) => (
                  <th key={column} scope="col" className="px-2 py-1">
                    {column}
                  </th>
                ))}
                <th scope="col" className="px-2 py-1">
                  Publication
                </th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr key={row.id} className="border-b border-stone-200">
                  {row.cells.map((cell, index) => (
                    <td key={index} className="px-2 py-1">
                      {index === 0 ? (
                        <Link href={`/admin/${key}/${row.id}`} className="font-semibold underline">
                          {cell || "(untitled)"}
                        </Link>
                      ) : (
                        cell
                      )}
                    </td>
                  ))}
                  <td className="px-2 py-1">
                    <StateBadge state={row.state} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {pageCount > 1 ? (
        <nav aria-label="Pages" className="flex gap-4">
          {result.page > 1 ? (
            <Link href={address({ page: result.page - 1 })} className="underline">
              Previous page
            </Link>
          ) : null}
          {result.page < pageCount ? (
            <Link href={address({ page: result.page + 1 })} className="underline">
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
