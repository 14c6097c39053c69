import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { createAccount, createMember, createTestPilot } from "@/modules/demo";
import { completeAssessment, getAssessment, saveAnswer, startAssessment } from "@/modules/assessments";
import { DEFAULT_FRAMEWORK } from "@/modules/frameworks";
import { changedTables, fingerprint } from "../../../tests/support/fingerprint";
import {
  applyChecklistImport,
  exportAssessmentChecklist,
  exportBlankChecklists,
  previewChecklistImport,
} from "./checklist";

const keys = DEFAULT_FRAMEWORK.pillars.flatMap((p) => p.criteria.map((c) => c.key));
const [A, B, C, D, E] = keys as [string, string, string, string, string];

/** Opens an exported workbook, lets `edit` change Level / N/A reason / Notes by criterion key, and saves it. */
async function fillIn(
  bytes: Uint8Array,
  edits: Record<string, { level?: string; naReason?: string; notes?: string }>,
  sheetIndex = 0,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as never);
  const sheet = workbook.worksheets.filter((w) => w.state === "visible")[sheetIndex]!;
  const headings = (sheet.getRow(1).values as unknown[]).map(String);
  const col = (h: string) => headings.indexOf(h);
  sheet.eachRow((row, line) => {
    if (line === 1) return;
    const edit = edits[String(row.getCell(col("Key")).value)];
    if (!edit) return;
    if (edit.level !== undefined) row.getCell(col("Level")).value = edit.level;
    if (edit.naReason !== undefined) row.getCell(col("N/A reason")).value = edit.naReason;
    if (edit.notes !== undefined) row.getCell(col("Notes")).value = edit.notes;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const file = (bytes: Uint8Array) => ({ bytes, fileName: "checklist.xlsx" });

async function levels(actor: Parameters<typeof getAssessment>[0], id: string) {
  const detail = await getAssessment(actor, id);
  return Object.fromEntries(detail.answers.map((a) => [a.criterionKey, a.notApplicable ? "N/A" : a.level]));
}

describe("checklist offline and back", () => {
  it("exports one row per criterion with guidance, level descriptions and a level drop-down", async () => {
    const owner = await createAccount();
    const pilot = await createTestPilot(owner, { name: "Claims triage" });
    const { id } = await startAssessment(owner, pilot.id);
    await saveAnswer(owner, id, { criterionKey: A, expectedVersion: 0, level: 2, notes: "Nightly job" });
    const { bytes } = await exportAssessmentChecklist(owner, id);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as never);
    const sheet = workbook.worksheets.find((w) => w.state === "visible")!;
    expect(sheet.name).toBe("Claims triage");
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      "Pillar",
      "Key",
      "Criterion",
      "Guidance",
      "Level 0 – Absent",
      "Level 1 – Ad hoc",
      "Level 2 – Defined",
      "Level 3 – Automated",
      "Level",
      "N/A reason",
      "Notes",
      "Answer version",
      "Exported as",
    ]);
    expect(sheet.actualRowCount).toBe(keys.length + 1);
    const first = sheet.getRow(2);
    const criterion = DEFAULT_FRAMEWORK.pillars[0]!.criteria[0]!;
    expect(first.getCell(2).value).toBe(A);
    expect(first.getCell(4).value).toBe(criterion.guidance);
    expect(first.getCell(8).value).toBe(criterion.levels[3]);
    expect(first.getCell(9).value).toBe("2 – Defined");
    expect(first.getCell(9).dataValidation).toMatchObject({ type: "list" });
    expect(first.getCell(11).value).toBe("Nightly job");
    expect(first.getCell(12).value).toBe(1);
    expect(sheet.getColumn(12).hidden).toBe(true);
  });

  it("shows what would change first, applies it through the answer service, and never silently overwrites a newer answer", async () => {
    const owner = await createAccount();
    const colleague = await createMember(owner, "EDITOR");
    const pilot = await createTestPilot(owner);
    const { id } = await startAssessment(owner, pilot.id);
    await saveAnswer(owner, id, { criterionKey: A, expectedVersion: 0, level: 1 });
    await saveAnswer(owner, id, { criterionKey: B, expectedVersion: 0, level: 2 });
    await saveAnswer(owner, id, { criterionKey: E, expectedVersion: 0, level: 1 });
    const exported = (await exportAssessmentChecklist(owner, id)).bytes;

    // Offline, the client raises A, lowers B, marks C not applicable without a reason and D with one.
    const filled = await fillIn(exported, {
      [A]: { level: "3 – Automated", notes: "Runs on every merge" },
      [B]: { level: "0" },
      [C]: { level: "N/A" },
      [D]: { level: "N/A", naReason: "No personal data" },
    });
    // Meanwhile, in Preflight, a colleague changes B and E.
    await saveAnswer(colleague, id, { criterionKey: B, expectedVersion: 1, level: 3 });
    await saveAnswer(colleague, id, { criterionKey: E, expectedVersion: 1, level: 2 });

    const before = await fingerprint();
    const preview = await previewChecklistImport(owner, id, file(filled));
    expect(changedTables(before, await fingerprint())).toEqual([]);
    const byKey = new Map(preview.rows.map((r) => [r.key, r]));
    expect(byKey.get(A)).toMatchObject({ status: "change", from: "Level 1", to: "Level 3" });
    expect(byKey.get(B)).toMatchObject({ status: "conflict", from: "Level 3", to: "Level 0" });
    expect(byKey.get(B)!.message).toMatch(/Changed in Preflight by .+ since this checklist was exported/);
    expect(byKey.get(C)).toMatchObject({ status: "error", message: "Say why this criterion does not apply." });
    expect(byKey.get(D)).toMatchObject({ status: "change", to: "N/A (No personal data)" });
    // E was not edited offline: the newer answer in Preflight stays.
    expect(byKey.get(E)).toMatchObject({ status: "unchanged", message: expect.stringMatching(/stays/) });
    expect(preview.counts).toEqual({ change: 2, conflict: 1, error: 1, unchanged: keys.length - 4 });

    const result = await applyChecklistImport(owner, id, file(filled));
    expect(result).toMatchObject({ applied: 2, conflictsSkipped: 1, changedMeanwhile: [], errors: 1 });
    expect(await levels(owner, id)).toMatchObject({ [A]: 3, [B]: 3, [D]: "N/A", [E]: 2 });
    const detail = await getAssessment(owner, id);
    expect(detail.answers.find((a) => a.criterionKey === A)).toMatchObject({
      notes: "Runs on every merge",
      version: 2,
    });

    // Importing again changes nothing more; asked to overwrite, it replaces B and says so by counting it.
    const again = await previewChecklistImport(owner, id, file(filled));
    expect(again.counts).toMatchObject({ change: 0, conflict: 1 });
    const overwrite = await applyChecklistImport(owner, id, file(filled), { overwriteConflicts: true });
    expect(overwrite).toMatchObject({ applied: 1, conflictsSkipped: 0 });
    expect(await levels(owner, id)).toMatchObject({ [B]: 0 });
  });

  it("a blank checklist per chosen pilot imports into that pilot's open assessment", async () => {
    const owner = await createAccount();
    const one = await createTestPilot(owner, { name: "Alpha" });
    const two = await createTestPilot(owner, { name: "Beta" });
    const { bytes } = await exportBlankChecklists(owner, [two.id, one.id]);
    const filled = await fillIn(bytes, { [A]: { level: "2" } }, 1); // Beta's sheet (sheets in name order)
    const { id: betaAssessment } = await startAssessment(owner, two.id);
    const preview = await previewChecklistImport(owner, betaAssessment, file(filled));
    expect(preview.sheet).toBe("Beta");
    expect(preview.counts).toMatchObject({ change: 1, conflict: 0, error: 0 });
    await applyChecklistImport(owner, betaAssessment, file(filled));
    expect(await levels(owner, betaAssessment)).toEqual({ [A]: 2 });

    // Alpha's assessment does not take Beta's answers: its own (blank) sheet changes nothing.
    const { id: alphaAssessment } = await startAssessment(owner, one.id);
    expect((await previewChecklistImport(owner, alphaAssessment, file(filled))).counts.change).toBe(0);
  });

  it("refuses a closed assessment, another organisation's, a viewer, and a file that is no checklist", async () => {
    const owner = await createAccount();
    const stranger = await createAccount();
    const viewer = await createMember(owner, "VIEWER");
    const pilot = await createTestPilot(owner);
    const { id } = await startAssessment(owner, pilot.id);
    const { bytes } = await exportAssessmentChecklist(owner, id);
    await expect(previewChecklistImport(stranger, id, file(bytes))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(exportAssessmentChecklist(stranger, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(exportBlankChecklists(stranger, [pilot.id])).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(applyChecklistImport(viewer, id, file(bytes))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(previewChecklistImport(owner, id, file(new TextEncoder().encode("a,b\n")))).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    for (const key of keys) await saveAnswer(owner, id, { criterionKey: key, expectedVersion: 0, level: 2 });
    await completeAssessment(owner, id);
    await expect(previewChecklistImport(owner, id, file(bytes))).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
