import "server-only";
import { db } from "@/lib/db";
import { AppError, conflict, isAppError, notFound } from "@/lib/errors";
import { idSchema, isCleanText } from "@/lib/validation";
import { assertCan, type Actor } from "@/modules/access/shared";
import { answerInputSchema, getAssessment, saveAnswer, type AnswerView } from "@/modules/assessments";
import { currentPublishedVersionId, loadVersionContent } from "@/modules/frameworks";
import {
  EMPTY_ANSWER,
  fingerprint,
  readChecklistWorkbook,
  sheetTitle,
  writeChecklistWorkbook,
  type ChecklistSheet,
  type ReadSheet,
  type SheetAnswer,
} from "./checklist-workbook";
import { IMPORT_LIMITS } from "./fields";
import { badFile, tooLarge } from "./parse";
import type { ChecklistPreview, ChecklistResult, ChecklistRowView } from "./types";
import type { Upload } from "./service";

const toSheetAnswer = (a: AnswerView): SheetAnswer & { version: number } => ({
  level: a.notApplicable ? null : a.level,
  notApplicable: a.notApplicable,
  naReason: a.naReason ?? "",
  notes: a.notes,
  version: a.version,
});

/** The assessment's checklist as a workbook, answers as they are now. Any member may download it. */
export async function exportAssessmentChecklist(actor: Actor, assessmentId: string) {
  assertCan(actor, "org:read");
  const detail = await getAssessment(actor, assessmentId);
  const sheet: ChecklistSheet = {
    title: sheetTitle(detail.pilot.name, new Set()),
    pilotId: detail.pilot.id,
    pilotName: detail.pilot.name,
    assessmentId: detail.id,
    framework: detail.framework,
    answers: new Map(detail.answers.map((a) => [a.criterionKey, toSheetAnswer(a)])),
  };
  return { bytes: await writeChecklistWorkbook([sheet], new Date()), pilotName: detail.pilot.name };
}

export const MAX_BLANK_CHECKLISTS = 50;

/**
 * Blank checklists of the current published framework version, one sheet per pilot, to hand out
 * before the pilots are assessed. Another organisation's pilot ids match nothing (404).
 */
export async function exportBlankChecklists(actor: Actor, pilotIds: string[]) {
  assertCan(actor, "org:read");
  const ids = [...new Set(pilotIds)];
  // A malformed id names no pilot: 404, like one from another organisation, before any query.
  if (ids.some((id) => !idSchema.safeParse(id).success || !isCleanText(id))) throw notFound("Pilot not found.");
  if (ids.length === 0 || ids.length > MAX_BLANK_CHECKLISTS) {
    const message = `Choose between 1 and ${MAX_BLANK_CHECKLISTS} pilots.`;
    throw new AppError("BAD_REQUEST", message, { pilot: [message] });
  }
  const pilots = await db.pilot.findMany({
    where: { id: { in: ids }, organizationId: actor.organizationId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  if (pilots.length !== ids.length) throw notFound("Pilot not found.");
  const framework = await loadVersionContent(actor, await currentPublishedVersionId(actor));
  const taken = new Set<string>();
  const sheets: ChecklistSheet[] = pilots.map((p) => ({
    title: sheetTitle(p.name, taken),
    pilotId: p.id,
    pilotName: p.name,
    assessmentId: null,
    framework,
    answers: new Map(),
  }));
  return { bytes: await writeChecklistWorkbook(sheets, new Date()), pilots };
}

/** The sheet meant for this assessment: the one exported from it, else its pilot's, else the only one. */
function pickSheet(sheets: ReadSheet[], assessmentId: string, pilotId: string): ReadSheet {
  const sheet =
    sheets.find((s) => s.assessmentId === assessmentId) ??
    sheets.find((s) => s.pilotId === pilotId && !s.assessmentId) ??
    (sheets.length === 1 && !sheets[0]!.pilotId ? sheets[0] : undefined);
  if (!sheet) {
    throw badFile(
      "This workbook holds no checklist for this pilot's assessment. Download the checklist from this page (or a blank one for this pilot) and fill in that one.",
    );
  }
  return sheet;
}

const summary = (a: SheetAnswer) =>
  a.notApplicable ? `N/A (${a.naReason || "no reason"})` : a.level === null ? "No answer" : `Level ${a.level}`;

interface PlannedChange {
  key: string;
  expectedVersion: number;
  answer: SheetAnswer;
  evidence: AnswerView["evidence"];
}

/**
 * What importing the filled checklist would change, criterion by criterion: unchanged, a change,
 * a conflict (someone changed the answer in Preflight since the export, and the sheet's row was
 * edited too), or an error. Writes nothing.
 */
async function planChecklist(actor: Actor, assessmentId: string, upload: Upload) {
  if (upload.bytes.byteLength > IMPORT_LIMITS.bytes) throw badFile(tooLarge(upload.bytes.byteLength));
  const detail = await getAssessment(actor, assessmentId);
  if (detail.status !== "IN_PROGRESS") {
    throw conflict("This assessment is closed: a checklist can only be imported into an open assessment.");
  }
  const sheet = pickSheet(await readChecklistWorkbook(upload.bytes), detail.id, detail.pilot.id);
  const criteria = new Map(
    detail.framework.pillars.flatMap((p) => p.criteria.map((c) => [c.key, { title: c.title, pillar: p.title }])),
  );
  const answers = new Map(detail.answers.map((a) => [a.criterionKey, a]));
  const rows: (ChecklistRowView & { change?: PlannedChange })[] = [];
  const seen = new Set<string>();
  for (const row of sheet.rows) {
    const criterion = criteria.get(row.key);
    const base = { line: row.line, key: row.key, title: criterion?.title ?? row.key, to: summary(row.answer) };
    const current = answers.get(row.key);
    const now = current ? toSheetAnswer(current) : { ...EMPTY_ANSWER, version: 0 };
    const from = summary(now);
    if (!criterion) {
      rows.push({
        ...base,
        from: "",
        status: "error",
        message: "Not a criterion of this assessment's framework version.",
      });
      continue;
    }
    if (seen.has(row.key)) {
      rows.push({ ...base, from, status: "error", message: "This criterion appears twice in the sheet." });
      continue;
    }
    seen.add(row.key);
    if (row.levelError) {
      rows.push({ ...base, from, status: "error", message: row.levelError });
      continue;
    }
    const sheetPrint = fingerprint(row.answer);
    if (sheetPrint === fingerprint(now)) {
      rows.push({ ...base, from, status: "unchanged" });
      continue;
    }
    if (row.exportedPrint !== null && sheetPrint === row.exportedPrint) {
      // The row was not edited offline; the answer changed in Preflight since: the newer one stays.
      rows.push({
        ...base,
        from,
        status: "unchanged",
        message: "Changed in Preflight since the export; the sheet's row was not edited, so that answer stays.",
      });
      continue;
    }
    const checked = answerInputSchema.safeParse({
      criterionKey: row.key,
      expectedVersion: now.version,
      level: row.answer.notApplicable ? null : row.answer.level,
      notApplicable: row.answer.notApplicable,
      naReason: row.answer.notApplicable ? row.answer.naReason : null,
      notes: row.answer.notes,
      evidence: current?.evidence ?? [],
    });
    if (!checked.success) {
      rows.push({ ...base, from, status: "error", message: checked.error.issues[0]!.message });
      continue;
    }
    const change = {
      key: row.key,
      expectedVersion: now.version,
      answer: row.answer,
      evidence: current?.evidence ?? [],
    };
    if (row.exportedVersion === null || row.exportedVersion !== now.version) {
      const who = current?.updatedBy ? ` by ${current.updatedBy}` : "";
      rows.push({
        ...base,
        from,
        status: "conflict",
        message: `Changed in Preflight${who} since this checklist was exported. Importing would replace that answer.`,
        change,
      });
      continue;
    }
    rows.push({ ...base, from, status: "change", change });
  }
  return { detail, sheet, rows };
}

function counts(rows: { status: ChecklistRowView["status"] }[]) {
  const c = { unchanged: 0, change: 0, conflict: 0, error: 0 };
  for (const r of rows) c[r.status]++;
  return c;
}

export async function previewChecklistImport(
  actor: Actor,
  assessmentId: string,
  upload: Upload,
): Promise<ChecklistPreview> {
  assertCan(actor, "assessment:write");
  const { sheet, rows } = await planChecklist(actor, assessmentId, upload);
  return {
    sheet: sheet.title,
    counts: counts(rows),
    rows: rows.map(({ change: _change, ...view }) => view),
  };
}

/**
 * Writes the sheet's changes through the assessment's own answer saving (saveAnswer: its version
 * check, its row lock, scoring left to the engine). Conflicts are skipped unless
 * `overwriteConflicts` says the user saw them and wants the sheet's answers. An answer changed
 * between the preview and this call is refused by saveAnswer's version check and reported.
 */
export async function applyChecklistImport(
  actor: Actor,
  assessmentId: string,
  upload: Upload,
  options: { overwriteConflicts?: boolean } = {},
): Promise<ChecklistResult> {
  assertCan(actor, "assessment:write");
  const { rows } = await planChecklist(actor, assessmentId, upload);
  let applied = 0;
  const refused: string[] = [];
  for (const row of rows) {
    if (!row.change) continue;
    if (row.status === "conflict" && !options.overwriteConflicts) continue;
    const { key, expectedVersion, answer, evidence } = row.change;
    try {
      await saveAnswer(actor, assessmentId, {
        criterionKey: key,
        expectedVersion,
        level: answer.notApplicable ? null : answer.level,
        notApplicable: answer.notApplicable,
        naReason: answer.notApplicable ? answer.naReason : null,
        notes: answer.notes,
        evidence,
      });
      applied++;
    } catch (error) {
      if (isAppError(error) && error.code === "CONFLICT") refused.push(row.title);
      else throw error;
    }
  }
  const c = counts(rows);
  return {
    applied,
    conflictsSkipped: options.overwriteConflicts ? 0 : c.conflict,
    changedMeanwhile: refused,
    unchanged: c.unchanged,
    errors: c.error,
  };
}
