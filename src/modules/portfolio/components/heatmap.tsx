import Link from "next/link";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Table, type TableColumn, type TableSort } from "@/components/ui/table";
import { formatScore, plural } from "@/lib/format";
import { VerdictBadge } from "@/modules/assessments/shared";
import { StageBadge } from "@/modules/pilots/shared";
import { toSearchParams, type HeatmapSort, type PortfolioFilters } from "../filters";
import type { Heatmap as HeatmapData, HeatmapRow } from "../queries";
import { SCORE_BANDS, scoreCellClass } from "./score-colour";
import { orgPath } from "@/modules/access/shared";

/** A heatmap cell: its colour band and its number, so colour never carries the meaning alone. */
const scoreCell = (score: number | null) =>
  cn("rounded px-2 align-middle tabular-nums last:px-2", scoreCellClass(score));
/** The score columns' headers have the cells' padding, so that both centre on the same line. */
const SCORE_HEADER = "px-2 last:px-2";

export function Heatmap({ heatmap, filters, slug }: { heatmap: HeatmapData; filters: PortfolioFilters; slug: string }) {
  /** Sorting by a column: the first click sorts ascending, the next flips it; the rest of the view is kept. */
  const sortBy = (sort: HeatmapSort): TableSort => {
    const active = filters.sort.replace(/^-/, "") === sort;
    const descending = filters.sort.startsWith("-");
    const next = (active && !descending ? `-${sort}` : sort) as HeatmapSort;
    return {
      href: orgPath(slug, `/dashboard?${toSearchParams({ ...filters, sort: next }).toString()}#heatmap`),
      direction: active ? (descending ? "descending" : "ascending") : undefined,
    };
  };

  const columns: TableColumn<HeatmapRow>[] = [
    {
      key: "name",
      header: "Pilot",
      rowHeader: true,
      sort: sortBy("name"),
      className: "max-w-64 font-medium",
      cell: (row) => (
        <>
          <Link href={orgPath(slug, `/pilots/${row.pilotId}`)} className="text-brand-700 hover:underline">
            {row.name}
          </Link>
          <span className="ml-2">
            <StageBadge stage={row.stage} />
          </span>
        </>
      ),
    },
    { key: "verdict", header: "Verdict", cell: (row) => <VerdictBadge verdict={row.verdict} /> },
    {
      key: "readiness",
      header: "Readiness",
      align: "center",
      sort: sortBy("readiness"),
      headerClassName: SCORE_HEADER,
      className: (row) => cn(scoreCell(row.readiness), "font-semibold"),
      cell: (row) => formatScore(row.readiness),
    },
    ...heatmap.pillars.map((p, i): TableColumn<HeatmapRow> => ({
      key: `pillar:${p.key}`,
      header: p.title,
      align: "center",
      sort: sortBy(`pillar:${p.key}`),
      headerClassName: cn("max-w-28", SCORE_HEADER),
      className: (row) => scoreCell(row.scores[i] ?? null),
      cell: (row) => {
        const score = row.scores[i] ?? null;
        return score === null ? "—" : formatScore(score);
      },
    })),
  ];

  return (
    <Card className="p-6" id="heatmap">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold">Readiness by pilot and pillar</h2>
          <p className="mt-1 text-sm text-slate-600">
            Each pilot&apos;s latest completed assessment. Showing {heatmap.rows.length} of{" "}
            {plural(heatmap.total, "assessed pilot")}; sort by any column.
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
      <Table
        variant="plain"
        density="compact"
        caption="Pillar scores of each pilot's latest assessment, 0 to 100"
        // Coloured cells with a thin gap between them, as a heatmap reads.
        className="mt-4 [&_table]:border-separate [&_table]:border-spacing-0.5"
        columns={columns}
        rows={heatmap.rows}
        rowKey={(row) => row.pilotId}
        empty={
          <p className="mt-4 rounded-md bg-slate-50 p-4 text-sm text-slate-600">
            Not assessed: no pilot in this view has a completed assessment yet.
          </p>
        }
      />
    </Card>
  );
}
