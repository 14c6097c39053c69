import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { MultiSelect } from "@/components/ui/multi-select";
import { orgPath } from "@/modules/access/shared";
import { VERDICT_LABELS } from "@/modules/assessments/shared";
import {
  NOT_ASSESSED,
  PILOT_PAGE_SIZES,
  DEFAULT_PILOT_LIST_QUERY,
  pilotListSearch,
  type PilotListQuery,
  type VerdictFilter,
} from "../schemas";
import { STAGE_LABELS, STAGES } from "../stages";

/** The verdict filter's choices, from ready to blocked, then the pilots never assessed. */
const VERDICT_CHOICES: [VerdictFilter, string][] = (
  [
    "READY",
    "CONDITIONAL",
    "NOT_READY",
    "BLOCKED",
    "INCOMPLETE",
    NOT_ASSESSED,
  ] as const satisfies readonly VerdictFilter[]
).map((v) => [v, v === NOT_ASSESSED ? "Not assessed" : VERDICT_LABELS[v]]);

/**
 * A plain GET form: the filters live in the URL, so a view can be bookmarked and shared. The
 * form has no page field, so applying it goes back to page 1. Filters the form has no control
 * for (team, tag, gap — set by a link from the dashboard) ride along as hidden fields; the page
 * shows them in a note with a way to clear them.
 */
export function PilotFilters({
  query,
  businessUnits,
  slug,
}: {
  query: PilotListQuery;
  businessUnits: string[];
  slug: string;
}) {
  // Reset clears the filters and the sort but keeps the archive view and the page size.
  const reset = pilotListSearch(DEFAULT_PILOT_LIST_QUERY, { archived: query.archived, size: query.size });
  const hidden: [string, string][] = [
    ...query.teams.map((v): [string, string] => ["team", v]),
    ...query.tags.map((v): [string, string] => ["tag", v]),
    ...(query.gap ? [["gap", query.gap] as [string, string]] : []),
  ];
  return (
    <form
      method="get"
      role="search"
      aria-label="Filter pilots"
      className="mb-6 grid grid-cols-2 gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 lg:grid-cols-4 xl:grid-cols-[2fr_repeat(4,minmax(0,1fr))_auto_auto]"
    >
      <div className="col-span-2 min-w-0 lg:col-span-1">
        <label htmlFor="q" className="mb-1 block text-xs font-medium text-slate-600">
          Search
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={query.q ?? ""}
          placeholder="Name, summary, team, owner or tag"
          className={controlClass}
        />
      </div>
      <MultiSelect
        name="stage"
        label="Stage"
        plural="Stages"
        all="All stages"
        selected={query.stages}
        options={STAGES.map((s) => [s, STAGE_LABELS[s]])}
      />
      <MultiSelect
        name="unit"
        label="Business unit"
        plural="Units"
        all="All units"
        selected={query.units}
        options={businessUnits.map((u) => [u, u])}
      />
      <MultiSelect
        name="verdict"
        label="Latest verdict"
        plural="Verdicts"
        all="All verdicts"
        selected={query.verdicts}
        options={VERDICT_CHOICES}
      />
      <div className="min-w-0">
        <label htmlFor="sort" className="mb-1 block text-xs font-medium text-slate-600">
          Sort by
        </label>
        <select id="sort" name="sort" defaultValue={`${query.sort}`} className={controlClass}>
          <option value="name">Name</option>
          <option value="stage">Stage</option>
          <option value="readiness">Readiness</option>
          <option value="updated">Last updated</option>
          <option value="cost">Monthly cost</option>
          <option value="target">Target date</option>
        </select>
        <input type="hidden" name="dir" value={query.dir} />
        {query.archived && <input type="hidden" name="archived" value="1" />}
        {hidden.map(([name, value]) => (
          <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
        ))}
      </div>
      <div className="min-w-0">
        <label htmlFor="size" className="mb-1 block text-xs font-medium text-slate-600">
          Per page
        </label>
        <select id="size" name="size" defaultValue={`${query.size}`} className={controlClass}>
          {PILOT_PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Apply
        </button>
        <Link href={orgPath(slug, `/pilots${reset}`)} className={buttonClass("ghost")}>
          Reset
        </Link>
      </div>
    </form>
  );
}
