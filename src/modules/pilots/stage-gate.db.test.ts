import { describe, expect, it } from "vitest";
import type { PilotStage } from "@/generated/prisma/enums";
import type { Actor } from "@/modules/access/shared";
import { completeAssessment, discardAssessment, saveAnswer, startAssessment } from "@/modules/assessments";
import { createAccount, createTestPilot, pilotValues } from "@/modules/demo";
import { DEFAULT_FRAMEWORK } from "@/modules/frameworks";
import type { Verdict } from "@/modules/scoring";
import { getPilot, updatePilot } from "./service";
import { needsStageReason, stageGateQuestion } from "./stage-gate";

const criteria = DEFAULT_FRAMEWORK.pillars.flatMap((p) => p.criteria);

/** Answers that produce each verdict with the default framework (see docs/scoring.md). */
const PLANS: Record<Exclude<Verdict, "INCOMPLETE">, (c: (typeof criteria)[number]) => number> = {
  READY: () => 3,
  // Every gate at its target, the rest at 2: the weakest pillar scores 66.7.
  CONDITIONAL: (c) => (c.isGate ? c.targetLevel : 2),
  // Every gate at its target, the rest absent: the weakest pillar scores far below 50.
  NOT_READY: (c) => (c.isGate ? c.targetLevel : 0),
  // Two gates short of their target.
  BLOCKED: (c) => (c.key === "data.scheduled-feed" || c.key === "ownership.owning-team" ? 1 : 3),
};

async function assess(actor: Actor, pilotId: string, verdict: Verdict): Promise<void> {
  const { id } = await startAssessment(actor, pilotId);
  if (verdict !== "INCOMPLETE") {
    for (const c of criteria) {
      await saveAnswer(actor, id, { criterionKey: c.key, expectedVersion: 0, level: PLANS[verdict](c) });
    }
  }
  const score = await completeAssessment(actor, id);
  expect(score.verdict).toBe(verdict);
}

/** A pilot at `stage` (created there), optionally with a completed assessment of `verdict`. */
async function pilotAt(stage: PilotStage, verdict?: Verdict) {
  const owner = await createAccount();
  const { id } = await createTestPilot(owner, { name: "Gated pilot", stage });
  if (verdict) await assess(owner, id, verdict);
  return { owner, id };
}

const move = (actor: Actor, id: string, stage: PilotStage, version: number, extra: object = {}) =>
  updatePilot(actor, id, { ...pilotValues({ name: "Gated pilot", stage }), expectedVersion: version, ...extra });

describe("the stage gate on the way to production", () => {
  it("refuses a move towards production without a reason when the pilot was never assessed, changing nothing", async () => {
    const { owner, id } = await pilotAt("PILOT");
    for (const stageReason of [undefined, "", "   "]) {
      await expect(
        updatePilot(owner, id, {
          ...pilotValues({ name: "Renamed on the way", stage: "PRODUCTION_INTENT" }),
          expectedVersion: 1,
          stageReason,
        }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
        status: 400,
        fieldErrors: {
          stageReason: [
            "No completed assessment yet, so its readiness is unknown. Give a reason to move this pilot to Production intent anyway.",
          ],
        },
      });
    }
    const pilot = await getPilot(owner, id);
    expect(pilot).toMatchObject({ name: "Gated pilot", stage: "PILOT", version: 1 });
    expect(pilot.stageChanges).toHaveLength(1);
  });

  it("names the verdict and the unmet gates, then accepts the move with a reason and keeps it in the history", async () => {
    const { owner, id } = await pilotAt("PILOT", "BLOCKED");
    await expect(move(owner, id, "PRODUCTION_INTENT", 1)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: {
        stageReason: [
          "Latest verdict: Blocked — 2 gates unmet. Give a reason to move this pilot to Production intent anyway.",
        ],
      },
      details: { latest: { verdict: "BLOCKED", gatesUnmet: 2 } },
    });
    expect((await getPilot(owner, id)).stage).toBe("PILOT");

    const reason = "  Approved by the steering group; gates to be closed before go-live.  ";
    expect(await move(owner, id, "PRODUCTION_INTENT", 1, { stageReason: reason })).toEqual({ version: 2 });
    // Production intent → Production is gated too.
    await expect(move(owner, id, "PRODUCTION", 2)).rejects.toMatchObject({
      fieldErrors: {
        stageReason: [
          "Latest verdict: Blocked — 2 gates unmet. Give a reason to move this pilot to Production anyway.",
        ],
      },
    });
    await move(owner, id, "PRODUCTION", 2, { stageReason: "Launch date fixed by the regulator" });

    const pilot = await getPilot(owner, id);
    expect(pilot.stage).toBe("PRODUCTION");
    expect(pilot.stageChanges.map((c) => [c.fromStage, c.toStage, c.reason])).toEqual([
      ["PRODUCTION_INTENT", "PRODUCTION", "Launch date fixed by the regulator"],
      ["PILOT", "PRODUCTION_INTENT", "Approved by the steering group; gates to be closed before go-live."],
      [null, "PILOT", null],
    ]);
  });

  it("asks for a reason after a Not ready or Incomplete verdict too", async () => {
    for (const verdict of ["NOT_READY", "INCOMPLETE"] as const) {
      const { owner, id } = await pilotAt("PRODUCTION_INTENT", verdict);
      await expect(move(owner, id, "PRODUCTION", 1)).rejects.toMatchObject({
        code: "BAD_REQUEST",
        fieldErrors: {
          stageReason: [expect.stringMatching(/^Latest verdict: (Not ready|Incomplete)\. Give a reason/)],
        },
      });
      expect((await getPilot(owner, id)).stage).toBe("PRODUCTION_INTENT");
    }
  });

  it("needs no reason when the latest verdict is Ready or Conditional", async () => {
    for (const verdict of ["READY", "CONDITIONAL"] as const) {
      const { owner, id } = await pilotAt("PILOT", verdict);
      await move(owner, id, "PRODUCTION_INTENT", 1);
      await move(owner, id, "PRODUCTION", 2);
      const pilot = await getPilot(owner, id);
      expect(pilot.stage).toBe("PRODUCTION");
      expect(pilot.stageChanges.every((c) => c.reason === null)).toBe(true);
    }
  });

  it("judges by the latest completed assessment: an open or discarded one does not count", async () => {
    const { owner, id } = await pilotAt("PILOT", "READY");
    const { id: open } = await startAssessment(owner, id);
    for (const c of criteria) await saveAnswer(owner, open, { criterionKey: c.key, expectedVersion: 1, level: 0 });
    await discardAssessment(owner, open);
    await move(owner, id, "PRODUCTION_INTENT", 1);
    expect((await getPilot(owner, id)).stage).toBe("PRODUCTION_INTENT");
  });

  it("needs no reason for moves away from production, sideways, or edits that keep the stage", async () => {
    const { owner, id } = await pilotAt("PRODUCTION");
    await move(owner, id, "PRODUCTION", 1, { tags: "renamed" }); // no stage change
    await move(owner, id, "PILOT", 2);
    await move(owner, id, "IDEA", 3);
    await move(owner, id, "RETIRED", 4);
    await move(owner, id, "PILOT", 5);
    expect((await getPilot(owner, id)).stage).toBe("PILOT");
    // A stale edit is still a conflict, whatever the gate would say.
    await expect(move(owner, id, "PRODUCTION", 1)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("words the question the form asks", () => {
    expect(stageGateQuestion("PRODUCTION", { verdict: "BLOCKED", gatesUnmet: 2 })).toBe(
      "Latest verdict: Blocked — 2 gates unmet. Move to Production anyway?",
    );
    expect(stageGateQuestion("PRODUCTION_INTENT", { verdict: "NOT_READY", gatesUnmet: 0 })).toBe(
      "Latest verdict: Not ready. Move to Production intent anyway?",
    );
    expect(stageGateQuestion("PRODUCTION", null)).toBe(
      "No completed assessment yet, so its readiness is unknown. Move to Production anyway?",
    );
    expect(needsStageReason("RETIRED", "PRODUCTION", { verdict: "BLOCKED", gatesUnmet: 1 })).toBe(true);
    expect(needsStageReason("PRODUCTION", "PRODUCTION_INTENT", null)).toBe(false);
    expect(needsStageReason("PILOT", "PRODUCTION", { verdict: "CONDITIONAL", gatesUnmet: 0 })).toBe(false);
  });
});
