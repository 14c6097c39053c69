import type { Cell } from "./parse";

/**
 * Cells → the text the pilot form would have received. Pure. Dates come as Date objects (XLSX
 * cells formatted as dates), as Excel serial numbers (cells formatted as numbers, or CSV written
 * from them) or as text; each becomes YYYY-MM-DD or a message saying why it could not.
 */

export type Converted = { ok: true; value: string } | { ok: false; message: string };

const DAY = 86_400_000;
/** Day 0 of Excel's 1900 date system (serial 1 is 1900-01-01; 60 is its phantom 1900-02-29). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const isoDay = (ms: number) => new Date(Math.floor(ms / DAY + 1e-7) * DAY).toISOString().slice(0, 10);

export function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (cell instanceof Date) return isoDay(cell.getTime());
  if (typeof cell === "number") return Number.isInteger(cell) ? String(cell) : String(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return cell.trim();
}

export const isBlankCell = (cell: Cell) => cellText(cell) === "";

function fromSerial(serial: number): Converted {
  // 1 (1900-01-01) to 2958465 (9999-12-31): the range Excel itself accepts.
  if (!(serial >= 1 && serial <= 2_958_465)) return { ok: false, message: `${serial} is not a date.` };
  return { ok: true, value: isoDay(EXCEL_EPOCH + serial * DAY) };
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function ymd(y: number, m: number, d: number, original: string): Converted {
  const year = y < 100 ? 2000 + y : y;
  const date = new Date(Date.UTC(year, m - 1, d));
  if (m < 1 || m > 12 || date.getUTCDate() !== d || date.getUTCMonth() !== m - 1) {
    return { ok: false, message: `"${original}" is not a date on the calendar.` };
  }
  return { ok: true, value: date.toISOString().slice(0, 10) };
}

const monthOf = (word: string) => {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? null : i + 1;
};

/** A date as people type it: 2026-03-31, 31/03/2026, 31.03.2026, 31 March 2026, March 31, 2026, 31-Mar-26. */
export function dateFromText(text: string): Converted {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(t);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!, t);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(t);
  if (m) return ymd(+m[3]!, +m[2]!, +m[1]!, t);
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const [a, b, y] = [+m[1]!, +m[2]!, +m[3]!];
    if (a > 12 || a === b) return ymd(y, b, a, t);
    if (b > 12) return ymd(y, a, b, t);
    return {
      ok: false,
      message: `"${t}" could be ${a} ${MONTH_NAMES[b - 1]} or ${b} ${MONTH_NAMES[a - 1]}: write it as YYYY-MM-DD.`,
    };
  }
  m = /^(\d{1,2})[\s-]([A-Za-z]{3,})\.?[\s-],?\s*(\d{2}|\d{4})$/.exec(t);
  if (m && monthOf(m[2]!)) return ymd(+m[3]!, monthOf(m[2]!)!, +m[1]!, t);
  m = /^([A-Za-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (m && monthOf(m[1]!)) return ymd(+m[3]!, monthOf(m[1]!)!, +m[2]!, t);
  // A serial number in a text cell (a CSV saved from a sheet whose dates were formatted as numbers).
  if (/^\d{5}(\.\d+)?$/.test(t)) return fromSerial(Number(t));
  return { ok: false, message: `"${t}" is not a date we can read: write it as YYYY-MM-DD.` };
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export function cellDate(cell: Cell): Converted {
  if (cell instanceof Date) return { ok: true, value: isoDay(cell.getTime()) };
  if (typeof cell === "number") return fromSerial(cell);
  return dateFromText(cellText(cell));
}

/**
 * A count or an amount: currency signs and codes, spaces and thousands separators dropped, and
 * rounded to a whole number (amounts are kept in whole currency units). Text that is still not a
 * number is passed on for the form's own message.
 */
export function cellWholeNumber(cell: Cell): string {
  if (typeof cell === "number") return String(Math.round(cell));
  const text = cellText(cell);
  const plain = text.replace(/[€$£¥]|\b[A-Z]{3}\b|[\s,]/g, "");
  const n = Number(plain);
  return plain !== "" && Number.isFinite(n) ? String(Math.round(n)) : text;
}

/** Tags separated by commas, semicolons or vertical bars, as one comma-separated string. */
export function cellTags(cell: Cell): string {
  return cellText(cell)
    .split(/[,;|\n]/)
    .map((t) => t.trim())
    .filter(Boolean)
    .join(",");
}

export function cellEmail(cell: Cell): string {
  return cellText(cell).replace(/^mailto:/i, "");
}
