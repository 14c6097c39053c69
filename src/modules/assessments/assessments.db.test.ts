import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAccount, createMember, createTestPilot } from "@/modules/demo";
import { DEFAULT_FRAMEWORK } from "@/modules/frameworks";
import { completeAssessment, getAssessment, listPilotAssessments, saveAnswer, startAssessment } from "./service";

const allKeys = DEFAULT_FRAMEWORK.pillars.flatMap((p) => p.criteria.map((c) => c.key));
const gateKeys = DEFAULT_FRAMEWORK.pillars.flatMap((p) => p.criteria.filter((c) => c.isGate).map((c) => c.key));

async function setup() {
  const owner = await createAccount();
  const { id: pilotId } = await createTestPilot(owner);
  const { id } = await startAssessment(owner, pilotId);
  return { owner, pilotId, id };
}

async function answerAll(actor: Parameters<typeof saveAnswer>[0], id: string, level: 0 | 1 | 2 | 3) {
  for (const criterionKey of allKeys) await saveAnswer(actor, id, { criterionKey, expectedVersion: 0, level });
}

describe("assessments", () => {
  it("pins the organisation's published framework version and keeps one open assessment per pilot", async () => {
    const { owner, pilotId, id } = await setup();
    const again = await startAssessment(owner, pilotId);
    expect(again).toEqual({ id, created: false });
    const detail = await getAssessment(owner, id);
    expect(detail.framework.version).toBe(1);
    expect(detail.framework.status).toBe("PUBLISHED");
    expect(detail.framework.pillars.map((p) => p.key)).toEqual([
      "data",
      "evaluation",
      "guardrails",
      "observability",
      "operations",
      "ownership",
    ]);
    expect(detail.score.verdict).toBe("INCOMPLETE");
    expect(detail.score.coverage).toBe(0);
  });

  it("saves answers with versions, N/A with a reason, notes and evidence", async () => {
    const { owner, id } = await setup();
    const first = await saveAnswer(owner, id, {
      criterionKey: "data.scheduled-feed",
      expectedVersion: 0,
      level: 2,
      notes: "Nightly job",
      evidence: [{ url: "https://wiki.example.com/feeds", label: "Feed runbook" }],
    });
    expect(first).toMatchObject({ level: 2, version: 1, notes: "Nightly job", evidence: [{ label: "Feed runbook" }] });
    const second = await saveAnswer(owner, id, { criterionKey: "data.scheduled-feed", expectedVersion: 1, level: 3 });
    expect(second.version).toBe(2);
    const na = await saveAnswer(owner, id, {
      criterionKey: "guardrails.fairness",
      expectedVersion: 0,
      notApplicable: true,
      naReason: "No decisions about people",
    });
    expect(na).toMatchObject({ notApplicable: true, level: null, naReason: "No decisions about people" });
    const detail = await getAssessment(owner, id);
    expect(detail.answers).toHaveLength(2);
    expect(detail.score.answered).toBe(1);
    // The save answers what is stored (written in one raw statement: same instants, in UTC).
    const stored = detail.answers.find((a) => a.criterionKey === "data.scheduled-feed")!;
    expect(second).toEqual(stored);
    expect(second.updatedBy).toBe("Test User");
    expect(Math.abs(Date.parse(second.updatedAt) - Date.now())).toBeLessThan(60_000);
    expect(second.confirmedAt).toBe(second.updatedAt);
  });

  it("refuses bad input with a field error and changes nothing", async () => {
    const { owner, id } = await setup();
    await expect(
      saveAnswer(owner, id, { criterionKey: "data.scheduled-feed", expectedVersion: 0, level: 4 }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { level: ["Level must be 0, 1, 2 or 3."] },
    });
    await expect(
      saveAnswer(owner, id, { criterionKey: "data.no-such-thing", expectedVersion: 0, level: 1 }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { criterionKey: [expect.stringContaining("not a criterion")] },
    });
    await expect(
      saveAnswer(owner, id, { criterionKey: "data.scheduled-feed", expectedVersion: 0, notApplicable: true }),
    ).rejects.toMatchObject({
      fieldErrors: { naReason: ["Say why this criterion does not apply."] },
    });
    await expect(
      saveAnswer(owner, id, {
        criterionKey: "data.scheduled-feed",
        expectedVersion: 0,
        level: 1,
        evidence: [{ url: "javascript:alert(1)", label: "x" }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.assessmentAnswer.count({ where: { assessmentId: id } })).toBe(0);
  });

  it("refuses a criterion of another framework version", async () => {
    const { owner, id } = await setup();
    // A second version of the same framework with a criterion the pinned version lacks.
    const pinned = await db.assessment.findUniqueOrThrow({
      where: { id },
      select: { frameworkVersion: { select: { frameworkId: true } } },
    });
    const v2 = await db.frameworkVersion.create({
      data: { frameworkId: pinned.frameworkVersion.frameworkId, version: 2 },
    });
    const pillar = await db.frameworkPillar.create({
      data: { versionId: v2.id, key: "extra", title: "Extra", description: "", position: 0 },
    });
    await db.frameworkCriterion.create({
      data: {
        versionId: v2.id,
        pillarId: pillar.id,
        key: "extra.only-in-v2",
        title: "Only in v2",
        whyItMatters: "",
        guidance: "",
        levels: ["a", "b", "c", "d"],
        weight: 1,
        remediation: "",
        position: 0,
      },
    });
    await expect(
      saveAnswer(owner, id, { criterionKey: "extra.only-in-v2", expectedVersion: 0, level: 1 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses a stale write and returns the current answer", async () => {
    const { owner, id } = await setup();
    const editor = await createMember(owner, "EDITOR");
    await saveAnswer(owner, id, { criterionKey: "ownership.owning-team", expectedVersion: 0, level: 1, notes: "mine" });
    await saveAnswer(editor, id, {
      criterionKey: "ownership.owning-team",
      expectedVersion: 1,
      level: 3,
      notes: "theirs",
    });
    const stale = saveAnswer(owner, id, {
      criterionKey: "ownership.owning-team",
      expectedVersion: 1,
      level: 2,
      notes: "mine again",
    });
    await expect(stale).rejects.toMatchObject({
      code: "CONFLICT",
      details: { current: { level: 3, notes: "theirs", version: 2, updatedBy: "Member" } },
    });
    // Two first answers to the same criterion: the second is a conflict too.
    await saveAnswer(owner, id, { criterionKey: "data.quality-checks", expectedVersion: 0, level: 1 });
    await expect(
      saveAnswer(editor, id, { criterionKey: "data.quality-checks", expectedVersion: 0, level: 2 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("completes with a stored snapshot, after which the assessment is read-only", async () => {
    const { owner, pilotId, id } = await setup();
    await answerAll(owner, id, 3);
    const score = await completeAssessment(owner, id);
    expect(score.verdict).toBe("READY");
    expect(score.readiness).toBe(100);
    const row = await db.assessment.findUniqueOrThrow({ where: { id }, include: { pillarScores: true, gaps: true } });
    expect(row).toMatchObject({
      status: "COMPLETED",
      verdict: "READY",
      readinessScore: 100,
      coverage: 1,
      openForPilotId: null,
    });
    expect(row.pillarScores).toHaveLength(6);
    expect(row.gaps).toHaveLength(0);
    expect((await db.pilot.findUniqueOrThrow({ where: { id: pilotId } })).latestAssessmentId).toBe(id);

    await expect(
      saveAnswer(owner, id, { criterionKey: "data.scheduled-feed", expectedVersion: 1, level: 0 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(completeAssessment(owner, id)).rejects.toMatchObject({ code: "CONFLICT" });

    // A new assessment can start now, and the history lists both.
    const next = await startAssessment(owner, pilotId);
    expect(next.created).toBe(true);
    expect((await listPilotAssessments(owner, pilotId)).map((a) => a.status)).toEqual(["IN_PROGRESS", "COMPLETED"]);
  });

  it("stores ranked gaps, gates first, and a BLOCKED verdict when a gate is short", async () => {
    const { owner, id } = await setup();
    for (const criterionKey of allKeys) {
      await saveAnswer(owner, id, { criterionKey, expectedVersion: 0, level: gateKeys.includes(criterionKey) ? 1 : 3 });
    }
    const score = await completeAssessment(owner, id);
    expect(score.verdict).toBe("BLOCKED");
    const gaps = await db.assessmentGap.findMany({ where: { assessmentId: id }, orderBy: { rank: "asc" } });
    expect(gaps.length).toBe(gateKeys.length);
    expect(gaps.every((g) => g.isGate)).toBe(true);
    expect(gaps[0]!.remediation.length).toBeGreaterThan(10);
  });

  it("answers another organisation's assessment ids with not found and changes nothing", async () => {
    const { owner, pilotId, id } = await setup();
    const other = await createAccount();
    await expect(getAssessment(other, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      saveAnswer(other, id, { criterionKey: "data.scheduled-feed", expectedVersion: 0, level: 3 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(completeAssessment(other, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(startAssessment(other, pilotId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await listPilotAssessments(other, pilotId)).toEqual([]);
    const detail = await getAssessment(owner, id);
    expect(detail.answers).toHaveLength(0);
    expect(detail.status).toBe("IN_PROGRESS");
  });

  it("lets viewers read but not answer, start or complete", async () => {
    const { owner, pilotId, id } = await setup();
    const viewer = await createMember(owner, "VIEWER");
    expect((await getAssessment(viewer, id)).id).toBe(id);
    await expect(
      saveAnswer(viewer, id, { criterionKey: "data.scheduled-feed", expectedVersion: 0, level: 3 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(startAssessment(viewer, pilotId)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(completeAssessment(viewer, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
