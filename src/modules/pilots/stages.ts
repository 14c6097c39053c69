import type { PilotStage } from "@/generated/prisma/enums";

export const STAGES = [
  "IDEA",
  "PILOT",
  "PRODUCTION_INTENT",
  "PRODUCTION",
  "RETIRED",
] as const satisfies readonly PilotStage[];

export const STAGE_LABELS: Record<PilotStage, string> = {
  IDEA: "Idea",
  PILOT: "Pilot",
  PRODUCTION_INTENT: "Production intent",
  PRODUCTION: "Production",
  RETIRED: "Retired",
};

export const STAGE_DESCRIPTIONS: Record<PilotStage, string> = {
  IDEA: "Proposed; no working prototype yet",
  PILOT: "A working prototype used by a few people",
  PRODUCTION_INTENT: "Approved to go to production; closing the gaps",
  PRODUCTION: "Running in production for its real users",
  RETIRED: "Switched off or abandoned",
};

/** Cost per outcome, when both figures are known and outcomes are positive. */
export function costPerOutcome(monthlyRunCost: number | null, outcomesPerMonth: number | null): number | null {
  if (monthlyRunCost == null || outcomesPerMonth == null || outcomesPerMonth <= 0) return null;
  return monthlyRunCost / outcomesPerMonth;
}

/** Stages a pilot has no production date to meet in any more: it got there, or it stopped. */
const FINISHED_STAGES: readonly PilotStage[] = ["PRODUCTION", "RETIRED"];

/**
 * True when the target production date has passed — it is before today (UTC, as dates are
 * stored and shown) — and the pilot is neither in production nor retired. A pilot whose target
 * is today is not overdue yet.
 */
export function isOverdue(targetProductionDate: Date | null, stage: PilotStage, now: Date = new Date()): boolean {
  if (!targetProductionDate || FINISHED_STAGES.includes(stage)) return false;
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return targetProductionDate.getTime() < today;
}
