import { LIST_SEPARATOR, type ColumnValue } from "./columns";

/**
 * CSV as RFC 4180 writes it: CRLF line ends; a field with a comma, a quote or a line break is
 * quoted, its quotes doubled.
 *
 * A cell a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage
 * return) gets a leading apostrophe: names and notes come from sources anyone can influence,
 * and opening an export must not run what a hostile source wrote. The JSON export carries
 * values unchanged.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: ColumnValue): string {
  const plain = value === null ? "" : Array.isArray(value) ? value.join(LIST_SEPARATOR) : value;
  const safe = FORMULA_START.test(plain) ? `'${plain}` : plain;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(values: ColumnValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/**
 * Spreadsheets open a UTF-8 file without a byte order mark in the machine's legacy code page,
 * which turns Azerbaijani and Cyrillic names into mojibake; with it, every common spreadsheet
 * and CSV library reads UTF-8.
 */
export const UTF8_BOM = "\uFEFF";
