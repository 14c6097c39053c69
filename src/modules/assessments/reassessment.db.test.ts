import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/modules/access/shared";
import { createAccount, createMember, createTestPilot } from "@/modules/demo";
import {
  addCriterion,
  createDraftFromVersion,
  currentPublishedVersionId,
  DEFAULT_FRAMEWORK,
  loadVersionContent,
  publishDraft,
  removeCriterion,
} from "@/modules/frameworks";
import { getPilot, listPilots } from "@/modules/pilots";
import { getPortfolio } from "@/modules/portfolio";
import {
  completeAssessment,
  discardAssessment,
  getAssessment,
  getChangesSincePrevious,
  latestCompleted,
  listPilotAssessments,
  saveAnswer,
  startAssessment,
  unconfirmedCount,
  type AnswerView,
} from "./service";

const allKeys = DEFAULT_FRAMEWORK.pillars.flatMap((p) => p.criteria.map((c) => c.key));
const EVIDENCE = [{ url: "https://wiki.example.com/feeds", label: "Feed runbook" }];

/** Answers every criterion of the default framework at `level`, except those in `except`. */
async function answerAll(actor: Actor, id: string, level: 0 | 1 | 2 | 3, except: Record<string, object> = {}) {
  for (const criterionKey of allKeys) {
    await saveAnswer(actor, id, { criterionKey, expectedVersion: 0, level, ...except[criterionKey] });
  }
}

/** A pilot with one completed assessment answered at `level` everywhere, with a few special answers. */
async function assessedPilot(level: 0 | 1 | 2 | 3 = 2) {
  const owner = await createAccount();
  const { id: pilotId } = await createTestPilot(owner);
  const { id: firstId } = await startAssessment(owner, pilotId);
  await answerAll(owner, firstId, level, {
    "data.scheduled-feed": { level: 1, notes: "Exported by hand on Mondays", evidence: EVIDENCE },
    "guardrails.fairness": {
      level: null,
      notApplicable: true,
      naReason: "No decisions about people",
      notes: "HR agreed",
    },
  });
  await completeAssessment(owner, firstId);
  return { owner, pilotId, firstId };
}

const byKey = (answers: AnswerView[]) => new Map(answers.map((a) => [a.criterionKey, a]));

/** Publishes v2 of the organisation's framework: one criterion added to `data`, one removed. */
async function publishV2(owner: Actor, remove: string) {
  const draft = await createDraftFromVersion(owner, await currentPublishedVersionId(owner));
  const content = await loadVersionContent(owner, draft.id);
  const data = content.pillars.find((p) => p.key === "data")!;
  const removed = content.pillars.flatMap((p) => p.criteria).find((c) => c.key === remove)!;
  await removeCriterion(owner, removed.id);
  const added = await addCriterion(owner, data.id, {
    keySuffix: "retention-policy",
    title: "A data retention policy",
    whyItMatters: "Data kept forever is a liability.",
    guidance: "Look for a written retention period per source.",
    levels: ["None", "Informal", "Written", "Enforced automatically"],
    weight: 2,
    isGate: false,
    targetLevel: 2,
    remediation: "Write down how long each source is kept.",
  });
  await publishDraft(owner, draft.id);
  return { addedKey: added.key };
}

describe("re-assessment starts from the last one", () => {
  it("carries the answers over by criterion key, across a version with an added and a removed criterion", async () => {
    const { owner, pilotId, firstId } = await assessedPilot(2);
    const { addedKey } = await publishV2(owner, "operations.retraining");

    const { id, created } = await startAssessment(owner, pilotId);
    expect(created).toBe(true);
    const detail = await getAssessment(owner, id);
    expect(detail.framework.version).toBe(2);
    const answers = byKey(detail.answers);
    // Every criterion of v1 that v2 still has is carried over; the removed one is dropped, the new one empty.
    expect(detail.answers).toHaveLength(allKeys.length - 1);
    expect(answers.has("operations.retraining")).toBe(false);
    expect(answers.has(addedKey)).toBe(false);
    expect(detail.answers.every((a) => a.carriedOver && a.confirmedAt === null && a.version === 1)).toBe(true);
    // Level, N/A with its reason, notes and evidence links are copied.
    expect(answers.get("data.scheduled-feed")).toMatchObject({
      level: 1,
      notApplicable: false,
      notes: "Exported by hand on Mondays",
      evidence: EVIDENCE,
    });
    expect(answers.get("guardrails.fairness")).toMatchObject({
      level: null,
      notApplicable: true,
      naReason: "No decisions about people",
      notes: "HR agreed",
    });
    expect(answers.get("ownership.on-call")).toMatchObject({ level: 2, notApplicable: false });
    // Each copy points at the answer it came from.
    const copies = await db.assessmentAnswer.findMany({
      where: { assessmentId: id },
      select: { carriedOverFrom: { select: { assessmentId: true } } },
    });
    expect(copies.every((c) => c.carriedOverFrom?.assessmentId === firstId)).toBe(true);
    expect(detail.carryOver).toMatchObject({
      from: { id: firstId },
      carried: allKeys.length - 1,
      unchanged: allKeys.length - 1,
      unconfirmed: allKeys.length - 1,
    });
    expect(unconfirmedCount(detail)).toBe(allKeys.length - 1);
    // The new criterion is unanswered, so the verdict is incomplete until it is answered.
    expect(detail.score.verdict).toBe("INCOMPLETE");

    // Completed as it is, the change list names the added and the removed criterion.
    await saveAnswer(owner, id, { criterionKey: addedKey, expectedVersion: 0, level: 2 });
    await completeAssessment(owner, id);
    const changes = await getChangesSincePrevious(owner, id);
    expect(changes).toMatchObject({
      previous: { id: firstId },
      changed: [],
      unchanged: allKeys.length - 1,
      added: [{ key: addedKey, title: "A data retention policy", after: { kind: "level", level: 2 } }],
      removed: [{ key: "operations.retraining", before: { kind: "level", level: 2 } }],
    });
  });

  it("gives two people starting at once the same assessment, carried over once", async () => {
    const { owner, pilotId } = await assessedPilot(2);
    const editor = await createMember(owner, "EDITOR");
    const [a, b] = await Promise.all([startAssessment(owner, pilotId), startAssessment(editor, pilotId)]);
    expect(a.id).toBe(b.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await db.assessmentAnswer.count({ where: { assessmentId: a.id } })).toBe(allKeys.length);
  });

  it("starts empty without a completed assessment, and never from an open or discarded one", async () => {
    const owner = await createAccount();
    const { id: pilotId } = await createTestPilot(owner);
    const { id } = await startAssessment(owner, pilotId);
    await answerAll(owner, id, 3);
    await discardAssessment(owner, id);
    const next = await startAssessment(owner, pilotId);
    const detail = await getAssessment(owner, next.id);
    expect(detail.answers).toEqual([]);
    expect(detail.carryOver).toBeNull();
    expect(await getChangesSincePrevious(owner, next.id)).toBeNull();
  });

  it("confirms an answer on save, even unchanged, and counts the unchanged carried-over answers at completion", async () => {
    const { owner, pilotId } = await assessedPilot(2);
    const editor = await createMember(owner, "EDITOR");
    const { id } = await startAssessment(editor, pilotId);

    // Saved unchanged: confirmed, still unchanged.
    const confirmed = await saveAnswer(editor, id, {
      criterionKey: "guardrails.fairness",
      expectedVersion: 1,
      notApplicable: true,
      naReason: "No decisions about people",
      notes: "HR agreed",
    });
    expect(confirmed).toMatchObject({ carriedOver: true, version: 2, updatedBy: "Member" });
    expect(confirmed.confirmedAt).not.toBeNull();
    // Changed: confirmed, no longer unchanged. A note alone is a change of the answer too.
    await saveAnswer(editor, id, { criterionKey: "evaluation.test-set", expectedVersion: 1, level: 3 });
    await saveAnswer(editor, id, {
      criterionKey: "data.scheduled-feed",
      expectedVersion: 1,
      level: 1,
      notes: "Now a nightly job",
      evidence: EVIDENCE,
    });
    // An answer carried over but saved from a stale version is refused like any other stale write.
    await expect(
      saveAnswer(owner, id, { criterionKey: "evaluation.test-set", expectedVersion: 1, level: 2 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const open = await getAssessment(owner, id);
    expect(unconfirmedCount(open)).toBe(allKeys.length - 3);
    expect(open.carryOver).toMatchObject({
      carried: allKeys.length,
      unchanged: allKeys.length - 2,
      unconfirmed: allKeys.length - 3,
    });

    // Completing with unconfirmed answers is allowed (the page asks first); the counts stay.
    const score = await completeAssessment(owner, id);
    expect(score.verdict).not.toBe("INCOMPLETE");
    const done = await getAssessment(owner, id);
    expect(done.status).toBe("COMPLETED");
    expect(done.carryOver).toMatchObject({
      carried: allKeys.length,
      unchanged: allKeys.length - 2,
      unconfirmed: allKeys.length - 3,
    });
  });

  it("lists per criterion what changed since the previous assessment", async () => {
    const { owner, pilotId, firstId } = await assessedPilot(2);
    const { id } = await startAssessment(owner, pilotId);
    const save = (criterionKey: string, values: object) =>
      saveAnswer(owner, id, { criterionKey, expectedVersion: 1, ...values });
    await save("data.scheduled-feed", { level: 3 }); // 1 → 3
    await save("evaluation.test-set", { level: 1 }); // 2 → 1
    await save("guardrails.fairness", { level: 2 }); // N/A → 2
    await save("observability.drift", { notApplicable: true, naReason: "Inputs are fixed forms" }); // 2 → N/A
    await save("ownership.runbook", { level: 2, notes: "Reviewed" }); // notes only: not a change of outcome
    await completeAssessment(owner, id);

    const first = await db.assessment.findUniqueOrThrow({ where: { id: firstId }, select: { completedAt: true } });
    const changes = await getChangesSincePrevious(owner, id);
    expect(changes).not.toBeNull();
    expect(changes!.previous).toEqual({ id: firstId, completedAt: first.completedAt!.toISOString() });
    expect(changes!.changed).toEqual([
      {
        key: "data.scheduled-feed",
        title: "Scheduled, governed data feed",
        pillarTitle: expect.any(String),
        before: { kind: "level", level: 1 },
        after: { kind: "level", level: 3 },
        direction: "up",
      },
      expect.objectContaining({
        key: "evaluation.test-set",
        before: { kind: "level", level: 2 },
        after: { kind: "level", level: 1 },
        direction: "down",
      }),
      expect.objectContaining({
        key: "guardrails.fairness",
        before: { kind: "na" },
        after: { kind: "level", level: 2 },
        direction: "changed",
      }),
      expect.objectContaining({
        key: "observability.drift",
        before: { kind: "level", level: 2 },
        after: { kind: "na" },
        direction: "changed",
      }),
    ]);
    expect(changes!.unchanged).toBe(allKeys.length - 4);
    expect(changes!.added).toEqual([]);
    expect(changes!.removed).toEqual([]);
    // The first assessment has nothing before it.
    expect(await getChangesSincePrevious(owner, firstId)).toBeNull();
    // Another organisation's id is not found.
    await expect(getChangesSincePrevious(await createAccount(), id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("back where you stopped", () => {
  it("opens at the step of the first unanswered or unconfirmed criterion, and at the review when none is left", async () => {
    const owner = await createAccount();
    const { id: pilotId } = await createTestPilot(owner);
    const { id } = await startAssessment(owner, pilotId);
    const pillars = DEFAULT_FRAMEWORK.pillars;
    expect((await getAssessment(owner, id)).resumeStep).toBe(0);
    for (const c of [...pillars[0]!.criteria, ...pillars[1]!.criteria]) {
      await saveAnswer(owner, id, { criterionKey: c.key, expectedVersion: 0, level: 2 });
    }
    expect((await getAssessment(owner, id)).resumeStep).toBe(2);
    // An N/A answer counts as answered.
    for (const c of pillars[2]!.criteria) {
      await saveAnswer(owner, id, { criterionKey: c.key, expectedVersion: 0, notApplicable: true, naReason: "n/a" });
    }
    expect((await getAssessment(owner, id)).resumeStep).toBe(3);
    for (const c of pillars.slice(3).flatMap((p) => p.criteria)) {
      await saveAnswer(owner, id, { criterionKey: c.key, expectedVersion: 0, level: 2 });
    }
    expect((await getAssessment(owner, id)).resumeStep).toBe(pillars.length);
    await completeAssessment(owner, id);

    // A re-assessment: everything is carried over, so it opens where the first unconfirmed answer is.
    const next = await startAssessment(owner, pilotId);
    expect((await getAssessment(owner, next.id)).resumeStep).toBe(0);
    for (const c of [...pillars[0]!.criteria, ...pillars[1]!.criteria, ...pillars[2]!.criteria]) {
      const current = (await getAssessment(owner, next.id)).answers.find((a) => a.criterionKey === c.key)!;
      await saveAnswer(owner, next.id, { ...current, expectedVersion: current.version });
    }
    expect((await getAssessment(owner, next.id)).resumeStep).toBe(3);
  });
});

describe("discarding an open assessment", () => {
  it("records who discarded it and when, keeps it out of every score, and lets the pilot start again", async () => {
    const { owner, pilotId, firstId } = await assessedPilot(3);
    const editor = await createMember(owner, "EDITOR");
    const now = new Date();
    const before = await getPortfolio(owner, {}, now);

    const { id } = await startAssessment(editor, pilotId);
    // Answers that would make the pilot look much worse, had they counted.
    for (const criterionKey of allKeys) await saveAnswer(editor, id, { criterionKey, expectedVersion: 1, level: 0 });
    // One minute later than now: the discard is the newest event in the history.
    const discardedAt = new Date(Date.now() + 60_000);
    expect(await discardAssessment(editor, id, { now: discardedAt })).toEqual({ pilotId });

    const detail = await getAssessment(owner, id);
    expect(detail).toMatchObject({
      status: "DISCARDED",
      discardedBy: "Member",
      discardedAt: discardedAt.toISOString(),
      completedAt: null,
    });
    // In the pilot's history, with who and when; never the latest.
    const history = await listPilotAssessments(owner, pilotId);
    expect(history.map((a) => [a.id, a.status])).toEqual([
      [id, "DISCARDED"],
      [firstId, "COMPLETED"],
    ]);
    expect(history[0]).toMatchObject({ discardedBy: "Member", discardedAt, verdict: null, readinessScore: null });
    expect((await latestCompleted(owner, pilotId))?.id).toBe(firstId);
    expect((await db.pilot.findUniqueOrThrow({ where: { id: pilotId } })).latestAssessmentId).toBe(firstId);
    // Neither the portfolio nor its trend moved.
    expect(await getPortfolio(owner, {}, now)).toEqual(before);

    // It can no longer change.
    await expect(
      saveAnswer(editor, id, { criterionKey: allKeys[0]!, expectedVersion: 2, level: 1 }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("discarded") });
    await expect(completeAssessment(editor, id)).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(discardAssessment(editor, id)).rejects.toMatchObject({ code: "CONFLICT" });
    // A completed assessment cannot be discarded.
    await expect(discardAssessment(editor, firstId)).rejects.toMatchObject({ code: "CONFLICT" });

    // The pilot can start again, from the last completed assessment (not from the discarded one).
    const again = await startAssessment(editor, pilotId);
    expect(again.created).toBe(true);
    const fresh = await getAssessment(owner, again.id);
    expect(fresh.carryOver?.from.id).toBe(firstId);
    expect(fresh.answers).toHaveLength(allKeys.length);
    expect(fresh.answers.some((a) => a.level === 0)).toBe(false);
    expect(byKey(fresh.answers).get("ownership.on-call")?.level).toBe(3);
  });

  it("leaves a pilot whose only assessment was discarded not assessed", async () => {
    const owner = await createAccount();
    const { id: pilotId } = await createTestPilot(owner, { name: "Only discarded" });
    const { id } = await startAssessment(owner, pilotId);
    await answerAll(owner, id, 3);
    await discardAssessment(owner, id);
    expect((await listPilots(owner, { verdict: "NOT_ASSESSED" })).items.map((p) => p.name)).toEqual(["Only discarded"]);
    expect((await getPortfolio(owner)).headline.assessed).toBe(0);
    expect(await latestCompleted(owner, pilotId)).toBeNull();
  });

  it("answers another organisation's id with not found and a viewer with forbidden, changing nothing", async () => {
    const owner = await createAccount();
    const { id: pilotId } = await createTestPilot(owner);
    const { id } = await startAssessment(owner, pilotId);
    const viewer = await createMember(owner, "VIEWER");
    const stranger = await createAccount();
    await expect(discardAssessment(stranger, id)).rejects.toMatchObject({ code: "NOT_FOUND", status: 404 });
    await expect(discardAssessment(viewer, id)).rejects.toMatchObject({ code: "FORBIDDEN", status: 403 });
    await expect(discardAssessment(owner, "no-such-assessment")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const row = await db.assessment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "IN_PROGRESS", openForPilotId: pilotId, discardedAt: null });
    expect((await getPilot(owner, pilotId)).id).toBe(pilotId);
  });
});
