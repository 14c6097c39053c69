import Link from "next/link";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Table, type TableColumn, type TableSort } from "@/components/ui/table";
import { formatScore, plural } from "@/lib/format";
import { VerdictBadge } from "@/modules/assessments/shared";
import { StageBadge } from "@/modules/pilots/shared";
import { NOT_ASSESSED, VERDICT_FILTERS, type HeatmapSort, type PortfolioFilters } from "../filters";
import type { Heatmap as HeatmapData, HeatmapRow, PillarColumn } from "../queries";
import { dashboardHref, pilotListHref } from "./links";
import { SCORE_BANDS, scoreCellClass } from "./score-colour";
import { orgPath } from "@/modules/access/shared";

/** A heatmap cell: its colour band and its number, so colour never carries the meaning alone. */
const scoreCell = (score: number | null) =>
  cn("rounded px-2 align-middle tabular-nums last:px-2 print:px-0.5 print:last:px-0.5", scoreCellClass(score));
/** The score columns' headers have the cells' padding, so that both centre on the same line. */
const SCORE_HEADER = "px-2 last:px-2 print:px-0.5 print:last:px-0.5";

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
  /** A score opens the assessment it comes from: the pilot's latest results. */
  const results = (row: HeatmapRow) => orgPath(slug, `/pilots/${row.pilotId}/assessments/${row.assessmentId}`);
  const scoreLink = (row: HeatmapRow, score: number | null) => (
    // Styled in globals.css (.heatmap-table td > a): the whole cell is the link.
    <Link href={results(row)} prefetch={false}>
      {score === null ? "—" : formatScore(score)}
    </Link>
  );

  const columns: TableColumn<HeatmapRow>[] = [
    {
      key: "name",
      header: "Pilot",
      rowHeader: true,
      sort: sortBy("name"),
      // The name stays in view while the scores scroll sideways (on a phone).
      headerClassName: "sticky left-0 z-[1] bg-white print:static print:w-[22%]",
      className:
        "sticky left-0 z-[1] min-w-36 max-w-64 bg-white font-medium print:static print:min-w-0 print:max-w-none",
      cell: (row) => (
        <>
          <Link href={orgPath(slug, `/pilots/${row.pilotId}`)} className="text-brand-700 hover:underline">
            {row.name}
          </Link>
          <span className="ml-2 print:ml-1">
            <StageBadge stage={row.stage} />
          </span>
        </>
      ),
    },
    {
      key: "verdict",
      header: "Verdict",
      headerClassName: "print:w-[12%]",
      cell: (row) => <VerdictBadge verdict={row.verdict} />,
    },
    {
      key: "readiness",
      header: "Readiness",
      align: "center",
      sort: sortBy("readiness"),
      headerClassName: cn(SCORE_HEADER, "print:w-[9%]"),
      className: (row) => cn(scoreCell(row.readiness), "font-semibold"),
      cell: (row) => scoreLink(row, row.readiness),
    },
    ...heatmap.pillars.map((p, i): TableColumn<HeatmapRow> => ({
      key: `pillar:${p.key}`,
      header: p.title,
      align: "center",
      sort: sortBy(`pillar:${p.key}`),
      headerClassName: cn("max-w-28 print:max-w-none", SCORE_HEADER),
      className: (row) => scoreCell(row.scores[i] ?? null),
      cell: (row) => scoreLink(row, row.scores[i] ?? null),
    })),
  ];

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
      <Table
        variant="plain"
        density="compact"
        caption="Pillar scores of each pilot's latest assessment, 0 to 100"
        // Coloured cells with a thin gap between them, as a heatmap reads.
        className="heatmap-table mt-4 [&_table]:border-separate [&_table]:border-spacing-0.5"
        columns={columns}
        rows={heatmap.rows}
        rowKey={(row) => row.pilotId}
        empty={
          <p className="mt-4 rounded-md bg-slate-50 p-4 text-sm text-slate-600">
            Not assessed: no pilot in this view has a completed assessment yet.
          </p>
        }
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
