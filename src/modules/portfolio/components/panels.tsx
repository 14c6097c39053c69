import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { formatCostPerOutcome, formatDate, formatMoney, formatScore, plural } from "@/lib/format";
import { STAGE_LABELS, StageBadge } from "@/modules/pilots/shared";
import { toSearchParams, VERDICT_FILTER_LABELS, withFilterValue, type PortfolioFilters } from "../filters";
import type {
  CostVsReadiness,
  FunnelStage,
  Portfolio,
  StalledList,
  SystemicGap,
  TrendMonth,
  VerdictCount,
} from "../queries";
import { CostScatter, FunnelChart, TrendChart, VerdictChart } from "./portfolio-charts";
import { orgPath } from "@/modules/access/shared";

const verdictLabel = (v: VerdictCount["verdict"]) => VERDICT_FILTER_LABELS[v];

/** The numbers behind the charts are small tables: no frame, tight rows, figures right-aligned. */
const NUMBERS = { variant: "plain", density: "compact" } as const;
const FIGURE = { align: "right", className: "tabular-nums" } as const;

function Panel({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  children: React.ReactNode;
}) {
  return (
    <Card className="p-6">
      <section aria-labelledby={id}>
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {description && <p className="mt-1 text-sm text-slate-600">{description}</p>}
        <div className="mt-4">{children}</div>
      </section>
    </Card>
  );
}

export function VerdictPanel({
  verdicts,
  filters,
  slug,
}: {
  verdicts: VerdictCount[];
  filters: PortfolioFilters;
  slug: string;
}) {
  const data = verdicts.map((v) => ({ ...v, label: verdictLabel(v.verdict) }));
  return (
    <Panel id="verdicts-title" title="Verdicts" description="The verdict of each pilot's latest completed assessment.">
      <VerdictChart data={data} />
      <Table
        {...NUMBERS}
        caption="Pilots per verdict"
        className="mt-2"
        columns={[
          {
            key: "verdict",
            // The chart above names the two columns: their headers are for screen readers only.
            header: <span className="sr-only">Verdict</span>,
            headerClassName: "p-0",
            rowHeader: true,
            cell: (v) => (
              <Link
                href={orgPath(
                  slug,
                  `/dashboard?${toSearchParams(withFilterValue(filters, "verdicts", v.verdict)).toString()}`,
                )}
                className="text-brand-700 hover:underline"
              >
                {v.label}
              </Link>
            ),
          },
          {
            key: "pilots",
            header: <span className="sr-only">Pilots</span>,
            headerClassName: "p-0",
            ...FIGURE,
            cell: (v) => v.pilots,
          },
        ]}
        rows={data}
        rowKey={(v) => v.verdict}
      />
    </Panel>
  );
}

export function TopGapsPanel({ gaps, assessed, slug }: { gaps: SystemicGap[]; assessed: number; slug: string }) {
  return (
    <Panel
      id="gaps-title"
      title="Gaps that recur across the portfolio"
      description="Criteria most often below their target level in the latest assessments. Select one to list the pilots below target on it."
    >
      {gaps.length === 0 ? (
        <p className="text-sm text-slate-600">
          {assessed === 0
            ? "Not assessed: no completed assessments in this view."
            : "No criterion is below target. Every assessed pilot meets its targets."}
        </p>
      ) : (
        <ol className="space-y-3">
          {gaps.map((g) => (
            <li key={g.criterionKey}>
              <div className="flex items-baseline justify-between gap-3 text-sm">
                <span>
                  <Link
                    href={orgPath(slug, `/pilots${g.pilotsSearch}`)}
                    className="font-medium text-brand-700 hover:underline"
                    title={g.criterionKey}
                  >
                    {g.title}
                  </Link>
                  {g.isGate && <Badge className="ml-2 bg-red-50 text-red-800 ring-red-200">Gate</Badge>}
                </span>
                <span className="shrink-0 tabular-nums">
                  {g.pilots} of {plural(assessed, "pilot")}
                </span>
              </div>
              <div className="mt-1 h-2 rounded-full bg-slate-100" aria-hidden="true">
                <div
                  className="h-2 rounded-full bg-red-400"
                  style={{ width: `${(g.pilots / Math.max(assessed, 1)) * 100}%` }}
                />
              </div>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}

export function FunnelPanel({ funnel }: { funnel: FunnelStage[] }) {
  const data = funnel.map((s) => ({ ...s, label: STAGE_LABELS[s.stage] }));
  return (
    <Panel
      id="funnel-title"
      title="Stage funnel"
      description="Pilots in each stage now, and the median days a pilot spends in each stage (past and current stays). Retired pilots count here, as the end of the funnel, though no other figure counts them unless the stage filter asks."
    >
      <FunnelChart data={data} />
      <Table
        {...NUMBERS}
        caption="Pilots and median days per stage"
        className="mt-2"
        columns={[
          { key: "stage", header: "Stage", rowHeader: true, cell: (s) => s.label },
          { key: "pilots", header: "Pilots now", ...FIGURE, cell: (s) => s.pilots },
          {
            key: "median",
            header: "Median days in stage",
            ...FIGURE,
            cell: (s) => (s.medianDays === null ? "—" : Math.round(s.medianDays)),
          },
        ]}
        rows={data}
        rowKey={(s) => s.stage}
      />
    </Panel>
  );
}

const REASONS = {
  LONG_IN_STAGE: "Long in stage",
  NO_RECENT_ASSESSMENT: "No assessment in 90 days",
  NEVER_ASSESSED: "Never assessed",
} as const;

export function StalledPanel({ stalled, slug }: { stalled: StalledList; slug: string }) {
  return (
    <Panel
      id="stalled-title"
      title={`Stalled pilots (${stalled.total})`}
      description={`In pilot or production intent for more than ${stalled.stalledDays} days, or not yet in production with no assessment in ${stalled.assessmentWindowDays} days (never assessed: once registered more than ${stalled.stalledDays} days ago).`}
    >
      <Table
        {...NUMBERS}
        caption="Stalled pilots, longest in stage first"
        stickyHeader
        className="max-h-96"
        columns={[
          {
            key: "pilot",
            header: "Pilot",
            rowHeader: true,
            className: "font-medium",
            cell: (p) => (
              <Link href={orgPath(slug, `/pilots/${p.pilotId}`)} className="text-brand-700 hover:underline">
                {p.name}
              </Link>
            ),
          },
          { key: "stage", header: "Stage", cell: (p) => <StageBadge stage={p.stage} /> },
          { key: "days", header: "Days in stage", ...FIGURE, cell: (p) => p.daysInStage },
          {
            key: "assessed",
            header: "Last assessed",
            headerClassName: "pl-3",
            className: "pl-3",
            cell: (p) => (p.lastAssessedAt ? formatDate(p.lastAssessedAt) : "Never"),
          },
          {
            key: "why",
            header: "Why",
            headerClassName: "pl-3",
            className: "pl-3 text-xs text-slate-600",
            cell: (p) => p.reasons.map((r) => REASONS[r]).join("; "),
          },
        ]}
        rows={stalled.rows}
        rowKey={(p) => p.pilotId}
        empty="No stalled pilots in this view."
      />
      {stalled.rows.length > 0 && stalled.total > stalled.rows.length && (
        <p className="mt-2 text-xs text-slate-500">
          Showing {stalled.rows.length} of {stalled.total}.
        </p>
      )}
    </Panel>
  );
}

export function TrendPanel({ trend }: { trend: TrendMonth[] }) {
  return (
    <Panel
      id="trend-title"
      title="Readiness over time"
      description="The portfolio at the end of each month (last 18 months): each pilot's latest assessment as of then, carried forward until its next one."
    >
      {trend.every((m) => m.assessedPilots === 0) ? (
        <p className="text-sm text-slate-600">Not assessed: no completed assessments in this view yet.</p>
      ) : (
        <>
          <TrendChart data={trend} />
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-brand-700">Show the numbers</summary>
            <Table
              {...NUMBERS}
              caption="Readiness at the end of each month"
              className="mt-2"
              columns={[
                { key: "month", header: "Month", rowHeader: true, cell: (m) => m.month },
                {
                  key: "assessed",
                  header: "Assessed pilots",
                  ...FIGURE,
                  cell: (m) => `${m.assessedPilots} of ${m.pilots}`,
                },
                { key: "median", header: "Median", ...FIGURE, cell: (m) => formatScore(m.medianReadiness) },
                { key: "mean", header: "Mean", ...FIGURE, cell: (m) => formatScore(m.meanReadiness) },
                {
                  key: "ready",
                  header: "Ready",
                  ...FIGURE,
                  cell: (m) => (m.readyShare === null ? "—" : `${Math.round(m.readyShare * 100)}%`),
                },
              ]}
              rows={trend}
              rowKey={(m) => m.month}
            />
          </details>
        </>
      )}
    </Panel>
  );
}

export function CostPanel({ cost, currency, slug }: { cost: CostVsReadiness; currency: string; slug: string }) {
  return (
    <Panel
      id="cost-title"
      title="Cost per outcome against readiness"
      description="One point per assessed pilot with a known monthly cost and outcomes (cost per outcome on a log scale). Select a point to open the pilot."
    >
      {cost.points.length === 0 ? (
        <p className="text-sm text-slate-600">
          No assessed pilot in this view has both a monthly cost and outcomes per month recorded.
        </p>
      ) : (
        <>
          <CostScatter points={cost.points} currency={currency} />
          {cost.capped && (
            <p className="text-xs text-slate-500">
              Showing {cost.points.length} of {plural(cost.total, "pilot")}.
            </p>
          )}
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-brand-700">Show the numbers</summary>
            <Table
              {...NUMBERS}
              caption="Cost per outcome and readiness per pilot"
              className="mt-2"
              columns={[
                {
                  key: "pilot",
                  header: "Pilot",
                  rowHeader: true,
                  cell: (p) => (
                    <Link href={orgPath(slug, `/pilots/${p.pilotId}`)} className="text-brand-700 hover:underline">
                      {p.name}
                    </Link>
                  ),
                },
                { key: "readiness", header: "Readiness", ...FIGURE, cell: (p) => formatScore(p.readiness) },
                {
                  key: "cost",
                  header: "Cost per outcome",
                  ...FIGURE,
                  cell: (p) => formatCostPerOutcome(p.costPerOutcome, currency),
                },
              ]}
              rows={cost.points.slice(0, 200)}
              rowKey={(p) => p.pilotId}
            />
          </details>
        </>
      )}
    </Panel>
  );
}

export function RollupPanel({
  rollup,
  filters,
  currency,
  slug,
}: {
  rollup: Portfolio["rollup"];
  filters: PortfolioFilters;
  currency: string;
  slug: string;
}) {
  const other = rollup.groupBy === "unit" ? "team" : "unit";
  const name = rollup.groupBy === "unit" ? "Business unit" : "Owning team";
  return (
    <Panel
      id="rollup-title"
      title={`By ${name.toLowerCase()}`}
      description="Each group's figures, with the same filters applied."
    >
      <p className="mb-3 text-sm">
        <Link
          href={orgPath(slug, `/dashboard?${toSearchParams({ ...filters, groupBy: other }).toString()}#rollup-title`)}
          className="font-medium text-brand-700 hover:underline"
        >
          Group by {other === "unit" ? "business unit" : "owning team"} instead
        </Link>
      </p>
      <Table
        {...NUMBERS}
        caption={`Figures per ${name.toLowerCase()}`}
        columns={[
          {
            key: "group",
            header: name,
            rowHeader: true,
            className: "font-medium",
            cell: (r) => (
              <Link
                href={orgPath(
                  slug,
                  `/dashboard?${toSearchParams(withFilterValue(filters, rollup.groupBy === "unit" ? "units" : "teams", r.group)).toString()}`,
                )}
                className="text-brand-700 hover:underline"
              >
                {r.group}
              </Link>
            ),
          },
          { key: "pilots", header: "Pilots", ...FIGURE, cell: (r) => r.pilots },
          { key: "assessed", header: "Assessed", ...FIGURE, cell: (r) => r.assessed },
          { key: "ready", header: "Ready", ...FIGURE, cell: (r) => r.ready },
          {
            key: "median",
            header: "Median readiness",
            ...FIGURE,
            cell: (r) => (r.medianReadiness === null ? "Not assessed" : formatScore(r.medianReadiness)),
          },
          { key: "stalled", header: "Stalled", ...FIGURE, cell: (r) => r.stalled },
          {
            key: "spend",
            header: "Pre-production spend / month",
            ...FIGURE,
            cell: (r) => (r.spend.amount === null ? "Unknown" : formatMoney(r.spend.amount, currency)),
          },
        ]}
        rows={rollup.rows}
        rowKey={(r) => r.group}
      />
    </Panel>
  );
}
