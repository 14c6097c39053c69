/**
 * The portfolio dashboard's filters, as they live in the URL. Pure: used by the page (server),
 * the CSV route and the filter bar (browser). A bad or unknown value falls back to its default
 * (or, in a filter with several values, is dropped) instead of failing, so an old or
 * hand-edited link still opens the dashboard.
 *
 * Units, stages, teams, tags and verdicts take several values, as repeated parameters
 * (`?unit=Claims&unit=Retail&stage=PILOT`): OR within a filter, AND across filters. The pilot
 * list takes the same filters (`@/modules/pilots`), so a figure can open the pilots behind it.
 */
import { z } from "zod";
import type { PilotStage } from "@/generated/prisma/enums";
import { VERDICT_LABELS } from "@/modules/assessments/shared";
import {
  appendPilotFilters,
  pilotFilterFields,
  PILOT_FILTER_NAMES,
  DEFAULT_PILOT_LIST_QUERY,
  pilotListSearch,
  searchParamsInput,
  STAGES,
  type PilotFilterValues,
  type VerdictFilter,
} from "@/modules/pilots/shared";

export { MAX_FILTER_VALUES, NOT_ASSESSED, VERDICT_FILTERS, type VerdictFilter } from "@/modules/pilots/shared";

/** How a verdict filter value reads: the verdict's label, or "Not assessed". */
export const VERDICT_FILTER_LABELS: Record<VerdictFilter, string> = { ...VERDICT_LABELS, NOT_ASSESSED: "Not assessed" };

export const GROUP_BYS = ["unit", "team"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export const DEFAULT_STALLED_DAYS = 90;

/**
 * Stages whose pilots the figures count when no stage filter is set: every stage but RETIRED.
 * A retired pilot is no longer on its way to production, so it would only dilute the headline,
 * the median, the heatmap, the stalled list, the cost scatter, the rollups, the recurring gaps,
 * the trend and the CSV export; a stage filter that includes RETIRED brings retired pilots
 * back. The stage funnel is the exception: it always ends with the RETIRED stage (see
 * queries/funnel.ts). Archived pilots are never counted: they are in the archive.
 */
export const DEFAULT_FIGURE_STAGES = STAGES.filter((s) => s !== "RETIRED");

/**
 * Heatmap order: "readiness" (worst first), "name", or "pillar:<key>" (lowest score first);
 * a leading "-" reverses it. Pilots without a value (no score) always come last.
 */
export type HeatmapSort = `${"" | "-"}${"readiness" | "name" | `pillar:${string}`}`;
export const DEFAULT_HEATMAP_SORT: HeatmapSort = "readiness";
const HEATMAP_SORT = /^-?(readiness|name|pillar:[A-Za-z0-9][A-Za-z0-9_.-]{0,63})$/;

const portfolioFields = z.object({
  ...pilotFilterFields,
  stalledDays: z.coerce.number().int().min(1).max(3650).default(DEFAULT_STALLED_DAYS).catch(DEFAULT_STALLED_DAYS),
  groupBy: z.enum(GROUP_BYS).default("unit").catch("unit"),
  sort: z
    .string()
    .regex(HEATMAP_SORT)
    .transform((s) => s as HeatmapSort)
    .default(DEFAULT_HEATMAP_SORT)
    .catch(DEFAULT_HEATMAP_SORT),
});

/**
 * Takes URLSearchParams, Next's searchParams (string | string[] | undefined per key) or an
 * already parsed PortfolioFilters object; parsing twice gives the same filters.
 */
export const portfolioFiltersSchema = z.preprocess(
  (input) => searchParamsInput(input, PILOT_FILTER_NAMES),
  portfolioFields.transform(({ unit, stage, team, tag, verdict, ...rest }) => ({
    units: unit,
    stages: stage,
    teams: team,
    tags: tag,
    verdicts: verdict,
    ...rest,
  })),
);

export type PortfolioFilters = z.output<typeof portfolioFiltersSchema>;

/** Filters from URL search params (or a plain object); never throws. */
export function parsePortfolioFilters(input: unknown): PortfolioFilters {
  return portfolioFiltersSchema.parse(input);
}

/** The default filters: the whole portfolio. */
export const DEFAULT_PORTFOLIO_FILTERS: PortfolioFilters = parsePortfolioFilters({});

/**
 * Search params for a link: only the values that differ from the defaults, each filter's values
 * repeated, in a stable order (unit, stage, team, tag, verdict, stalledDays, groupBy, sort; the
 * values of one filter in their canonical order).
 */
export function toSearchParams(filters: Partial<PortfolioFilters>): URLSearchParams {
  const params = appendPilotFilters(new URLSearchParams(), filters);
  const { stalledDays, groupBy, sort } = filters;
  if (stalledDays !== undefined && stalledDays !== DEFAULT_STALLED_DAYS) params.set("stalledDays", String(stalledDays));
  if (groupBy && groupBy !== "unit") params.set("groupBy", groupBy);
  if (sort && sort !== DEFAULT_HEATMAP_SORT) params.set("sort", sort);
  return params;
}

type FilterName = keyof PilotFilterValues;

/** The filters with `value` added to one filter's values (a link that drills into one value). */
export function withFilterValue<K extends FilterName>(
  filters: PortfolioFilters,
  name: K,
  value: PilotFilterValues[K][number],
): PortfolioFilters {
  const values = filters[name] as readonly string[];
  return values.includes(value) ? filters : { ...filters, [name]: [...values, value] };
}

/** True when any filter narrows the set of pilots (stalledDays, groupBy and sort do not). */
export function hasPilotFilters(filters: Partial<PortfolioFilters>): boolean {
  return Boolean(
    filters.units?.length ||
    filters.stages?.length ||
    filters.teams?.length ||
    filters.tags?.length ||
    filters.verdicts?.length,
  );
}

/** The stages whose pilots the figures count: the stage filter, or every stage but RETIRED. */
export function figureStages(filters: Pick<PortfolioFilters, "stages">): PilotStage[] {
  return filters.stages.length > 0 ? filters.stages : DEFAULT_FIGURE_STAGES;
}

/**
 * The pilot list's query (`?unit=…&stage=…&gap=…`) listing exactly the pilots a dashboard figure
 * counts: the same filters, with the stages spelled out (so retired pilots stay out unless the
 * stage filter asks for them), narrowed by `changes` (e.g. `{ gap: "observability.drift" }`).
 */
export function pilotListSearchFor(
  filters: PortfolioFilters,
  changes: { gap?: string; stages?: PilotStage[] } = {},
): string {
  return pilotListSearch(DEFAULT_PILOT_LIST_QUERY, {
    units: filters.units,
    stages: changes.stages ?? figureStages(filters),
    teams: filters.teams,
    tags: filters.tags,
    verdicts: filters.verdicts,
    gap: changes.gap,
  });
}
