import type { FormValue } from "../actions/state";
import { fieldLabel, type ResourceForm } from "./forms";
import type { RecordSnapshot } from "./record-types";

/** One changed field in an audit entry: "Full name: Old -> New". */
export type FieldChange = { field: string; label: string; from: string; to: string };

function asText(snapshot: RecordSnapshot | null, field: string, options?: { value: string; label: string }[]): string {
  if (!snapshot) return "";
  const raw: FormValue | undefined = snapshot.values[field];
  const values = Array.isArray(raw) ? raw : raw ? [raw] : [];
  if (values.length === 0) return "";
  const label = snapshot.labels[field];
  if (label) return label;
  if (options) return values.map((value) => options.find((option) => option.value === value)?.label ?? value).join(", ");
  return values.join("\n");
}

/**
 * What changed between two snapshots of a record, field by field in the form's order, with
 * chosen records and options by their names. Publication state is included.
 */
export function diffSnapshots(form: ResourceForm, before: RecordSnapshot | null, after: RecordSnapshot | null): FieldChange[] {
  const changes: FieldChange[] = [];
  if ((before?.state ?? "") !== (after?.state ?? "")) {
    changes.push({ field: "state", label: "Publication", from: before?.state.toLowerCase() ?? "", to: after?.state.toLowerCase() ?? "" });
  }
  const known = form.fields.map((field) => field.name);
  const others = [...new Set([...Object.keys(before?.values ?? {}), ...Object.keys(after?.values ?? {})])].filter(
    (name) => !known.includes(name) && !["id", "version", "state", "updatedAt", "createdAt", "searchText"].includes(name),
  );
  for (const name of [...known, ...others]) {
    const spec = form.fields.find((field) => field.name === name);
    const options = spec?.kind === "select" ? spec.options : undefined;
    const from = asText(before, name, options);
    const to = asText(after, name, options);
    if (from !== to) changes.push({ field: name, label: fieldLabel(form, name), from, to });
  }
  return changes;
}
