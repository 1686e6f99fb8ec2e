/**
 * Forms send flat fields; a form with repeated rows names them by path, e.g. `motions.0.kind`,
 * `motions.0.ruling`, `motions.1.kind`. This turns such fields into nested objects and arrays
 * (`{ motions: [{ kind, ruling }, { kind }] }`) so that one strict zod schema can check them.
 * Row numbers only order the rows: gaps (a row removed in the browser) close up. Keys without a
 * dot pass through unchanged. Anything that is not a plain object is returned as it is, for the
 * schema to refuse.
 */
const MAX_ROWS = 100;
const INDEX = /^(0|[1-9]\d{0,2})$/;

type Tree = { [key: string]: unknown };

export function nestFields(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const flat = raw as Record<string, unknown>;
  const result: Tree = {};
  const rows = new Map<string, Map<number, Tree>>();
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split(".");
    if (parts.length === 1) {
      result[key] = value;
      continue;
    }
    // Only "list.N.field" is understood; anything else stays as it came, and a strict schema
    // refuses it as an unknown field.
    const [list, index, field, ...rest] = parts;
    if (parts.length !== 3 || rest.length > 0 || !INDEX.test(index) || Number(index) >= MAX_ROWS || !field) {
      result[key] = value;
      continue;
    }
    const byIndex = rows.get(list) ?? new Map<number, Tree>();
    rows.set(list, byIndex);
    const row = byIndex.get(Number(index)) ?? {};
    row[field] = value;
    byIndex.set(Number(index), row);
  }
  for (const [list, byIndex] of rows) {
    if (list in result) {
      // The same name used both flat and as rows: keep both visible to the schema, which refuses.
      result[`${list}.`] = result[list];
    }
    result[list] = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  }
  return result;
}
