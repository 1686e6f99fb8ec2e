import type { ImportPreview, ImportResult } from "./data/import";

const statusWords = { new: "new", changed: "changed", unchanged: "unchanged", error: "ERROR" } as const;

/** An import preview as plain text lines, for the command line: every error of every row. */
export function describePreview(preview: ImportPreview, options: { verbose?: boolean } = {}): string[] {
  const lines: string[] = [];
  lines.push(`Delimiter: "${preview.delimiter}"`);
  for (const error of preview.fileErrors) lines.push(`File error: ${error}`);
  if (preview.extraColumns.length > 0) lines.push(`Ignored columns: ${preview.extraColumns.join(", ")}`);
  if (preview.newCategories.length > 0) lines.push(`New categories: ${preview.newCategories.join(", ")}`);
  if (preview.newArticles.length > 0) lines.push(`New criminal code articles: ${preview.newArticles.join(", ")}`);
  for (const row of preview.rows) {
    if (row.status === "error") {
      for (const [field, messages] of Object.entries(row.errors)) {
        const where = field === "_row" || field === "_form" ? "" : ` ${field}:`;
        for (const message of messages) lines.push(`Row ${row.line} ERROR${where} ${message}`);
      }
    } else if (options.verbose || row.status === "changed") {
      const what = row.changes.length > 0 ? `: ${row.changes.join("; ")}` : "";
      lines.push(`Row ${row.line} ${statusWords[row.status]} ${row.fullName}${what}`);
    }
  }
  const { counts } = preview;
  lines.push(
    `Rows: ${counts.new} new, ${counts.changed} changed, ${counts.unchanged} unchanged, ${counts.error} with errors`,
  );
  return lines;
}

/** What an import wrote, in one line. */
export function describeResult(result: ImportResult): string {
  const written = Object.entries(result.created)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${kind}`);
  return written.length > 0 ? `Imported: ${written.join(", ")}.` : "Nothing to import: the record already holds every row.";
}
