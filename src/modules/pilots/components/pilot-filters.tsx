import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { controlClass } from "@/components/ui/field";
import { orgPath } from "@/modules/access/shared";
import { PILOT_PAGE_SIZES, pilotListQuerySchema, pilotListSearch, type PilotListQuery } from "../schemas";
import { STAGE_LABELS, STAGES } from "../stages";

/**
 * Several values of one filter without JavaScript: a group named by its legend, its checkboxes
 * in a disclosure whose summary says what is chosen ("Stages: Pilot, Production" or "All stages").
 */
function Choices({
  name,
  label,
  plural,
  all,
  selected,
  options,
}: {
  name: string;
  label: string;
  plural: string;
  all: string;
  selected: readonly string[];
  options: [value: string, label: string][];
}) {
  const labelOf = new Map(options);
  const chosen = selected.map((v) => labelOf.get(v) ?? v);
  const extra = selected.filter((v) => !labelOf.has(v)).map((v): [string, string] => [v, v]);
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1 block text-xs font-medium text-slate-600">{label}</legend>
      <details className="relative">
        <summary className={cn(controlClass, "cursor-pointer truncate")}>
          {chosen.length === 0 ? all : `${plural}: ${chosen.join(", ")}`}
        </summary>
        <div className="absolute z-10 mt-1 max-h-64 w-full min-w-48 overflow-auto rounded-md bg-white p-2 shadow-lg ring-1 ring-slate-200">
          {[...options, ...extra].map(([value, text]) => (
            <label key={value} className="flex items-center gap-2 rounded px-1 py-1 text-sm hover:bg-slate-50">
              <input type="checkbox" name={name} value={value} defaultChecked={selected.includes(value)} />
              {text}
            </label>
          ))}
        </div>
      </details>
    </fieldset>
  );
}

/**
 * A plain GET form: the filters live in the URL, so a view can be bookmarked and shared. The
 * form has no page field, so applying it goes back to page 1. Filters the form has no control
 * for (team, tag, verdict, gap — set by a link from the dashboard) ride along as hidden fields;
 * the page shows them in a note with a way to clear them.
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
  const reset = pilotListSearch(pilotListQuerySchema.parse({}), { archived: query.archived, size: query.size });
  const hidden: [string, string][] = [
    ...query.teams.map((v): [string, string] => ["team", v]),
    ...query.tags.map((v): [string, string] => ["tag", v]),
    ...query.verdicts.map((v): [string, string] => ["verdict", v]),
    ...(query.gap ? [["gap", query.gap] as [string, string]] : []),
  ];
  return (
    <form
      method="get"
      role="search"
      aria-label="Filter pilots"
      className="mb-6 grid gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto_auto]"
    >
      <div>
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
      <Choices
        name="stage"
        label="Stage"
        plural="Stages"
        all="All stages"
        selected={query.stages}
        options={STAGES.map((s) => [s, STAGE_LABELS[s]])}
      />
      <Choices
        name="unit"
        label="Business unit"
        plural="Units"
        all="All units"
        selected={query.units}
        options={businessUnits.map((u) => [u, u])}
      />
      <div>
        <label htmlFor="sort" className="mb-1 block text-xs font-medium text-slate-600">
          Sort by
        </label>
        <select id="sort" name="sort" defaultValue={`${query.sort}`} className={controlClass}>
          <option value="name">Name</option>
          <option value="stage">Stage</option>
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
      <div>
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
