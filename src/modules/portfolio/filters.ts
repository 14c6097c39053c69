/**
 * The portfolio dashboard's filters, as they live in the URL. Pure: used by the page (server),
 * the CSV route and the filter bar (browser). A bad or unknown value falls back to its default
 * instead of failing, so an old or hand-edited link still opens the dashboard.
 */
import { z } from "zod";
import { filterText, isCleanText } from "@/lib/validation";
import { STAGES } from "@/modules/pilots/shared";
import { VERDICTS } from "@/modules/scoring";

export const NOT_ASSESSED = "NOT_ASSESSED" as const;
export const VERDICT_FILTERS = [...VERDICTS, NOT_ASSESSED] as const;
export type VerdictFilter = (typeof VERDICT_FILTERS)[number];

export const GROUP_BYS = ["unit", "team"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export const DEFAULT_STALLED_DAYS = 90;

/**
 * Heatmap order: "readiness" (worst first), "name", or "pillar:<key>" (lowest score first);
 * a leading "-" reverses it. Pilots without a value (no score) always come last.
 */
export type HeatmapSort = `${"" | "-"}${"readiness" | "name" | `pillar:${string}`}`;
export const DEFAULT_HEATMAP_SORT: HeatmapSort = "readiness";
const HEATMAP_SORT = /^-?(readiness|name|pillar:[A-Za-z0-9][A-Za-z0-9_.-]{0,63})$/;

const text = filterText;

/** Next's searchParams give string | string[] | undefined; URLSearchParams are accepted too. */
function normalise(input: unknown): unknown {
  const entries: [string, unknown][] =
    input instanceof URLSearchParams
      ? [...new Set(input.keys())].map((k) => [k, input.get(k)])
      : input && typeof input === "object"
        ? Object.entries(input)
        : [];
  return Object.fromEntries(entries.map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

export const portfolioFiltersSchema = z.preprocess(
  normalise,
  z.object({
    unit: text(80),
    stage: z.enum(STAGES).optional().catch(undefined),
    team: text(80),
    // Tags are stored lower-case.
    tag: z.string().trim().toLowerCase().min(1).max(40).refine(isCleanText).optional().catch(undefined),
    verdict: z.enum(VERDICT_FILTERS).optional().catch(undefined),
    stalledDays: z.coerce.number().int().min(1).max(3650).default(DEFAULT_STALLED_DAYS).catch(DEFAULT_STALLED_DAYS),
    groupBy: z.enum(GROUP_BYS).default("unit").catch("unit"),
    sort: z
      .string()
      .regex(HEATMAP_SORT)
      .transform((s) => s as HeatmapSort)
      .default(DEFAULT_HEATMAP_SORT)
      .catch(DEFAULT_HEATMAP_SORT),
  }),
);

export type PortfolioFilters = z.output<typeof portfolioFiltersSchema>;

/** Filters from URL search params (or a plain object); never throws. */
export function parsePortfolioFilters(input: unknown): PortfolioFilters {
  return portfolioFiltersSchema.parse(input);
}

/** The default filters: the whole portfolio. */
export const DEFAULT_PORTFOLIO_FILTERS: PortfolioFilters = parsePortfolioFilters({});

/** Search params for a link: only the values that differ from the defaults, in a stable order. */
export function toSearchParams(filters: Partial<PortfolioFilters>): URLSearchParams {
  const params = new URLSearchParams();
  const { unit, stage, team, tag, verdict, stalledDays, groupBy, sort } = filters;
  if (unit) params.set("unit", unit);
  if (stage) params.set("stage", stage);
  if (team) params.set("team", team);
  if (tag) params.set("tag", tag);
  if (verdict) params.set("verdict", verdict);
  if (stalledDays !== undefined && stalledDays !== DEFAULT_STALLED_DAYS) params.set("stalledDays", String(stalledDays));
  if (groupBy && groupBy !== "unit") params.set("groupBy", groupBy);
  if (sort && sort !== DEFAULT_HEATMAP_SORT) params.set("sort", sort);
  return params;
}

/** True when any filter narrows the set of pilots (stalledDays, groupBy and sort do not). */
export function hasPilotFilters(filters: Partial<PortfolioFilters>): boolean {
  return Boolean(filters.unit || filters.stage || filters.team || filters.tag || filters.verdict);
}
