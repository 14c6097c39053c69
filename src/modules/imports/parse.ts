import "server-only";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { AppError } from "@/lib/errors";
import { IMPORT_LIMITS } from "./fields";

/** A cell as read: text from CSV; text, number, boolean or date from XLSX; null when empty. */
export type Cell = string | number | boolean | Date | null;

export interface ParsedRow {
  /** The row's number in the sheet (the heading row is 1 when it is the first), for messages. */
  line: number;
  cells: Cell[];
}

export interface ParsedSheet {
  kind: "csv" | "xlsx";
  headers: string[];
  rows: ParsedRow[];
}

/** A file that cannot be imported: a 400 naming the file field, nothing changed. */
export const badFile = (message: string) => new AppError("BAD_REQUEST", message, { file: [message] });

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** "EncryptionInfo" as UTF-16LE, the stream an encrypted Office file keeps in its OLE container. */
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");

/** Bytes → headings and rows. Throws a BAD_REQUEST naming what is wrong with the file. */
export async function parseSpreadsheet(bytes: Uint8Array, fileName = ""): Promise<ParsedSheet> {
  if (bytes.byteLength === 0) throw badFile("The file is empty.");
  if (bytes.byteLength > IMPORT_LIMITS.bytes) throw badFile(tooLarge(bytes.byteLength));
  if (startsWith(bytes, OLE)) {
    throw badFile(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTION_INFO)
        ? "This workbook is password-protected. Remove the password in Excel (File › Info › Protect Workbook), save, and upload it again."
        : "This is an old Excel 97–2003 workbook (.xls). Save it as .xlsx or .csv and upload that.",
    );
  }
  const sheet = startsWith(bytes, ZIP) ? await readXlsx(bytes) : readCsv(bytes, fileName);
  return withHeadings(sheet);
}

export function tooLarge(size: number): string {
  const mb = (n: number) => (n / 1024 / 1024).toLocaleString("en", { maximumFractionDigits: 1 });
  return `The file is ${mb(size)} MB; the limit is ${mb(IMPORT_LIMITS.bytes)} MB. Split it into smaller files.`;
}

// ---- XLSX

const NOT_A_SPREADSHEET =
  "This file is not a spreadsheet Preflight can read. Upload an Excel workbook (.xlsx) or a CSV file.";

async function readXlsx(bytes: Uint8Array): Promise<RawSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types name Node's Buffer; the bytes are shared, not copied.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw badFile(NOT_A_SPREADSHEET);
  }
  // The first sheet with anything in it, hidden or not: clients often keep the register first.
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) {
    if (workbook.worksheets.length === 0) throw badFile(NOT_A_SPREADSHEET);
    throw badFile("The workbook is empty: its sheets have no cells filled in.");
  }
  if (sheet.actualRowCount > IMPORT_LIMITS.rows + 1) throw badFile(tooManyRows(sheet.actualRowCount - 1));
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: Cell[] = [];
    const width = Math.min(row.cellCount, IMPORT_LIMITS.columns);
    for (let c = 1; c <= width; c++) cells.push(xlsxCell(row.getCell(c).value));
    rows.push({ line, cells });
  });
  return { kind: "xlsx", rows };
}

/** A cell's value as data: formulas give their cached result (never evaluated), links their text. */
function xlsxCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined || (typeof result === "object" && !(result instanceof Date)) ? null : result;
    }
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("hyperlink" in value) return typeof value.text === "string" ? value.text : String(value.hyperlink ?? "");
    if ("error" in value) return null;
  }
  return null;
}

// ---- CSV

/** Bytes → text: UTF-8 (with or without a byte-order mark), else Windows-1252 (Excel's "CSV" on Windows). */
export function decodeText(bytes: Uint8Array): string {
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return new TextDecoder("windows-1252").decode(body);
  }
}

/** Magic numbers of files people upload by mistake; a CSV never starts with them. */
const BINARY_SIGNATURES = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x1f, 0x8b], // gzip
];

function looksBinary(bytes: Uint8Array): boolean {
  if (BINARY_SIGNATURES.some((magic) => startsWith(bytes, magic))) return true;
  // Text has no NUL bytes; UTF-16 text does, and is not a format we take either.
  return bytes.subarray(0, 8192).includes(0);
}

function readCsv(bytes: Uint8Array, fileName: string): RawSheet {
  if (looksBinary(bytes)) {
    throw badFile(
      /\.xlsx?$/i.test(fileName)
        ? "This workbook could not be read: it may be damaged. Open it in Excel, save it again as .xlsx and upload that."
        : NOT_A_SPREADSHEET,
    );
  }
  const text = decodeText(bytes);
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [",", ";", "\t", "|"],
    // Blank lines are kept here (and dropped with the other blank rows) so row numbers stay true.
    skipEmptyLines: false,
  });
  const unclosed = parsed.errors.find((e) => e.code === "MissingQuotes");
  if (unclosed) {
    throw badFile(
      `Row ${(unclosed.row ?? 0) + 1} opens a quoted value that never closes ("). Fix the quotes and upload again.`,
    );
  }
  const rows = parsed.data.map((cells, i) => ({
    line: i + 1,
    cells: cells.slice(0, IMPORT_LIMITS.columns).map((c) => (c.trim() === "" ? null : c)),
  }));
  return { kind: "csv", rows };
}

// ---- Headings

interface RawRow {
  line: number;
  cells: Cell[];
}
interface RawSheet {
  kind: "csv" | "xlsx";
  rows: RawRow[];
}

function tooManyRows(count: number): string {
  return `The file has ${count.toLocaleString("en")} rows; the limit is ${IMPORT_LIMITS.rows.toLocaleString("en")}. Split it into smaller files.`;
}

const isBlank = (cell: Cell) => cell === null || (typeof cell === "string" && cell.trim() === "");

/** The first row with anything in it holds the headings; the rows after it with anything are data. */
function withHeadings(sheet: RawSheet): ParsedSheet {
  const filled = sheet.rows.filter((r) => r.cells.some((c) => !isBlank(c)));
  const [heading, ...data] = filled;
  if (!heading) throw badFile("The file is empty.");
  // Columns up to the last one with a heading or a value.
  const width = Math.max(...filled.map((r) => r.cells.reduce<number>((w, c, i) => (isBlank(c) ? w : i + 1), 0)));
  const headers = Array.from({ length: width }, (_, i) => headingText(heading.cells[i] ?? null, i));
  if (data.length === 0) throw badFile("The file has headings but no rows of pilots under them.");
  if (data.length > IMPORT_LIMITS.rows) throw badFile(tooManyRows(data.length));
  return {
    kind: sheet.kind,
    headers,
    rows: data.map((r) => ({ line: r.line, cells: Array.from({ length: width }, (_, i) => r.cells[i] ?? null) })),
  };
}

function headingText(cell: Cell, index: number): string {
  const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : cell === null ? "" : String(cell).trim();
  return text || `Column ${index + 1}`;
}
