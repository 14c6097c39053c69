import Link from "next/link";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { formatScore } from "@/lib/format";
import { VerdictBadge } from "@/modules/assessments/shared";
import { StageBadge } from "@/modules/pilots/shared";
import { toSearchParams, type HeatmapSort, type PortfolioFilters } from "../filters";
import type { Heatmap as HeatmapData } from "../queries";
import { SCORE_BANDS, scoreCellClass } from "./score-colour";
import { orgPath } from "@/modules/access/shared";

function SortLink({
  filters,
  sort,
  label,
  slug,
}: {
  filters: PortfolioFilters;
  sort: HeatmapSort;
  label: string;
  slug: string;
}) {
  const current = filters.sort.replace(/^-/, "");
  const active = current === sort;
  const descending = filters.sort.startsWith("-");
  const next = (active && !descending ? `-${sort}` : sort) as HeatmapSort;
  const href = orgPath(slug, `/dashboard?${toSearchParams({ ...filters, sort: next }).toString()}#heatmap`);
  return (
    <Link href={href} className="inline-flex items-center gap-1 hover:underline">
      {label}
      <span aria-hidden="true">{active ? (descending ? "▼" : "▲") : ""}</span>
      {active && <span className="sr-only">{descending ? "(sorted descending)" : "(sorted ascending)"}</span>}
    </Link>
  );
}

export function Heatmap({ heatmap, filters, slug }: { heatmap: HeatmapData; filters: PortfolioFilters; slug: string }) {
  const sortState = (key: string) =>
    filters.sort.replace(/^-/, "") === key ? (filters.sort.startsWith("-") ? "descending" : "ascending") : undefined;
  return (
    <Card className="p-6" id="heatmap">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold">Readiness by pilot and pillar</h2>
          <p className="mt-1 text-sm text-slate-600">
            Each pilot&apos;s latest completed assessment. Showing {heatmap.rows.length} of {heatmap.total} assessed
            pilots; sort by any column.
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
      {heatmap.rows.length === 0 ? (
        <p className="mt-4 rounded-md bg-slate-50 p-4 text-sm text-slate-600">
          Not assessed: no pilot in this view has a completed assessment yet.
        </p>
      ) : (
        <div className="mt-4 overflow-x-auto">
          <table className="min-w-full border-separate border-spacing-0.5 text-sm">
            <caption className="sr-only">Pillar scores of each pilot&apos;s latest assessment, 0 to 100</caption>
            <thead className="text-left text-xs font-semibold text-slate-600">
              <tr>
                <th scope="col" className="px-2 py-2" aria-sort={sortState("name")}>
                  <SortLink slug={slug} filters={filters} sort="name" label="Pilot" />
                </th>
                <th scope="col" className="px-2 py-2">
                  Verdict
                </th>
                <th scope="col" className="px-2 py-2 text-center" aria-sort={sortState("readiness")}>
                  <SortLink slug={slug} filters={filters} sort="readiness" label="Readiness" />
                </th>
                {heatmap.pillars.map((p) => (
                  <th
                    key={p.key}
                    scope="col"
                    className="max-w-28 px-2 py-2 text-center"
                    aria-sort={sortState(`pillar:${p.key}`)}
                  >
                    <SortLink slug={slug} filters={filters} sort={`pillar:${p.key}`} label={p.title} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {heatmap.rows.map((row) => (
                <tr key={row.pilotId}>
                  <th scope="row" className="max-w-64 px-2 py-1.5 text-left font-medium">
                    <Link href={orgPath(slug, `/pilots/${row.pilotId}`)} className="text-brand-700 hover:underline">
                      {row.name}
                    </Link>
                    <span className="ml-2">
                      <StageBadge stage={row.stage} />
                    </span>
                  </th>
                  <td className="px-2 py-1.5">
                    <VerdictBadge verdict={row.verdict} />
                  </td>
                  <td
                    className={cn(
                      "rounded px-2 py-1.5 text-center font-semibold tabular-nums",
                      scoreCellClass(row.readiness),
                    )}
                  >
                    {formatScore(row.readiness)}
                  </td>
                  {row.scores.map((score, i) => (
                    <td
                      key={heatmap.pillars[i]!.key}
                      className={cn("rounded px-2 py-1.5 text-center tabular-nums", scoreCellClass(score))}
                    >
                      {score === null ? "—" : formatScore(score)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
