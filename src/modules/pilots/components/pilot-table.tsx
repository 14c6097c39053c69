import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { Table, type TableColumn, type TableSort } from "@/components/ui/table";
import { orgPath } from "@/modules/access/shared";
import { formatCostPerOutcome, formatDate, formatMoney } from "@/lib/format";
import { PILOT_SORT_FIRST_DIR, pilotListSearch, type PilotListQuery, type PilotSort } from "../schemas";
import type { PilotListItem } from "../service";
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
      className: "min-w-56 max-w-xs",
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
      key: "unit",
      header: "Business unit · team",
      className: "text-slate-700",
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
      className: "whitespace-nowrap tabular-nums",
      cell: (p) => formatMoney(p.monthlyRunCost, currency),
    },
    {
      key: "costPerOutcome",
      header: "Cost per outcome",
      align: "right",
      className: "whitespace-nowrap tabular-nums",
      cell: (p) => formatCostPerOutcome(p.costPerOutcome, currency),
    },
    {
      key: "target",
      header: "Target date",
      sort: sortBy("target"),
      className: "whitespace-nowrap text-slate-700",
      cell: (p) => formatDate(p.targetProductionDate),
    },
  ];

  return <Table caption="Pilots" columns={columns} rows={pilots} rowKey={(p) => p.id} empty={empty} />;
}
