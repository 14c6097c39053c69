import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { VERDICT_LABELS } from "@/modules/assessments/shared";
import { STAGE_LABELS, STAGES } from "@/modules/pilots/shared";
import { VERDICT_FILTERS, toSearchParams, type PortfolioFilters } from "../filters";
import { orgApi, orgPath } from "@/modules/access/shared";

function Select({
  id,
  label,
  value,
  options,
}: {
  id: string;
  label: string;
  value?: string;
  options: [string, string][];
}) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select id={id} name={id} defaultValue={value ?? ""} className={controlClass}>
        <option value="">All</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

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
  return (
    <form
      method="get"
      aria-label="Filter the portfolio"
      className="mb-6 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
    >
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Select id="unit" label="Business unit" value={filters.unit} options={facets.units.map((u) => [u, u])} />
        <Select id="team" label="Owning team" value={filters.team} options={facets.teams.map((t) => [t, t])} />
        <Select id="stage" label="Stage" value={filters.stage} options={STAGES.map((s) => [s, STAGE_LABELS[s]])} />
        <Select id="tag" label="Tag" value={filters.tag} options={facets.tags.map((t) => [t, t])} />
        <Select
          id="verdict"
          label="Latest verdict"
          value={filters.verdict}
          options={VERDICT_FILTERS.map((v) => [v, v === "NOT_ASSESSED" ? "Not assessed" : VERDICT_LABELS[v]])}
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
