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
