/**
 * CSV writing (RFC 4180): comma-separated, CRLF line ends, a field quoted when it holds a comma,
 * a double quote, CR or LF, with inner quotes doubled. Pure.
 *
 * Guard against spreadsheet formula injection (OWASP "CSV injection"): a text cell starting
 * with =, +, -, @, tab or CR would be run as a formula by Excel or Sheets, so it is prefixed
 * with a single quote. Numbers are written as numbers (a negative number stays a number).
 *
 * A file for download starts with a UTF-8 byte-order mark: without it, Excel reads a CSV in the
 * system's legacy code page and "Zoë Müller" comes out as "ZoÃ« MÃ¼ller". The mark precedes the
 * first header, so it never hides a formula or changes a cell.
 */
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvValue;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: text guarded against formulas and quoted when needed; null/undefined → empty. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The UTF-8 byte-order mark (U+FEFF; EF BB BF once encoded). */
export const UTF8_BOM = "\uFEFF";

export interface CsvOptions {
  /** Start with UTF8_BOM, for a file people open in Excel. */
  byteOrderMark?: boolean;
}

/** A header line and one line per row, each ending in CRLF. */
export function toCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[], options: CsvOptions = {}): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(","));
  return (options.byteOrderMark ? UTF8_BOM : "") + lines.map((line) => `${line}\r\n`).join("");
}
