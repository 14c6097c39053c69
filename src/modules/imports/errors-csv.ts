import Papa from "papaparse";
import { IMPORT_FIELD_LABELS } from "./fields";
import type { ImportRowView, RowError } from "./types";

/** "Owner email: Enter a valid email address…; Stage: …" */
export function errorText(errors: readonly RowError[]): string {
  return errors
    .map((e) => (e.field === "row" ? e.message : `${IMPORT_FIELD_LABELS[e.field]}: ${e.message}`))
    .join("; ");
}

/**
 * The rows that were not imported, as a CSV to fix and upload again: the file's own columns as
 * they were, then the row's number and what is wrong. The two extra headings map to no field,
 * so a re-upload ignores them. Cells starting with = + - @ are quoted with a leading apostrophe
 * so a spreadsheet opening the file does not run them as formulas.
 */
export function errorsCsv(headers: readonly string[], rows: readonly ImportRowView[]): string {
  const data = rows.map((r) => [...headers.map((_, i) => r.cells?.[i] ?? ""), String(r.line), errorText(r.errors)]);
  return `\uFEFF${Papa.unparse({ fields: [...headers, "Row in file", "Import errors"], data }, { escapeFormulae: true })}`;
}
