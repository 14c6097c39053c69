import ExcelJS from "exceljs";

/** Test fixtures: spreadsheets built in the test, never checked-in binaries. */

export type SheetCell = string | number | Date | null | { formula: string; result?: string | number | Date };

/** An XLSX workbook whose first sheet holds `rows`; `dateColumns` (1-based) get a date format. */
export async function xlsx(rows: SheetCell[][], options: { dateColumns?: number[]; sheets?: string[] } = {}) {
  const workbook = new ExcelJS.Workbook();
  for (const name of options.sheets ?? []) workbook.addWorksheet(name);
  const sheet = workbook.addWorksheet("Register");
  for (const row of rows) sheet.addRow(row);
  for (const c of options.dateColumns ?? []) sheet.getColumn(c).numFmt = "dd/mm/yyyy";
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
export const withBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

/** Windows-1252 bytes for Latin text (what Excel on Windows writes as "CSV"). */
export function windows1252(text: string): Uint8Array {
  const extra: Record<string, number> = { "€": 0x80, "’": 0x92, "–": 0x96, "—": 0x97 };
  return new Uint8Array(
    [...text].map((ch) => {
      if (extra[ch] !== undefined) return extra[ch];
      const code = ch.charCodeAt(0);
      if (code > 0xff) throw new Error(`not in Windows-1252: ${ch}`);
      return code;
    }),
  );
}

/** The first bytes of a password-protected Office file: an OLE container holding "EncryptionInfo". */
export function encryptedOfficeFile(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set(new Uint8Array(Buffer.from("EncryptionInfo", "utf16le")), 1024);
  bytes.set(new Uint8Array(Buffer.from("EncryptedPackage", "utf16le")), 1152);
  return bytes;
}

/** An Excel 97–2003 file's start: an OLE container without encryption streams. */
export function oldXlsFile(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  bytes.set(new Uint8Array(Buffer.from("Workbook", "utf16le")), 1024);
  return bytes;
}

/** The headings and a valid row of the import, as a consultant's register might have them. */
export const HEADINGS = [
  "Ref",
  "Use case",
  "Description",
  "Workflow",
  "Expected outcome",
  "Department",
  "Team",
  "Owner",
  "Owner e-mail",
  "Sponsor",
  "Status",
  "Start date",
  "Go-live date",
  "Monthly cost (EUR)",
  "Tags",
];

export function registerRow(n: number, overrides: Partial<Record<(typeof HEADINGS)[number], SheetCell>> = {}) {
  const values: Record<string, SheetCell> = {
    Ref: `UC-${String(n).padStart(3, "0")}`,
    "Use case": `Use case ${n}`,
    Description: `Automates step ${n} of the claims process`,
    Workflow: "Clerks read each claim and route it by hand",
    "Expected outcome": "Halve the handling time",
    Department: "Claims",
    Team: "Claims Automation",
    Owner: "Dana Reyes",
    "Owner e-mail": "dana@example.com",
    Sponsor: "COO",
    Status: "POC",
    "Start date": "2026-01-15",
    "Go-live date": "2026-09-30",
    "Monthly cost (EUR)": 1200,
    Tags: "llm; claims",
    ...overrides,
  };
  return HEADINGS.map((h) => values[h] ?? null);
}
