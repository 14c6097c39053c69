import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { Table, type TableColumn, type TableSort } from "@/components/ui/table";
import { orgPath } from "@/modules/access/shared";
import { formatCostPerOutcome, formatDate, formatMoney, formatScore } from "@/lib/format";
import { VerdictBadge } from "@/modules/assessments/shared";
import { PILOT_SORT_FIRST_DIR, pilotListSearch, type PilotListQuery, type PilotSort } from "../schemas";
import type { PilotListItem } from "../service";
import { OverdueBadge } from "./overdue-badge";
import { StageBadge } from "./stage-badge";

/**
 * One page of the pilot list. With `query`, the headers of the sortable columns are links:
 * the first click sorts by the column, the next flips the direction; the other parameters of
 * the view are kept, and the list goes back to page 1.
 */
export function PilotTable({
  pilots,
  currency,
  slug,
  query,
  empty,
}: {
  pilots: PilotListItem[];
  currency: string;
  slug: string;
  query?: PilotListQuery;
  empty?: React.ReactNode;
}) {
  const sortBy = (column: PilotSort): TableSort | undefined => {
    if (!query) return undefined;
    const current = query.sort === column;
    const dir = current ? (query.dir === "asc" ? "desc" : "asc") : PILOT_SORT_FIRST_DIR[column];
    return {
      href: orgPath(slug, `/pilots${pilotListSearch(query, { sort: column, dir })}`),
      direction: current ? (query.dir === "asc" ? "ascending" : "descending") : undefined,
    };
  };

  const columns: TableColumn<PilotListItem>[] = [
    {
      key: "name",
      header: "Pilot",
      rowHeader: true,
      sort: sortBy("name"),
      className: "min-w-52 max-w-64",
      cell: (p) => (
        <>
          <Link href={orgPath(slug, `/pilots/${p.id}`)} className="font-semibold text-brand-700 hover:underline">
            {p.name}
          </Link>
          <span className="block truncate text-xs text-slate-500">{p.summary}</span>
        </>
      ),
    },
    { key: "stage", header: "Stage", sort: sortBy("stage"), cell: (p) => <StageBadge stage={p.stage} /> },
    {
      key: "readiness",
      header: "Readiness",
      sort: sortBy("readiness"),
      className: "whitespace-nowrap",
      cell: (p) =>
        p.readiness ? (
          <span className="flex items-center gap-2">
            <span
              className={
                p.readiness.readinessScore === null
                  ? "w-10 text-xs text-slate-500"
                  : "w-10 text-right font-semibold tabular-nums text-slate-900"
              }
            >
              {p.readiness.readinessScore === null ? (
                <>
                  <span aria-hidden="true">—</span>
                  <span className="sr-only">Not scored,</span>
                </>
              ) : (
                <>
                  {formatScore(p.readiness.readinessScore)}
                  <span className="sr-only"> out of 100,</span>
                </>
              )}
            </span>
            <VerdictBadge verdict={p.readiness.verdict} />
          </span>
        ) : (
          <span className="text-slate-500">Not assessed</span>
        ),
    },
    {
      key: "unit",
      header: "Business unit · team",
      className: "min-w-36 text-slate-700",
      cell: (p) => (
        <>
          {p.businessUnit}
          <span className="block text-xs text-slate-500">{p.owningTeam}</span>
        </>
      ),
    },
    {
      key: "owner",
      header: "Owner",
      cell: (p) => p.ownerName ?? <Badge className="bg-amber-50 text-amber-900 ring-amber-200">No named owner</Badge>,
    },
    {
      key: "cost",
      header: "Monthly cost",
      align: "right",
      sort: sortBy("cost"),
      headerClassName: "whitespace-nowrap",
      className: "whitespace-nowrap tabular-nums",
      cell: (p) => (
        <>
          {formatMoney(p.monthlyRunCost, currency)}
          {p.costPerOutcome !== null && (
            <span className="block text-xs text-slate-500">
              {formatCostPerOutcome(p.costPerOutcome, currency)} per outcome
            </span>
          )}
        </>
      ),
    },
    {
      key: "target",
      header: "Target date",
      sort: sortBy("target"),
      headerClassName: "whitespace-nowrap",
      className: "whitespace-nowrap text-slate-700",
      cell: (p) => (
        <>
          {formatDate(p.targetProductionDate)}
          {p.overdue && (
            <span className="mt-1 block">
              <OverdueBadge />
            </span>
          )}
        </>
      ),
    },
  ];

  // `relative`: the screen-reader-only texts in the cells stay inside the table's own scroll region.
  return <Table caption="Pilots" columns={columns} rows={pilots} rowKey={(p) => p.id} empty={empty} />;
}
