import type { PilotStage } from "@/generated/prisma/enums";
import { VERDICT_LABELS } from "@/modules/assessments/shared";
import { plural } from "@/lib/format";
import type { Verdict } from "@/modules/scoring";
import { STAGE_LABELS } from "./stages";

/**
 * The stage gate on the way to production. A move up towards production — to Production intent
 * from Idea, Pilot or Retired, or to Production from anywhere else — needs a reason when the
 * pilot's latest completed assessment did not find it ready enough: its verdict is Blocked, Not
 * ready or Incomplete, or it has no completed assessment at all. Moves that pass the gate, and
 * moves down or sideways, need none. Pure: the pilot form and `updatePilot` share it.
 */

/** How far along the way to production a stage is; only a move to a higher rank is gated. */
const PRODUCTION_RANK: Record<PilotStage, number> = {
  IDEA: 0,
  PILOT: 0,
  RETIRED: 0,
  PRODUCTION_INTENT: 1,
  PRODUCTION: 2,
};

/** Verdicts that let a pilot move towards production without a reason. */
export const GATE_PASSING_VERDICTS: readonly Verdict[] = ["READY", "CONDITIONAL"];

/** The pilot's latest completed assessment, as far as the gate is concerned. */
export interface LatestReadiness {
  verdict: Verdict;
  /** Gates below their target level. */
  gatesUnmet: number;
}

export function isGatedMove(from: PilotStage, to: PilotStage): boolean {
  return PRODUCTION_RANK[to] > PRODUCTION_RANK[from];
}

/** True when moving `from` → `to` with this latest assessment (null: none) needs a reason. */
export function needsStageReason(from: PilotStage, to: PilotStage, latest: LatestReadiness | null): boolean {
  return isGatedMove(from, to) && (latest === null || !GATE_PASSING_VERDICTS.includes(latest.verdict));
}

/** "Latest verdict: Blocked — 2 gates unmet." or "No completed assessment yet." */
export function readinessSummary(latest: LatestReadiness | null): string {
  if (!latest) return "No completed assessment yet, so its readiness is unknown.";
  const gates = latest.gatesUnmet > 0 ? ` — ${plural(latest.gatesUnmet, "gate")} unmet` : "";
  return `Latest verdict: ${VERDICT_LABELS[latest.verdict]}${gates}.`;
}

/** The confirmation the form asks: "Latest verdict: Blocked — 2 gates unmet. Move to Production anyway?" */
export function stageGateQuestion(to: PilotStage, latest: LatestReadiness | null): string {
  return `${readinessSummary(latest)} Move to ${STAGE_LABELS[to]} anyway?`;
}

/** The field error when the reason is missing. */
export function stageReasonRequired(to: PilotStage, latest: LatestReadiness | null): string {
  return `${readinessSummary(latest)} Give a reason to move this pilot to ${STAGE_LABELS[to]} anyway.`;
}
