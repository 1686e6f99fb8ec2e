import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { PartialDate } from "../dates";
import { fieldErrorsOf, pastPartialDate, type FieldErrors } from "./common";

/**
 * The bulk-import file (docs/import.md): a CSV with a header row. These checks need no
 * database, so they are shared by the preview, the import itself and the command line.
 */

export const requiredColumns = [
  "full_name",
  "category",
  "arrest_date",
  "charges",
  "place_of_detention",
  "source_url",
] as const;

/** Read when present; any other column is ignored and reported. */
export const optionalColumns = ["external_id", "birth_date"] as const;

export type ImportColumn = (typeof requiredColumns)[number] | (typeof optionalColumns)[number];

/** Larger data sets are split into several files: one import is one transaction. */
export const maxImportBytes = 5 * 1024 * 1024;
export const maxImportRows = 5_000;

/** A charge as cited: the article number of the criminal code, e.g. 234.4.3. */
const articleNumber = /^\d{1,4}(\.\d{1,4}){0,4}$/;

/** A ;-separated cell ("234.4.3; 221.3"): trimmed, empty items dropped, duplicates once. */
function listOf(cell: string): string[] {
  return [...new Set(cell.split(";").map((item) => item.trim()).filter(Boolean))];
}

const optionalCell = (schema: z.ZodType<PartialDate, string>) =>
  z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(schema.optional());

/** One data row, by column name, after the CSV is read. Every problem is reported, not only the first. */
export const importRow = z.strictObject({
  full_name: z
    .string()
    .trim()
    .min(1, { error: "Enter the person's full name" })
    .max(200, { error: "Use at most 200 characters" }),
  category: z
    .string()
    .transform(listOf)
    .pipe(z.array(z.string().max(120, { error: "A category name has at most 120 characters" })).max(10)),
  arrest_date: optionalCell(pastPartialDate),
  charges: z
    .string()
    .transform(listOf)
    .pipe(
      z
        .array(
          z.string().regex(articleNumber, {
            error: (issue) => `"${String(issue.input)}" is not an article number such as 234.4.3`,
          }),
        )
        .max(20, { error: "At most 20 charges per row" }),
    ),
  place_of_detention: z
    .string()
    .trim()
    .max(300, { error: "Use at most 300 characters" })
    .transform((value) => value || undefined),
  source_url: z
    .url({ protocol: /^https?$/, error: "Enter the source's address, starting with https:// or http://" })
    .max(2000, { error: "Use at most 2000 characters" }),
  external_id: z
    .string()
    .trim()
    .max(200, { error: "Use at most 200 characters" })
    .transform((value) => value || undefined)
    .optional(),
  birth_date: optionalCell(pastPartialDate).optional(),
});

export type ImportRow = z.output<typeof importRow>;

export type ParsedFile = {
  delimiter: "," | ";";
  header: string[];
  missingColumns: string[];
  extraColumns: string[];
  /** Problems with the file as a whole (unreadable CSV, too large, no header). */
  fileErrors: string[];
  rows: ParsedRow[];
};

export type ParsedRow =
  | { line: number; ok: true; value: ImportRow }
  | { line: number; ok: false; errors: FieldErrors; values: Record<string, string> };

const normalizeHeader = (name: string) => name.trim().toLowerCase().replace(/\s+/g, "_");

/**
 * Spreadsheets save with "," or, where "," is the decimal mark, ";". The header row decides:
 * whichever of the two occurs more often outside quotes in it is the delimiter.
 */
export function detectDelimiter(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === "\n" || character === "\r")) break;
    else if (!quoted && character === ",") commas += 1;
    else if (!quoted && character === ";") semicolons += 1;
  }
  return semicolons > commas ? ";" : ",";
}

/** Reads and checks every row of an import file. Row numbers are the spreadsheet's (the header is row 1). */
export function parseImportFile(text: string): ParsedFile {
  const withoutBom = text.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(withoutBom);
  const empty: ParsedFile = { delimiter, header: [], missingColumns: [], extraColumns: [], fileErrors: [], rows: [] };
  if (new TextEncoder().encode(text).length > maxImportBytes) {
    return { ...empty, fileErrors: [`The file is larger than ${maxImportBytes / 1024 / 1024} MB: split it into several files.`] };
  }
  let records: string[][];
  try {
    records = parse(withoutBom, {
      delimiter,
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: false,
    }) as string[][];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ...empty, fileErrors: [`The file is not readable as CSV: ${message}`] };
  }
  if (records.length === 0) return { ...empty, fileErrors: ["The file is empty: it needs a header row and data rows."] };

  const header = records[0].map(normalizeHeader);
  const known = new Set<string>([...requiredColumns, ...optionalColumns]);
  const missingColumns = requiredColumns.filter((column) => !header.includes(column));
  const extraColumns = header.filter((column) => !known.has(column));
  const duplicates = header.filter((column, index) => column && header.indexOf(column) !== index);
  const fileErrors: string[] = [];
  if (missingColumns.length > 0) fileErrors.push(`The header lacks the column(s): ${missingColumns.join(", ")}.`);
  if (duplicates.length > 0) fileErrors.push(`The header names a column twice: ${[...new Set(duplicates)].join(", ")}.`);
  if (records.length - 1 > maxImportRows) {
    fileErrors.push(`The file has ${records.length - 1} rows; one import takes at most ${maxImportRows}.`);
  }
  if (records.length === 1) fileErrors.push("The file has a header but no data rows.");
  const result: ParsedFile = { delimiter, header, missingColumns, extraColumns, fileErrors, rows: [] };
  if (fileErrors.length > 0) return result;

  result.rows = records.slice(1).map((record, index): ParsedRow => {
    const line = index + 2;
    const values: Record<string, string> = {};
    header.forEach((column, position) => {
      if (known.has(column)) values[column] = record[position] ?? "";
    });
    if (record.length !== header.length) {
      return {
        line,
        ok: false,
        values,
        errors: { _row: [`This row has ${record.length} fields; the header has ${header.length}.`] },
      };
    }
    const parsed = importRow.safeParse(values);
    return parsed.success
      ? { line, ok: true, value: parsed.data }
      : { line, ok: false, values, errors: columnErrors(parsed.error) };
  });
  return result;
}

/** A row's errors by column: a list column's per-item errors (charges.0) stand under the column. */
function columnErrors(error: z.ZodError): FieldErrors {
  return Object.fromEntries(Object.entries(fieldErrorsOf(error)).filter(([field]) => !field.includes(".")));
}

/** The birth date a row gives, for matching: "" when it gives none. */
export function birthKey(value: PartialDate | undefined): string {
  return value ? `${value.date}/${value.precision}` : "";
}

/** What the import form and the action send: the file's text and whether to publish new people. */
export const importRequest = z.strictObject({
  csv: z
    .string({ error: "Choose a CSV file" })
    .min(1, { error: "Choose a CSV file" })
    .max(maxImportBytes, { error: "The file is larger than 5 MB: split it into several files" }),
  publish: z
    .enum(["on", "true", "false", ""])
    .optional()
    .transform((value) => value === "on" || value === "true"),
});
