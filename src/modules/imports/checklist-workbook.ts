import "server-only";
import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { LEVEL_NAMES } from "@/modules/assessments/shared";
import type { VersionContent } from "@/modules/frameworks";
import { badFile } from "./parse";

/**
 * The checklist as a workbook to fill in offline, and reading it back. One sheet per checklist
 * (an assessment, or a pilot for a blank one): a row per criterion with its guidance and the four
 * level descriptions, a Level drop-down, N/A reason and notes. Two hidden columns keep, per row,
 * the answer's version at export and a fingerprint of what the row said then, so an import can
 * tell a row the client edited from one they left alone, and an answer changed in Preflight since.
 * A very hidden sheet names which pilot, assessment and framework version each sheet is for.
 */

/** What a row says: a level, "not applicable" with a reason, or nothing yet; and notes. */
export interface SheetAnswer {
  level: number | null;
  notApplicable: boolean;
  naReason: string;
  notes: string;
}

export const EMPTY_ANSWER: SheetAnswer = { level: null, notApplicable: false, naReason: "", notes: "" };

const NA = "N/A";
export const LEVEL_CHOICES = [...LEVEL_NAMES.map((name, level) => `${level} – ${name}`), NA];

const clean = (text: string) => text.replace(/\r\n?/g, "\n").trim();

/** A stable fingerprint of what a row says (line endings and outer spaces do not count). */
export function fingerprint(a: SheetAnswer): string {
  const normal = a.notApplicable
    ? ["na", clean(a.naReason), clean(a.notes)]
    : [a.level === null ? "" : String(a.level), "", clean(a.notes)];
  return createHash("sha256").update(JSON.stringify(normal)).digest("base64url").slice(0, 16);
}

export interface ChecklistSheet {
  /** The sheet's tab name (unique in the workbook, at most 31 characters). */
  title: string;
  pilotId: string;
  pilotName: string;
  assessmentId: string | null;
  framework: VersionContent;
  answers: Map<string, SheetAnswer & { version: number }>;
}

const COLUMNS = [
  { header: "Pillar", key: "pillar", width: 18 },
  { header: "Key", key: "key", width: 22 },
  { header: "Criterion", key: "title", width: 34 },
  { header: "Guidance", key: "guidance", width: 50 },
  ...LEVEL_NAMES.map((name, level) => ({ header: `Level ${level} – ${name}`, key: `level${level}`, width: 32 })),
  { header: "Level", key: "level", width: 16 },
  { header: "N/A reason", key: "naReason", width: 30 },
  { header: "Notes", key: "notes", width: 40 },
  { header: "Answer version", key: "version", width: 10 },
  { header: "Exported as", key: "exported", width: 18 },
] as const;
const col = (key: (typeof COLUMNS)[number]["key"]) => COLUMNS.findIndex((c) => c.key === key) + 1;

const META_SHEET = "preflight";

/** A sheet tab name Excel accepts: no []:*?/\, at most 31 characters, unique. */
function tabName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, " ")
      .trim()
      .slice(0, 28) || "Checklist";
  let title = base;
  for (let n = 2; taken.has(title.toLowerCase()); n++) title = `${base.slice(0, 26)} ${n}`;
  taken.add(title.toLowerCase());
  return title;
}

export function sheetTitle(name: string, taken: Set<string>) {
  return tabName(name, taken);
}

export async function writeChecklistWorkbook(sheets: ChecklistSheet[], exportedAt: Date): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Preflight";
  const meta = workbook.addWorksheet(META_SHEET, { state: "veryHidden" });
  meta.addRow(["sheet", "pilotId", "assessmentId", "frameworkVersionId", "exportedAt"]);
  for (const s of sheets) {
    meta.addRow([s.title, s.pilotId, s.assessmentId ?? "", s.framework.id, exportedAt.toISOString()]);
    const ws = workbook.addWorksheet(s.title, { views: [{ state: "frozen", ySplit: 1, xSplit: 3 }] });
    ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    ws.getRow(1).font = { bold: true };
    ws.getColumn(col("version")).hidden = true;
    ws.getColumn(col("exported")).hidden = true;
    for (const pillar of s.framework.pillars) {
      for (const c of pillar.criteria) {
        const answer = s.answers.get(c.key);
        const value = answer ?? EMPTY_ANSWER;
        const row = ws.addRow({
          pillar: pillar.title,
          key: c.key,
          title: c.title,
          guidance: c.guidance,
          ...Object.fromEntries(c.levels.map((text, level) => [`level${level}`, text])),
          level: value.notApplicable ? NA : value.level === null ? "" : LEVEL_CHOICES[value.level],
          naReason: value.notApplicable ? value.naReason : "",
          notes: value.notes,
          version: answer?.version ?? 0,
          exported: fingerprint(value),
        });
        row.alignment = { vertical: "top", wrapText: true };
        row.getCell(col("level")).dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [`"${LEVEL_CHOICES.join(",")}"`],
          showErrorMessage: true,
          errorTitle: "Level",
          error: "Choose a level from the list, or N/A.",
        };
      }
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** One criterion row as read back. */
export interface ReadRow {
  line: number;
  key: string;
  answer: SheetAnswer;
  /** Null when the level cell holds something that is not a level. */
  levelError: string | null;
  exportedVersion: number | null;
  exportedPrint: string | null;
}

export interface ReadSheet {
  title: string;
  pilotId: string | null;
  assessmentId: string | null;
  rows: ReadRow[];
}

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && !(value instanceof Date)) {
    if ("richText" in value) return value.richText.map((p) => p.text).join("");
    if ("result" in value) return value.result === undefined || value.result === null ? "" : String(value.result);
    if ("text" in value) return String(value.text);
    return "";
  }
  return String(value);
}

function readLevel(raw: string): { level: number | null; na: boolean } | null {
  const t = raw.trim();
  if (t === "") return { level: null, na: false };
  if (/^(n\/?a|not applicable)$/i.test(t)) return { level: null, na: true };
  const m = /^([0-3])(\b|$)/.exec(t);
  return m ? { level: Number(m[1]), na: false } : null;
}

/** Reads every checklist sheet of a workbook Preflight exported (or one laid out like it). */
export async function readChecklistWorkbook(bytes: Uint8Array): Promise<ReadSheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw badFile("This file is not a checklist workbook. Upload the .xlsx file Preflight exported, filled in.");
  }
  const meta = new Map<string, { pilotId: string; assessmentId: string }>();
  workbook.getWorksheet(META_SHEET)?.eachRow((row, line) => {
    if (line === 1) return;
    meta.set(text(row.getCell(1).value), {
      pilotId: text(row.getCell(2).value),
      assessmentId: text(row.getCell(3).value),
    });
  });
  const sheets: ReadSheet[] = [];
  for (const ws of workbook.worksheets) {
    if (ws.name === META_SHEET) continue;
    const headings = (ws.getRow(1).values as ExcelJS.CellValue[]).map((v) => text(v).trim().toLowerCase());
    const at = (heading: string) => headings.indexOf(heading.toLowerCase());
    const [keyCol, levelCol, reasonCol, notesCol] = ["Key", "Level", "N/A reason", "Notes"].map(at);
    if (keyCol! < 1 || levelCol! < 1) continue;
    const versionCol = at("Answer version");
    const exportedCol = at("Exported as");
    const rows: ReadRow[] = [];
    ws.eachRow((row, line) => {
      if (line === 1) return;
      const key = text(row.getCell(keyCol!).value).trim();
      if (!key) return;
      const rawLevel = text(row.getCell(levelCol!).value);
      const level = readLevel(rawLevel);
      const version = versionCol > 0 ? Number(text(row.getCell(versionCol).value)) : NaN;
      rows.push({
        line,
        key,
        answer: {
          level: level?.level ?? null,
          notApplicable: level?.na ?? false,
          naReason: reasonCol! > 0 ? clean(text(row.getCell(reasonCol!).value)) : "",
          notes: notesCol! > 0 ? clean(text(row.getCell(notesCol!).value)) : "",
        },
        levelError: level ? null : `"${rawLevel.trim()}" is not a level: choose 0, 1, 2, 3 or N/A from the list.`,
        exportedVersion: Number.isInteger(version) && version >= 0 ? version : null,
        exportedPrint: exportedCol > 0 ? text(row.getCell(exportedCol).value).trim() || null : null,
      });
    });
    const m = meta.get(ws.name);
    sheets.push({ title: ws.name, pilotId: m?.pilotId || null, assessmentId: m?.assessmentId || null, rows });
  }
  if (sheets.length === 0) {
    throw badFile("No checklist found in this workbook: a sheet needs the Key and Level columns Preflight exported.");
  }
  return sheets;
}
