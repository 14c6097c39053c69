import type { ImportField, ImportRowStatus } from "./fields";
import type { ColumnMapping } from "./mapping";

export interface RowError {
  field: ImportField | "row";
  message: string;
}

/** One row as the preview shows it; `cells` (as text) only for rows with errors, for the errors CSV. */
export interface ImportRowView {
  line: number;
  status: ImportRowStatus;
  name: string;
  externalId: string | null;
  errors: RowError[];
  cells?: string[];
}

export interface ImportPreview {
  fileName: string;
  kind: "csv" | "xlsx";
  headers: string[];
  /** The first value under each heading, to help map the columns. */
  samples: string[];
  /** The mapping used: the one sent, else the detected one. */
  mapping: ColumnMapping;
  /** The mapping Preflight detected from the headings, to reset to. */
  detected: ColumnMapping;
  /** Required fields no column fills: new pilots cannot be created without them. */
  unmappedRequired: ImportField[];
  counts: Record<ImportRowStatus, number>;
  rows: ImportRowView[];
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows not imported, with their cells, for "Download errors (CSV)". */
  errors: ImportRowView[];
  headers: string[];
}

export type ChecklistRowStatus = "unchanged" | "change" | "conflict" | "error";

/** One criterion of an imported checklist: what the answer is now (`from`) and what the sheet says (`to`). */
export interface ChecklistRowView {
  line: number;
  key: string;
  title: string;
  from: string;
  to: string;
  status: ChecklistRowStatus;
  message?: string;
}

export interface ChecklistPreview {
  sheet: string;
  counts: Record<ChecklistRowStatus, number>;
  rows: ChecklistRowView[];
}

export interface ChecklistResult {
  applied: number;
  /** Conflicts left as they are in Preflight. */
  conflictsSkipped: number;
  /** Criteria someone changed between the preview and the import: not written. */
  changedMeanwhile: string[];
  unchanged: number;
  errors: number;
}
