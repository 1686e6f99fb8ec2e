import { formFields, resourceForms, type FieldSpec } from "../../lib/admin/forms";
import { resourceKeys, type ResourceKey } from "../../lib/admin/record-types";
import type { TextFieldKind } from "./hostile";

/**
 * The fields hostile text and canaries go into, from the admin's form definitions
 * (lib/admin/forms.ts), the same list the record engine's forms are drawn from: a text field
 * added to any form is seeded without touching the tests. For scripts run with tsx (the
 * seeding scripts under e2e/support/), not for Playwright's test files.
 */

const TEXT_KINDS: readonly string[] = ["text", "textarea", "url", "lines"] satisfies TextFieldKind[];

export type EditorTextField = {
  resource: ResourceKey;
  name: string;
  kind: TextFieldKind;
  maxLength: number;
  private: boolean;
  /** Which forms show it: "create", "edit" or both. */
  on: "create" | "edit" | "both";
};

export function isTextField(field: FieldSpec): field is Extract<FieldSpec, { kind: TextFieldKind }> {
  return TEXT_KINDS.includes(field.kind);
}

/** Every free-text field an editor can set, across every kind of record. */
export function editorTextFields(): EditorTextField[] {
  return resourceKeys.flatMap((resource) =>
    resourceForms[resource].fields.filter(isTextField).map((field) => ({
      resource,
      name: field.name,
      kind: field.kind,
      maxLength: field.maxLength,
      private: Boolean(field.private),
      on: field.on ?? "both",
    })),
  );
}

/** The fields of a record kind's create form, in order. */
export function createFields(resource: ResourceKey): FieldSpec[] {
  return formFields(resourceForms[resource], "create");
}

// ---------------------------------------------------------------------------------------------
// Filling a whole form

/** Record kinds in an order where every record a create form points to exists before it. */
export function creationOrder(): ResourceKey[] {
  const order: ResourceKey[] = [];
  const pending = [...resourceKeys];
  while (pending.length > 0) {
    const ready = pending.find((resource) =>
      createFields(resource).every(
        (field) => (field.kind !== "relation" && field.kind !== "relations") || field.resource === resource || order.includes(field.resource),
      ),
    );
    if (!ready) throw new Error(`the create forms' relations form a cycle: ${pending.join(", ")}`);
    order.push(ready);
    pending.splice(pending.indexOf(ready), 1);
  }
  return order;
}

/**
 * Dates that keep every rule (released after arrested, decided after filed…), in `year` and
 * the next. `day` (1-28) moves the dates that have no rule of their own, so that several
 * records of one kind for one person (a transfer on one day per custody period) can coexist.
 */
function dateFor(resource: ResourceKey, name: string, year: number, day: number): string {
  const specific: Record<string, string> = {
    "prisoners.birth": `${year - 30}-01-01`,
    "custody.start": `${year}-01-05`,
    "custody.end": `${year + 1}-06-01`,
    "extensions.orderedOn": `${year}-02-01`,
    "extensions.until": `${year}-06-01`,
    "appeals.filed": `${year}-04-01`,
    "appeals.decided": `${year}-09-01`,
  };
  return specific[`${resource}.${name}`] ?? `${year}-02-${String(day).padStart(2, "0")}`;
}

const selectChoices: Record<string, string> = { "hearings.status": "HELD", "verdicts.outcome": "CONVICTED", "appeals.result": "REDUCED" };

/**
 * A create form's fields, filled: text fields by `text`, relations with the records in `ids`,
 * choices with their first option, dates within `year`. The same shape a browser posts.
 */
export function filledCreateForm(
  resource: ResourceKey,
  ids: Partial<Record<ResourceKey, string>>,
  text: (field: EditorTextField) => string,
  year: number,
  day = 1,
): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const field of createFields(resource)) {
    const key = `${resource}.${field.name}`;
    switch (field.kind) {
      case "text":
      case "textarea":
      case "url":
      case "lines":
        values[field.name] = text({
          resource,
          name: field.name,
          kind: field.kind,
          maxLength: field.maxLength,
          private: Boolean(field.private),
          on: field.on ?? "both",
        });
        break;
      case "partialDate":
      case "date":
        values[field.name] = dateFor(resource, field.name, year, day);
        break;
      case "time":
        values[field.name] = "10:30";
        break;
      case "number":
        values[field.name] = "24";
        break;
      case "select":
        values[field.name] = selectChoices[key] ?? field.initial ?? field.options.find((option) => option.value)!.value;
        break;
      case "checkboxes":
        break;
      case "relation":
        if (field.resource !== resource && ids[field.resource]) values[field.name] = ids[field.resource]!;
        break;
      case "relations":
        values[field.name] = ids[field.resource] ? [ids[field.resource]!] : [];
        break;
    }
  }
  return values;
}
