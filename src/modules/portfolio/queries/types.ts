import type { PilotStage, Verdict } from "@/generated/prisma/enums";
import type { HeatmapSort, VerdictFilter } from "../filters";

// The result types of the figures. Shares, medians and scores are null — never 0 — when
// nothing is assessed.

/** Monthly run cost of the pilots not yet in production. */
export interface SpendFigure {
  /** Sum of the recorded costs; null when none of `pilots` has a cost recorded (unknown), 0 when there are no such pilots. */
  amount: number | null;
  /** Pilots in IDEA, PILOT or PRODUCTION_INTENT. */
  pilots: number;
  /** How many of them have no cost recorded (not counted in `amount`). */
  withoutCost: number;
}

export interface PortfolioHeadline {
  total: number;
  byStage: Record<PilotStage, number>;
  /** Pilots with a latest completed assessment. */
  assessed: number;
  /** assessed / total; null when there are no pilots. */
  assessedShare: number | null;
  /** Assessed pilots whose latest verdict is READY. */
  ready: number;
  /** ready / assessed; null when none is assessed. */
  readyShare: number | null;
  /** Median readiness score of the latest assessments; null when none is assessed. */
  medianReadiness: number | null;
  stalled: number;
  preProductionSpend: SpendFigure;
  /**
   * Retired pilots matching the other filters, left out of every figure but the stage funnel;
   * 0 when a stage filter is set (it decides which stages count).
   */
  retiredLeftOut: number;
}

export interface VerdictCount {
  verdict: VerdictFilter;
  pilots: number;
}

export interface PillarColumn {
  key: string;
  title: string;
}

export interface HeatmapRow {
  pilotId: string;
  /** The pilot's latest completed assessment (the one these scores are from): its results page. */
  assessmentId: string;
  name: string;
  stage: PilotStage;
  verdict: Verdict;
  readiness: number | null;
  /** Aligned with `heatmap.pillars`; null when the pillar has no score (all N/A) or is absent. */
  scores: (number | null)[];
}

export interface Heatmap {
  /** Columns: the pillars of the latest assessments, in framework order. */
  pillars: PillarColumn[];
  /** At most `limit` rows, in `sort` order. */
  rows: HeatmapRow[];
  /** All assessed pilots ("showing 25 of 812"). */
  total: number;
  sort: HeatmapSort;
  limit: number;
}

export interface SystemicGap {
  /** Stable key (e.g. observability.drift): for links and the pilot list's `gap` filter, not for display. */
  criterionKey: string;
  /** The criterion's title, as executives read it. */
  title: string;
  pillarKey: string;
  isGate: boolean;
  /** Pilots whose latest assessment has this criterion below target. */
  pilots: number;
  /**
   * The pilot list's query (`?…&gap=<key>`) listing exactly these `pilots`: the dashboard's
   * filters, the stages the figures count, and the gap.
   */
  pilotsSearch: string;
}

export interface FunnelStage {
  stage: PilotStage;
  /** Pilots in this stage now. */
  pilots: number;
  /** Median days per stay in this stage, past and current stays together; null when there were none. */
  medianDays: number | null;
  /** Stays measured: past ones plus the current ones. */
  stays: number;
}

export type StalledReason = "LONG_IN_STAGE" | "NO_RECENT_ASSESSMENT" | "NEVER_ASSESSED";

export interface StalledPilot {
  pilotId: string;
  name: string;
  stage: PilotStage;
  daysInStage: number;
  /** ISO 8601; null when never assessed. */
  lastAssessedAt: string | null;
  reasons: StalledReason[];
}

export interface StalledList {
  /** At most STALLED_LIMIT, longest in stage first. */
  rows: StalledPilot[];
  total: number;
  stalledDays: number;
  assessmentWindowDays: number;
}

/** The portfolio as it stood at the end of one month (or now, for the current month). */
export interface TrendMonth {
  /** YYYY-MM (UTC). Every one of the last 18 months is present, months without any change included. */
  month: string;
  /** Filtered pilots registered by the month's end. */
  pilots: number;
  /** Of those, the pilots with a completed assessment by the month's end. */
  assessedPilots: number;
  /** Median readiness of each assessed pilot's latest assessment as of the month's end; null when none. */
  medianReadiness: number | null;
  /** Mean of the same scores; null when none. */
  meanReadiness: number | null;
  /** Assessed pilots whose latest verdict then was READY / assessedPilots; null when none. */
  readyShare: number | null;
}

export interface CostPoint {
  pilotId: string;
  name: string;
  costPerOutcome: number;
  readiness: number;
  verdict: Verdict;
  monthlyRunCost: number;
  outcomesPerMonth: number;
}

export interface CostVsReadiness {
  points: CostPoint[];
  /** Pilots that qualify; more than `points.length` when capped. */
  total: number;
  capped: boolean;
  cap: number;
}

export interface RollupRow {
  group: string;
  pilots: number;
  assessed: number;
  ready: number;
  medianReadiness: number | null;
  spend: SpendFigure;
  stalled: number;
}
