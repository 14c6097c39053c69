"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { Table, type TableColumn, type TableSort } from "@/components/ui/table";
import { formatScore } from "@/lib/format";
import { VerdictBadge } from "@/modules/assessments/client";
import { StageBadge } from "@/modules/pilots/client";
import { orgPath } from "@/modules/access/shared";
import type { HeatmapRow, PillarColumn } from "../queries/types";
import { scoreCellClass } from "./score-colour";

/**
 * A heatmap cell: its colour band and its number, so colour never carries the meaning alone.
 * `heatmap-score` (globals.css) holds the shape every score cell shares, so that 250 cells do
 * not each repeat it.
 */
const scoreCell = (score: number | null) => `heatmap-score ${scoreCellClass(score)}`;
/** The score columns' headers have the cells' padding, so that both centre on the same line. */
const SCORE_HEADER = "px-2 last:px-2 print:px-0.5 print:last:px-0.5";

export interface HeatmapSorts {
  name: TableSort;
  readiness: TableSort;
  /** Aligned with the pillars. */
  pillars: TableSort[];
}

/**
 * The heatmap's grid. A client component for the page's weight, not for interaction: the
 * server sends the rows as data (a few kB) and this renders the 25 × 11 cells, where a
 * server-rendered grid sent every cell's markup twice, as HTML and again in the page's RSC
 * payload (~90 kB at 10,000 pilots), and rendering it was most of the dashboard's server time.
 * The HTML is still rendered on the server, so the table is there before any JavaScript runs.
 */
export function HeatmapTable({
  slug,
  pillars,
  rows,
  sorts,
}: {
  slug: string;
  pillars: Pick<PillarColumn, "key" | "title">[];
  rows: HeatmapRow[];
  sorts: HeatmapSorts;
}) {
  const router = useRouter();
  const results = (row: HeatmapRow) => orgPath(slug, `/pilots/${row.pilotId}/assessments/${row.assessmentId}`);
  const score = (value: number | null) => (value === null ? "—" : formatScore(value));

  /**
   * Every score opens the assessment it comes from. The readiness score is the link (one tab
   * stop per pilot, not ten identical ones); a click on any other score of the row follows it.
   */
  const openRow = (event: React.MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    const cell = (event.target as Element).closest("td.heatmap-score");
    const link = cell?.closest("tr")?.querySelector<HTMLAnchorElement>("a[data-results]");
    if (!cell || !link || cell.contains(link)) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey) window.open(link.href, "_blank", "noopener");
    else router.push(link.pathname);
  };

  const columns: TableColumn<HeatmapRow>[] = [
    {
      key: "name",
      header: "Pilot",
      rowHeader: true,
      sort: sorts.name,
      // The name stays in view while the scores scroll sideways (on a phone).
      headerClassName: "sticky left-0 z-[1] bg-white print:static print:w-[22%]",
      className:
        "sticky left-0 z-[1] min-w-36 max-w-64 bg-white font-medium print:static print:min-w-0 print:max-w-none",
      cell: (row) => (
        <>
          <Link
            href={orgPath(slug, `/pilots/${row.pilotId}`)}
            prefetch={false}
            className="text-brand-700 hover:underline"
          >
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
      sort: sorts.readiness,
      headerClassName: cn(SCORE_HEADER, "print:w-[9%]"),
      className: (row) => cn(scoreCell(row.readiness), "font-semibold"),
      cell: (row) => (
        // Styled in globals.css (.heatmap-table td > a): the whole cell is the link.
        <Link href={results(row)} prefetch={false} data-results="">
          {score(row.readiness)}
        </Link>
      ),
    },
    ...pillars.map((p, i): TableColumn<HeatmapRow> => ({
      key: `pillar:${p.key}`,
      header: p.title,
      align: "center",
      sort: sorts.pillars[i],
      headerClassName: cn("max-w-28 print:max-w-none", SCORE_HEADER),
      className: (row) => cn(scoreCell(row.scores[i] ?? null), "cursor-pointer"),
      cell: (row) => score(row.scores[i] ?? null),
    })),
  ];

  return (
    // The click handler only forwards a mouse click to the row's link, which the keyboard reaches.
    <div onClick={openRow}>
      <Table
        variant="plain"
        density="compact"
        caption="Pillar scores of each pilot's latest assessment, 0 to 100"
        // Coloured cells with a thin gap between them, as a heatmap reads.
        className="heatmap-table mt-4 [&_table]:border-separate [&_table]:border-spacing-0.5"
        columns={columns}
        rows={rows}
        rowKey={(row) => row.pilotId}
        empty={
          <p className="mt-4 rounded-md bg-slate-50 p-4 text-sm text-slate-600">
            Not assessed: no pilot in this view has a completed assessment yet.
          </p>
        }
      />
    </div>
  );
}
