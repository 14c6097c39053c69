import Link from "next/link";
import { Table } from "@/components/ui/table";
import { formatDate, formatNumber, formatScore, formatShare } from "@/lib/format";
import { orgPath, roleLabel } from "@/modules/access/shared";
import type { OrganizationOverview } from "../service";

/** Each organisation's headline, one row each, linking into its dashboard. */
export function OrganizationOverviewTable({ overviews }: { overviews: OrganizationOverview[] }) {
  return (
    <Table
      caption="Your organisations"
      columns={[
        {
          key: "name",
          header: "Organisation",
          rowHeader: true,
          cell: (o) => (
            <>
              <Link href={orgPath(o.slug, "/dashboard")} className="font-medium text-brand-700 hover:underline">
                {o.name}
              </Link>
              <span className="block text-xs text-slate-500">{roleLabel(o.role)}</span>
            </>
          ),
        },
        {
          key: "pilots",
          header: "Pilots",
          align: "right",
          className: "tabular-nums",
          cell: (o) => formatNumber(o.pilots),
        },
        {
          key: "ready",
          header: "Share ready",
          align: "right",
          className: "tabular-nums",
          cell: (o) =>
            o.readyShare === null ? (
              <span className="text-slate-500">None assessed</span>
            ) : (
              <>
                {formatShare(o.readyShare)}
                <span className="block text-xs text-slate-500">
                  {formatNumber(o.ready)} of {formatNumber(o.assessed)} assessed
                </span>
              </>
            ),
        },
        {
          key: "median",
          header: "Median readiness",
          align: "right",
          className: "tabular-nums",
          cell: (o) => (o.medianReadiness === null ? "—" : formatScore(o.medianReadiness)),
        },
        {
          key: "stalled",
          header: "Stalled",
          align: "right",
          className: "tabular-nums",
          cell: (o) => formatNumber(o.stalled),
        },
        {
          key: "last",
          header: "Last assessment · workshop",
          cell: (o) => (
            <>
              {formatDate(o.lastAssessedAt)}
              <span className="block text-xs text-slate-500">
                {o.lastWorkshopOn ? `Workshop ${formatDate(o.lastWorkshopOn)}` : "No workshop yet"}
              </span>
            </>
          ),
        },
        {
          key: "followUps",
          header: "Follow-ups",
          align: "right",
          className: "tabular-nums",
          cell: (o) =>
            o.followUps === 0 ? (
              "0"
            ) : (
              <Link href={orgPath(o.slug, "/workshops")} className="text-brand-700 hover:underline">
                {formatNumber(o.followUps)}
              </Link>
            ),
        },
      ]}
      rows={overviews}
      rowKey={(o) => o.slug}
    />
  );
}
