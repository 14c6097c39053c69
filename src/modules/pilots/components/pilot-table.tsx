import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { formatCostPerOutcome, formatDate, formatMoney } from "../format";
import type { PilotListItem } from "../service";
import { StageBadge } from "./stage-badge";

export function PilotTable({ pilots, currency }: { pilots: PilotListItem[]; currency: string }) {
  return (
    <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Pilots</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3">
              Pilot
            </th>
            <th scope="col" className="px-4 py-3">
              Stage
            </th>
            <th scope="col" className="px-4 py-3">
              Business unit · team
            </th>
            <th scope="col" className="px-4 py-3">
              Owner
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Monthly cost
            </th>
            <th scope="col" className="px-4 py-3 text-right">
              Cost per outcome
            </th>
            <th scope="col" className="px-4 py-3">
              Target date
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {pilots.map((p) => (
            <tr key={p.id} className="hover:bg-slate-50">
              <td className="max-w-xs px-4 py-3">
                <Link href={`/pilots/${p.id}`} className="font-semibold text-brand-700 hover:underline">
                  {p.name}
                </Link>
                <p className="truncate text-xs text-slate-500">{p.summary}</p>
              </td>
              <td className="px-4 py-3">
                <StageBadge stage={p.stage} />
              </td>
              <td className="px-4 py-3 text-slate-700">
                {p.businessUnit}
                <span className="block text-xs text-slate-500">{p.owningTeam}</span>
              </td>
              <td className="px-4 py-3">
                {p.ownerName ?? <Badge className="bg-amber-50 text-amber-900 ring-amber-200">No named owner</Badge>}
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{formatMoney(p.monthlyRunCost, currency)}</td>
              <td className="px-4 py-3 text-right tabular-nums">{formatCostPerOutcome(p.costPerOutcome, currency)}</td>
              <td className="px-4 py-3 text-slate-700">{formatDate(p.targetProductionDate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
