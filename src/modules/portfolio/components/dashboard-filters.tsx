import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { STAGE_LABELS, STAGES } from "@/modules/pilots/shared";
import { formatDate } from "@/lib/format";
import {
  DEFAULT_STALLED_DAYS,
  VERDICT_FILTER_LABELS,
  VERDICT_FILTERS,
  toSearchParams,
  type PortfolioFilters,
} from "../filters";
import type { PillarColumn } from "../queries";
import { heatmapOrder } from "./heatmap";
import { orgApi, orgPath } from "@/modules/access/shared";
import { MultiSelect } from "@/components/ui/multi-select";

/** A plain GET form: the filters live in the URL, so a view can be bookmarked and shared. */
export function DashboardFilters({
  filters,
  facets,
  slug,
}: {
  filters: PortfolioFilters;
  facets: { units: string[]; teams: string[]; tags: string[] };
  slug: string;
}) {
  const exportHref = orgApi(slug, `/portfolio/export?${toSearchParams(filters).toString()}`);
  const same = (values: string[]): [string, string][] => values.map((v) => [v, v]);
  return (
    <form
      method="get"
      aria-label="Filter the portfolio"
      className="mb-6 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 print:hidden"
    >
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <MultiSelect
          name="unit"
          label="Business unit"
          plural="Units"
          all="All units"
          selected={filters.units}
          options={same(facets.units)}
        />
        <MultiSelect
          name="team"
          label="Owning team"
          plural="Teams"
          all="All teams"
          selected={filters.teams}
          options={same(facets.teams)}
        />
        <MultiSelect
          name="stage"
          label="Stage"
          plural="Stages"
          // Retired pilots count only when the stage filter asks for them.
          all="All but retired"
          selected={filters.stages}
          options={STAGES.map((s) => [s, STAGE_LABELS[s]])}
        />
        <MultiSelect
          name="tag"
          label="Tag"
          plural="Tags"
          all="All tags"
          selected={filters.tags}
          options={same(facets.tags)}
        />
        <MultiSelect
          name="verdict"
          label="Latest verdict"
          plural="Verdicts"
          all="All verdicts"
          selected={filters.verdicts}
          options={VERDICT_FILTERS.map((v) => [v, VERDICT_FILTER_LABELS[v]])}
        />
        <div>
          <label htmlFor="stalledDays" className="mb-1 block text-xs font-medium text-slate-600">
            Stalled after (days)
          </label>
          <input
            id="stalledDays"
            name="stalledDays"
            type="number"
            min={1}
            max={3650}
            defaultValue={filters.stalledDays}
            className={controlClass}
          />
        </div>
      </div>
      {filters.groupBy !== "unit" && <input type="hidden" name="groupBy" value={filters.groupBy} />}
      {filters.sort !== "readiness" && <input type="hidden" name="sort" value={filters.sort} />}
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Apply filters
        </button>
        <Link href={orgPath(slug, "/dashboard")} className={buttonClass("ghost")}>
          Reset
        </Link>
        <a href={exportHref} className={buttonClass("secondary", "ml-auto")} download>
          Export CSV
        </a>
      </div>
    </form>
  );
}

/**
 * The view in words ("Business units: Claims, Retail · Stages: all but retired · …"): printed
 * above the figures in place of the filter bar, so a printout says what it shows.
 */
export function describeView(filters: PortfolioFilters, pillars: PillarColumn[]): string[] {
  const list = (label: string, values: readonly string[], all: string) =>
    `${label}: ${values.length === 0 ? all : values.join(", ")}`;
  return [
    list("Business units", filters.units, "all"),
    list("Owning teams", filters.teams, "all"),
    list(
      "Stages",
      filters.stages.map((s) => STAGE_LABELS[s]),
      "all but retired",
    ),
    list("Tags", filters.tags, "all"),
    list(
      "Latest verdicts",
      filters.verdicts.map((v) => VERDICT_FILTER_LABELS[v]),
      "all",
    ),
    `Stalled after ${filters.stalledDays} days${filters.stalledDays === DEFAULT_STALLED_DAYS ? " (default)" : ""}`,
    `Heatmap ${heatmapOrder(filters.sort, pillars)}`,
    `Grouped by ${filters.groupBy === "unit" ? "business unit" : "owning team"}`,
  ];
}

/** The active filters as one line of text, shown only on paper (the filter bar is not printed). */
export function PrintedView({
  filters,
  pillars,
  generatedAt,
}: {
  filters: PortfolioFilters;
  pillars: PillarColumn[];
  generatedAt: string;
}) {
  return (
    <p className="mb-4 hidden text-xs text-slate-700 print:block" data-testid="printed-filters">
      <span className="font-semibold">Filters:</span> {describeView(filters, pillars).join(" · ")}. Figures as of{" "}
      {formatDate(generatedAt)}.
    </p>
  );
}
