import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { orgPath } from "@/modules/access/shared";
import { PILOT_PAGE_SIZES, pilotListQuerySchema, pilotListSearch, type PilotListQuery } from "../schemas";
import { STAGE_LABELS, STAGES } from "../stages";

/**
 * A plain GET form: the filters live in the URL, so a view can be bookmarked and shared. The
 * form has no page field, so applying it goes back to page 1.
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
      <div>
        <label htmlFor="stage" className="mb-1 block text-xs font-medium text-slate-600">
          Stage
        </label>
        <select id="stage" name="stage" defaultValue={query.stage ?? ""} className={controlClass}>
          <option value="">All stages</option>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="unit" className="mb-1 block text-xs font-medium text-slate-600">
          Business unit
        </label>
        <select id="unit" name="unit" defaultValue={query.unit ?? ""} className={controlClass}>
          <option value="">All units</option>
          {businessUnits.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
      </div>
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
