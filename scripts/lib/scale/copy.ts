import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { TABLES, type TableName, type Value } from "./tables";

/**
 * Bulk loading with PostgreSQL's COPY in its text format: one line per row, columns separated
 * by tabs, \N for NULL. Constraints, foreign keys and rule_* triggers still apply to every row.
 */

function escapeText(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (char) => (char === "\\" ? "\\\\" : char === "\t" ? "\\t" : char === "\n" ? "\\n" : "\\r"));
}

/** A PostgreSQL array literal: {"a","b"}. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/["\\]/g, (char) => `\\${char}`)}"`).join(",")}}`;
}

function field(value: Value): string {
  if (value === null) return "\\N";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return escapeText(value);
  return escapeText(arrayLiteral(value));
}

type AnyRow = Readonly<Record<string, Value>>;

export function copyLine(table: TableName, row: AnyRow): string {
  const columns = TABLES[table];
  let line = "";
  for (let index = 0; index < columns.length; index++) {
    if (index > 0) line += "\t";
    line += field(row[columns[index]]);
  }
  return `${line}\n`;
}

/** Lines grouped into chunks of about a megabyte: fewer, larger writes to the socket. */
function* chunks(table: TableName, rows: readonly AnyRow[]): Generator<string> {
  let chunk = "";
  for (const row of rows) {
    chunk += copyLine(table, row);
    if (chunk.length > 1_000_000) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk.length > 0) yield chunk;
}

export async function copyRows(client: pg.Client, table: TableName, rows: readonly AnyRow[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = TABLES[table].map((column) => `"${column}"`).join(", ");
  const stream = client.query(copyFrom(`COPY "${table}" (${columns}) FROM STDIN`));
  await pipeline(Readable.from(chunks(table, rows)), stream);
}
