import { orgPath } from "@/modules/access/shared";
import { DEFAULT_PILOT_LIST_QUERY, pilotListSearch, type PilotListQuery } from "@/modules/pilots/shared";
import { figureStages, toSearchParams, type PortfolioFilters } from "../filters";

/** Every figure is a door: where the dashboard's links go, with its filters kept. */

/** The dashboard with `filters` (its state is all in the URL), optionally scrolled to `hash`. */
export function dashboardHref(slug: string, filters: PortfolioFilters, hash = ""): string {
  const search = toSearchParams(filters).toString();
  return orgPath(slug, `/dashboard${search ? `?${search}` : ""}${hash}`);
}

/**
 * The full, paginated pilot list of the pilots in view: the dashboard's filters, with the stages
 * the figures count spelled out (retired pilots stay out unless the stage filter asks for them),
 * narrowed or sorted by `changes`.
 */
export function pilotListHref(slug: string, filters: PortfolioFilters, changes: Partial<PilotListQuery> = {}): string {
  const search = pilotListSearch(DEFAULT_PILOT_LIST_QUERY, {
    units: filters.units,
    stages: figureStages(filters),
    teams: filters.teams,
    tags: filters.tags,
    verdicts: filters.verdicts,
    ...changes,
  });
  return orgPath(slug, `/pilots${search}`);
}
