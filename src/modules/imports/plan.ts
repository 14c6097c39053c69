import { z } from "zod";
import type { PilotStage } from "@/generated/prisma/enums";
import { isCleanText } from "@/lib/validation";
import {
  needsStageReason,
  pilotInputSchema,
  STAGE_LABELS,
  STAGES,
  stageReasonRequired,
  type LatestReadiness,
  type PilotFormValues,
  type PilotInput,
} from "@/modules/pilots/shared";
import { cellDate, cellEmail, cellTags, cellText, cellWholeNumber, isBlankCell } from "./cells";
import {
  DEFAULT_IMPORT_STAGE,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type ImportField,
  type ImportRowStatus,
} from "./fields";
import { normalise, stageFromText, type ColumnMapping } from "./mapping";
import type { Cell, ParsedSheet } from "./parse";
import type { RowError } from "./types";

export type { RowError };

/**
 * Each row of a sheet → what importing it would do: create a pilot, update one (matched by the
 * ID column when the row has one, else by name, ignoring case), leave one unchanged, or nothing
 * because of errors. Pure: the service reads the organisation's pilots, this decides. The pilot
 * form's own schema validates every row, so an imported pilot obeys the same rules as a typed one.
 */

/** A pilot of the organisation as the import compares against it. */
export interface ExistingPilot {
  id: string;
  externalId: string | null;
  version: number;
  stage: PilotStage;
  values: PilotFormValues;
  latest: LatestReadiness | null;
}

export interface PlannedRow {
  line: number;
  status: ImportRowStatus;
  /** The pilot's name as the row gives it (or as it is, for an update that leaves it out). */
  name: string;
  externalId: string | null;
  errors: RowError[];
  /** Set for new and updated rows: what to write. */
  input?: PilotInput;
  /** Set for updated and unchanged rows: the pilot it matched and the version it was read at. */
  match?: { id: string; version: number; stage: PilotStage };
  cells: Cell[];
}

const externalIdSchema = z
  .string()
  .max(100, "Use at most 100 characters.")
  .refine(isCleanText, "Remove the control characters from this field.");

const STAGE_LIST = STAGES.map((s) => STAGE_LABELS[s]).join(", ");

/** A mapped cell as the form's text; an error when it cannot be read as its field. */
function fieldValue(field: ImportField, cell: Cell): { value: string } | { error: string } {
  switch (field) {
    case "startDate":
    case "targetProductionDate": {
      const d = cellDate(cell);
      return d.ok ? { value: d.value } : { error: d.message };
    }
    case "stage": {
      const stage = stageFromText(cellText(cell));
      return stage
        ? { value: stage }
        : { error: `"${cellText(cell)}" is not a stage we know. Use one of: ${STAGE_LIST} (or POC, Live…).` };
    }
    case "monthlyRunCost":
    case "outcomesPerMonth":
      return { value: cellWholeNumber(cell) };
    case "tags":
      return { value: cellTags(cell) };
    case "ownerEmail":
      return { value: cellEmail(cell) };
    default:
      return { value: cellText(cell) };
  }
}

/** Where the form's fields are named like the import's (all but the ID). */
type FormField = Exclude<ImportField, "externalId">;
const FORM_FIELDS = IMPORT_FIELDS.filter((f): f is FormField => f !== "externalId");

function comparable(input: PilotInput): string {
  return JSON.stringify(FORM_FIELDS.map((f) => input[f]));
}

export function planRows(sheet: ParsedSheet, mapping: ColumnMapping, existing: readonly ExistingPilot[]): PlannedRow[] {
  const byExternalId = new Map<string, ExistingPilot>();
  const byName = new Map<string, ExistingPilot[]>();
  for (const p of existing) {
    if (p.externalId) byExternalId.set(p.externalId, p);
    const key = normalise(p.values.name ?? "");
    byName.set(key, [...(byName.get(key) ?? []), p]);
  }
  const seen = new Map<string, number>();
  const columnOf = new Map<ImportField, number>();
  mapping.forEach((field, i) => field && !columnOf.has(field) && columnOf.set(field, i));

  return sheet.rows.map(({ line, cells }) => {
    const errors: RowError[] = [];
    const raw: Partial<Record<ImportField, string>> = {};
    for (const [field, column] of columnOf) {
      const cell = cells[column] ?? null;
      if (isBlankCell(cell)) continue;
      const v = fieldValue(field, cell);
      if ("error" in v) errors.push({ field, message: v.error });
      else raw[field] = v.value;
    }
    const externalId = raw.externalId ?? null;
    if (externalId !== null) {
      const checked = externalIdSchema.safeParse(externalId);
      if (!checked.success) errors.push({ field: "externalId", message: checked.error.issues[0]!.message });
    }

    // The pilot this row is about: by ID first; by name when no pilot has that ID yet and the
    // pilot of that name has none either (a register imported before without its ID column).
    const nameKey = normalise(raw.name ?? "");
    let match: ExistingPilot | undefined;
    if (externalId !== null) match = byExternalId.get(externalId);
    if (!match && nameKey) {
      const named = (byName.get(nameKey) ?? []).filter((p) => externalId === null || p.externalId === null);
      if (named.length > 1) {
        errors.push({
          field: "name",
          message: `${named.length} pilots are already called "${raw.name}": add an ID column to say which one this row is.`,
        });
      } else match = named[0];
    }

    const rowKey = match ? `pilot:${match.id}` : externalId !== null ? `id:${externalId}` : `name:${nameKey}`;
    const earlier = nameKey || externalId !== null || match ? seen.get(rowKey) : undefined;
    if (earlier !== undefined) {
      errors.push({ field: "row", message: `Row ${earlier} already imports this pilot; keep one of the two rows.` });
    } else if (nameKey || externalId !== null) seen.set(rowKey, line);

    // A blank cell leaves an existing pilot's value as it is; a new pilot starts from the form's defaults.
    const values: Record<string, unknown> = match ? { ...match.values } : { stage: DEFAULT_IMPORT_STAGE };
    for (const field of FORM_FIELDS) if (raw[field] !== undefined) values[field] = raw[field];
    const failed = new Set(errors.map((e) => e.field));
    const parsed = pilotInputSchema.safeParse(values);
    if (!parsed.success) {
      const flat = z.flattenError(parsed.error).fieldErrors as Partial<Record<FormField, string[]>>;
      for (const field of FORM_FIELDS) {
        const message = flat[field]?.[0];
        if (!message || failed.has(field)) continue;
        const missing = !match && REQUIRED_IMPORT_FIELDS.includes(field) && !columnOf.has(field);
        errors.push({
          field,
          message: missing ? `No column is mapped to ${IMPORT_FIELD_LABELS[field]}, which a new pilot needs.` : message,
        });
      }
    }
    if (match && parsed.success && match.stage !== parsed.data.stage) {
      if (needsStageReason(match.stage, parsed.data.stage, match.latest)) {
        errors.push({
          field: "stage",
          message: `${stageReasonRequired(parsed.data.stage, match.latest)} Change the stage on the pilot's page, where you can give one.`,
        });
      }
    }

    const name = typeof values.name === "string" ? values.name.trim() : "";
    const base = { line, name, externalId, cells, errors };
    if (errors.length > 0 || !parsed.success) return { ...base, status: "error" as const };
    const input = parsed.data;
    if (!match) return { ...base, status: "new" as const, input };
    const target = { id: match.id, version: match.version, stage: match.stage };
    const before = pilotInputSchema.safeParse(match.values);
    const same =
      before.success &&
      comparable(before.data) === comparable(input) &&
      (externalId ?? match.externalId) === match.externalId;
    return same
      ? { ...base, status: "unchanged" as const, match: target }
      : { ...base, status: "update" as const, input, match: target };
  });
}

/** The counts the preview and the summary show. */
export function countStatuses(rows: readonly Pick<PlannedRow, "status">[]): Record<ImportRowStatus, number> {
  const counts: Record<ImportRowStatus, number> = { new: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}
