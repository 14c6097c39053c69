import type { PilotStage } from "@/generated/prisma/enums";
import { NOT_ASSESSED, type VerdictFilter } from "../filters";

/** Stages before production: their run cost is the "spend on pilots not yet in production". */
export const PRE_PRODUCTION_STAGES = ["IDEA", "PILOT", "PRODUCTION_INTENT"] as const satisfies readonly PilotStage[];
/** A pilot stalls when it stays in one of these longer than `stalledDays`. */
export const STALL_STAGES = ["PILOT", "PRODUCTION_INTENT"] as const satisfies readonly PilotStage[];
/**
 * A pilot not yet in production (IDEA, PILOT, PRODUCTION_INTENT) also stalls when it has no
 * completed assessment in this many days (or none at all). Pilots in PRODUCTION or RETIRED are
 * never "stalled": they are no longer on the way to production.
 */
export const ASSESSMENT_STALE_DAYS = 90;
// What the dashboard shows of a long list: a fixed number of rows, so the page does not grow
// with the portfolio; each figure links to the full, paginated pilot list for the rest.
/** Heatmap rows: the weakest by the current sort. */
export const HEATMAP_DEFAULT_LIMIT = 25;
/** Stalled pilots: the longest in stage. */
export const STALLED_LIMIT = 10;
/** Points of the cost scatter (the first by name); the chart says how many it leaves out. */
export const COST_POINTS_LIMIT = 200;
export const TREND_MONTHS = 18;
export const TOP_GAPS_LIMIT = 10;

/** Verdicts in display order, best first, then the pilots without a completed assessment. */
export const VERDICT_DISPLAY_ORDER = [
  "READY",
  "CONDITIONAL",
  "NOT_READY",
  "BLOCKED",
  "INCOMPLETE",
  NOT_ASSESSED,
] as const satisfies readonly VerdictFilter[];
