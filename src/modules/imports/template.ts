import "server-only";
import ExcelJS from "exceljs";
import { STAGE_LABELS, STAGES } from "@/modules/pilots/shared";
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, IMPORT_LIMITS, REQUIRED_IMPORT_FIELDS } from "./fields";

const HINTS: Partial<Record<(typeof IMPORT_FIELDS)[number], string>> = {
  externalId:
    "Your own reference for the pilot (optional). A re-import updates the pilot with the same ID, else the one with the same name.",
  stage: `One of: ${STAGES.map((s) => STAGE_LABELS[s]).join(", ")}. POC, Proof of concept, Live and In production are understood too. Blank: Pilot.`,
  startDate: "A date (YYYY-MM-DD or a date cell).",
  targetProductionDate: "A date (YYYY-MM-DD or a date cell), on or after the start date.",
  monthlyRunCost: "Whole currency units per month.",
  tags: "Separated by commas.",
  ownerEmail: "Needs the owner's name as well.",
};

/** An empty register with the headings the import recognises, a stage drop-down and a help sheet. */
export async function importTemplate(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Preflight";
  const sheet = workbook.addWorksheet("Pilots", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = IMPORT_FIELDS.map((field) => ({
    header: IMPORT_FIELD_LABELS[field],
    key: field,
    width: field === "summary" || field === "workflow" || field === "targetOutcome" ? 40 : 18,
    style: field === "startDate" || field === "targetProductionDate" ? { numFmt: "yyyy-mm-dd" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  const stageColumn = IMPORT_FIELDS.indexOf("stage") + 1;
  const stages = `"${STAGES.map((s) => STAGE_LABELS[s]).join(",")}"`;
  for (let r = 2; r <= 501; r++) {
    sheet.getCell(r, stageColumn).dataValidation = { type: "list", allowBlank: true, formulae: [stages] };
  }
  const help = workbook.addWorksheet("How to fill in");
  help.columns = [
    { header: "Column", key: "column", width: 22 },
    { header: "Required for a new pilot", key: "required", width: 24 },
    { header: "What to write", key: "hint", width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const field of IMPORT_FIELDS) {
    help.addRow({
      column: IMPORT_FIELD_LABELS[field],
      required: REQUIRED_IMPORT_FIELDS.includes(field) ? "Yes" : "",
      hint: HINTS[field] ?? "",
    });
  }
  help.addRow({});
  help.addRow({
    column: "Limits",
    hint: `Up to ${IMPORT_LIMITS.rows.toLocaleString("en")} rows and ${IMPORT_LIMITS.bytes / 1024 / 1024} MB per file. Only the first sheet with data is read.`,
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
