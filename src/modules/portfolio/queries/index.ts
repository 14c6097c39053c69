import "server-only";

// The portfolio queries' public entry: the same names the single queries.ts used to export.
export {
  ASSESSMENT_STALE_DAYS,
  COST_POINTS_LIMIT,
  HEATMAP_DEFAULT_LIMIT,
  PRE_PRODUCTION_STAGES,
  STALL_STAGES,
  STALLED_LIMIT,
  TOP_GAPS_LIMIT,
  TREND_MONTHS,
  VERDICT_DISPLAY_ORDER,
} from "./constants";
export type {
  CostPoint,
  CostVsReadiness,
  FunnelStage,
  Heatmap,
  HeatmapRow,
  PillarColumn,
  PortfolioHeadline,
  RollupRow,
  SpendFigure,
  StalledList,
  StalledPilot,
  StalledReason,
  SystemicGap,
  TrendMonth,
  VerdictCount,
} from "./types";
export { getPortfolio, type Portfolio, type PortfolioOptions } from "./portfolio";
export { getPortfolioCsvRows, portfolioCsvColumns, type PortfolioCsv, type PortfolioCsvRow } from "./export";
