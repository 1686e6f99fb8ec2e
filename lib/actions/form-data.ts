import type { FormValue } from "./state";

/**
 * A form's fields as a plain object: repeated names become arrays, files are left out (an
 * upload action reads its file itself), and React's own `$ACTION_` fields are dropped.
 * Empty strings are kept: each schema decides what an empty field means.
 */
export function formDataToObject(formData: FormData): Record<string, FormValue> {
  const result: Record<string, FormValue> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION_") || typeof value !== "string") continue;
    const existing = result[key];
    if (existing === undefined) result[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else result[key] = [existing, value];
  }
  return result;
}
