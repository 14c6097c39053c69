import Link from "next/link";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { TableSort } from "@/components/ui/table";
import { plural } from "@/lib/format";
import { NOT_ASSESSED, VERDICT_FILTERS, type HeatmapSort, type PortfolioFilters } from "../filters";
import type { Heatmap as HeatmapData, PillarColumn } from "../queries";
import { dashboardHref, pilotListHref } from "./links";
import { HeatmapTable, type HeatmapSorts } from "./heatmap-table";
import { SCORE_BANDS } from "./score-colour";

const pillarTitle = (field: string, pillars: PillarColumn[]) =>
  pillars.find((p) => `pillar:${p.key}` === field)?.title ?? field.slice("pillar:".length);

/** Which rows the heatmap shows, in words: "the 25 weakest on readiness". */
export function heatmapSelection(sort: HeatmapSort, rows: number, pillars: PillarColumn[]): string {
  const descending = sort.startsWith("-");
  const field = sort.replace(/^-/, "");
  if (field === "name") return `the first ${rows} by name${descending ? ", Z to A" : ""}`;
  const on = field.startsWith("pillar:") ? pillarTitle(field, pillars) : "readiness";
  return `the ${rows} ${descending ? "strongest" : "weakest"} on ${on}`;
}

/** The heatmap's order, in words: "sorted by name", "weakest on Security first". */
export function heatmapOrder(sort: HeatmapSort, pillars: PillarColumn[]): string {
  const descending = sort.startsWith("-");
  const field = sort.replace(/^-/, "");
  if (field === "name") return `sorted by name${descending ? ", Z to A" : ""}`;
  const on = field.startsWith("pillar:") ? pillarTitle(field, pillars) : "readiness";
  return `${descending ? "strongest" : "weakest"} on ${on} first`;
}

export function Heatmap({ heatmap, filters, slug }: { heatmap: HeatmapData; filters: PortfolioFilters; slug: string }) {
  /** Sorting by a column: the first click sorts ascending, the next flips it; the rest of the view is kept. */
  const sortBy = (sort: HeatmapSort): TableSort => {
    const active = filters.sort.replace(/^-/, "") === sort;
    const descending = filters.sort.startsWith("-");
    const next = (active && !descending ? `-${sort}` : sort) as HeatmapSort;
    return {
      href: dashboardHref(slug, { ...filters, sort: next }, "#heatmap"),
      direction: active ? (descending ? "descending" : "ascending") : undefined,
    };
  };
  const sorts: HeatmapSorts = {
    name: sortBy("name"),
    readiness: sortBy("readiness"),
    pillars: heatmap.pillars.map((p) => sortBy(`pillar:${p.key}`)),
  };

  // The rest of the assessed pilots, weakest first, in the pilot list.
  const assessedVerdicts = (filters.verdicts.length > 0 ? filters.verdicts : VERDICT_FILTERS).filter(
    (v) => v !== NOT_ASSESSED,
  );

  return (
    <Card className="p-6 print:p-4" id="heatmap">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold">Readiness by pilot and pillar</h2>
          <p className="mt-1 text-sm text-slate-600">
            Each pilot&apos;s latest completed assessment:{" "}
            {heatmap.rows.length < heatmap.total
              ? `${heatmapSelection(filters.sort, heatmap.rows.length, heatmap.pillars)} of ${plural(heatmap.total, "assessed pilot")}`
              : `all ${plural(heatmap.total, "assessed pilot")}`}
            . Sort by any column; select a score to open its assessment results.
          </p>
        </div>
        <ul className="flex flex-wrap gap-1 text-xs" aria-label="Colour key">
          {SCORE_BANDS.map((b) => (
            <li key={b.label} className={cn("rounded px-2 py-0.5", b.className)}>
              {b.label}
            </li>
          ))}
        </ul>
      </div>
      <HeatmapTable
        slug={slug}
        pillars={heatmap.pillars.map(({ key, title }) => ({ key, title }))}
        rows={heatmap.rows}
        sorts={sorts}
      />
      {heatmap.rows.length < heatmap.total && (
        <p className="mt-3 text-sm text-slate-600">
          <Link
            href={pilotListHref(slug, filters, { verdicts: assessedVerdicts, sort: "readiness", dir: "asc" })}
            className="font-medium text-brand-700 hover:underline"
          >
            All {plural(heatmap.total, "assessed pilot")} in the pilot list
          </Link>
          , least ready first.
        </p>
      )}
    </Card>
  );
}
