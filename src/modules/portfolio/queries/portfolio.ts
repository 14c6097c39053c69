import { assertCan, type Actor } from "@/modules/access/shared";
import { portfolioFiltersSchema, type GroupBy, type PortfolioFilters } from "../filters";
import { HEATMAP_DEFAULT_LIMIT } from "./constants";
import { toCostVsReadiness } from "./cost-vs-readiness";
import { facetsQuery } from "./facets";
import { funnelQuery } from "./funnel";
import { toHeadline, toVerdicts } from "./headline";
import { toHeatmap } from "./heatmap";
import { pilotFigures } from "./pilot-figures";
import { sortPillars } from "./pillars";
import { toRollup } from "./rollups";
import { scope } from "./scope";
import { toStalledList } from "./stalled";
import { topGapsQuery } from "./systemic-gaps";
import { trendQuery } from "./trend";
import type {
  CostVsReadiness,
  FunnelStage,
  Heatmap,
  PortfolioHeadline,
  RollupRow,
  StalledList,
  SystemicGap,
  TrendMonth,
  VerdictCount,
} from "./types";

/**
 * The portfolio dashboard's figures. Every figure is aggregated in PostgreSQL; only the rows a
 * chart or table shows come back to JavaScript. Every query is scoped to the actor's
 * organisation in its own WHERE clause, leaves archived pilots out, and applies the same filters
 * (see scope.ts). Independent queries run in parallel.
 *
 * Which pilots count: without a stage filter, every figure leaves retired pilots out — the
 * headline, the verdicts, the median, the heatmap, the recurring gaps, the stalled list, the
 * cost scatter, the rollups and the trend — except the stage funnel, which ends with the
 * RETIRED stage and counts retired pilots and their history. A stage filter that includes
 * RETIRED brings them into every figure. `headline.retiredLeftOut` says how many were left out.
 *
 * "Latest" figures read each pilot's latest completed assessment through Pilot.latestAssessmentId;
 * the trend reads every completed assessment, carried forward month by month. Shares, medians
 * and scores are null — never 0 — when nothing is assessed.
 */
export interface Portfolio {
  /** ISO 8601 of the `now` the figures were computed at. */
  generatedAt: string;
  filters: PortfolioFilters;
  headline: PortfolioHeadline;
  verdicts: VerdictCount[];
  heatmap: Heatmap;
  topGaps: SystemicGap[];
  funnel: FunnelStage[];
  stalled: StalledList;
  trend: TrendMonth[];
  costVsReadiness: CostVsReadiness;
  rollup: { groupBy: GroupBy; rows: RollupRow[] };
  /** Values for the filter menus: in use by the organisation's active pilots, unfiltered. */
  facets: { units: string[]; teams: string[]; tags: string[] };
}

export interface PortfolioOptions {
  /** Heatmap rows to return (1–500, default HEATMAP_DEFAULT_LIMIT). */
  heatmapLimit?: number;
}

/** Every figure of the portfolio dashboard for the actor's organisation, filtered. */
export async function getPortfolio(
  actor: Actor,
  filters: Partial<PortfolioFilters> = {},
  now: Date = new Date(),
  options: PortfolioOptions = {},
): Promise<Portfolio> {
  assertCan(actor, "org:read");
  const f = portfolioFiltersSchema.parse(filters);
  const limit = Math.min(500, Math.max(1, Math.trunc(options.heatmapLimit ?? HEATMAP_DEFAULT_LIMIT)));
  const s = scope(actor, f, now);

  const [figures, topGaps, funnel, trend, facets] = await Promise.all([
    pilotFigures(s, f, limit),
    topGapsQuery(s, f),
    funnelQuery(s),
    trendQuery(s, actor.organizationId),
    facetsQuery(actor.organizationId),
  ]);

  const all = figures.sums.find((r) => r.isTotal);
  if (!all) throw new Error("unreachable: GROUPING SETS (()) always yields the total row");
  // Without a stage filter the figures leave retired pilots out; the funnel counts them.
  const retired = funnel.find((st) => st.stage === "RETIRED")?.pilots ?? 0;
  const headline = toHeadline(all, f.stages.length > 0 ? 0 : retired);

  return {
    generatedAt: now.toISOString(),
    filters: f,
    headline,
    verdicts: toVerdicts(all),
    heatmap: toHeatmap(figures.heatmap, sortPillars(figures.pillars), headline.assessed, f.sort, limit),
    topGaps,
    funnel,
    stalled: toStalledList(figures.stalled, f.stalledDays),
    trend,
    costVsReadiness: toCostVsReadiness(figures.cost),
    rollup: { groupBy: f.groupBy, rows: toRollup(figures.sums) },
    facets,
  };
}
