import Link from "next/link";
import { Badge, Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { formatCostPerOutcome, formatDate, formatMoney, formatScore } from "@/lib/format";
import { VERDICT_LABELS } from "@/modules/assessments/shared";
import { STAGE_LABELS, StageBadge } from "@/modules/pilots/shared";
import { toSearchParams, type PortfolioFilters } from "../filters";
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

const verdictLabel = (v: VerdictCount["verdict"]) => (v === "NOT_ASSESSED" ? "Not assessed" : VERDICT_LABELS[v]);

/** A column header of the small number tables beside each chart. */
function Col({ children, right, padded }: { children: React.ReactNode; right?: boolean; padded?: boolean }) {
  return (
    <th scope="col" className={cn("py-1 font-medium", right && "text-right", padded && "pl-3")}>
      {children}
    </th>
  );
}

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
      <table className="mt-2 w-full text-sm">
        <caption className="sr-only">Pilots per verdict</caption>
        <tbody className="divide-y divide-slate-100">
          {data.map((v) => (
            <tr key={v.verdict}>
              <th scope="row" className="py-1 text-left font-normal">
                <Link
                  href={orgPath(slug, `/dashboard?${toSearchParams({ ...filters, verdict: v.verdict }).toString()}`)}
                  className="text-brand-700 hover:underline"
                >
                  {v.label}
                </Link>
              </th>
              <td className="py-1 text-right tabular-nums">{v.pilots}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

export function TopGapsPanel({ gaps, assessed }: { gaps: SystemicGap[]; assessed: number }) {
  return (
    <Panel
      id="gaps-title"
      title="Gaps that recur across the portfolio"
      description="Criteria most often below their target level in the latest assessments."
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
                  <span className="font-medium">{g.title}</span>
                  {g.isGate && <Badge className="ml-2 bg-red-50 text-red-800 ring-red-200">Gate</Badge>}
                  <span className="block text-xs text-slate-500">{g.criterionKey}</span>
                </span>
                <span className="shrink-0 tabular-nums">
                  {g.pilots} of {assessed} pilots
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
      description="Pilots in each stage now, and the median days a pilot spends in each stage (past and current stays)."
    >
      <FunnelChart data={data} />
      <table className="mt-2 w-full text-sm">
        <caption className="sr-only">Pilots and median days per stage</caption>
        <thead className="text-left text-xs text-slate-500">
          <tr>
            <Col>Stage</Col>
            <Col right>Pilots now</Col>
            <Col right>Median days in stage</Col>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {data.map((s) => (
            <tr key={s.stage}>
              <th scope="row" className="py-1 text-left font-normal">
                {s.label}
              </th>
              <td className="py-1 text-right tabular-nums">{s.pilots}</td>
              <td className="py-1 text-right tabular-nums">{s.medianDays === null ? "—" : Math.round(s.medianDays)}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
      description={`In pilot or production intent for more than ${stalled.stalledDays} days, or not yet in production with no assessment in ${stalled.assessmentWindowDays} days.`}
    >
      {stalled.rows.length === 0 ? (
        <p className="text-sm text-slate-600">No stalled pilots in this view.</p>
      ) : (
        <div className="max-h-96 overflow-y-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Stalled pilots, longest in stage first</caption>
            <thead className="sticky top-0 bg-white text-left text-xs text-slate-500">
              <tr>
                <Col>Pilot</Col>
                <Col>Stage</Col>
                <Col right>Days in stage</Col>
                <Col padded>Last assessed</Col>
                <Col padded>Why</Col>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {stalled.rows.map((p) => (
                <tr key={p.pilotId}>
                  <th scope="row" className="py-1.5 pr-2 text-left font-medium">
                    <Link href={orgPath(slug, `/pilots/${p.pilotId}`)} className="text-brand-700 hover:underline">
                      {p.name}
                    </Link>
                  </th>
                  <td className="py-1.5">
                    <StageBadge stage={p.stage} />
                  </td>
                  <td className="py-1.5 text-right tabular-nums">{p.daysInStage}</td>
                  <td className="py-1.5 pl-3">{p.lastAssessedAt ? formatDate(p.lastAssessedAt) : "Never"}</td>
                  <td className="py-1.5 pl-3 text-xs text-slate-600">{p.reasons.map((r) => REASONS[r]).join("; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {stalled.total > stalled.rows.length && (
            <p className="mt-2 text-xs text-slate-500">
              Showing {stalled.rows.length} of {stalled.total}.
            </p>
          )}
        </div>
      )}
    </Panel>
  );
}

export function TrendPanel({ trend }: { trend: TrendMonth[] }) {
  return (
    <Panel
      id="trend-title"
      title="Readiness over time"
      description="Completed assessments month by month (last 18 months). Months without assessments are left out, not shown as zero."
    >
      {trend.length === 0 ? (
        <p className="text-sm text-slate-600">Not assessed: no completed assessments in this view yet.</p>
      ) : (
        <>
          <TrendChart data={trend} />
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-brand-700">Show the numbers</summary>
            <table className="mt-2 w-full">
              <caption className="sr-only">Readiness per month</caption>
              <thead className="text-left text-xs text-slate-500">
                <tr>
                  <Col>Month</Col>
                  <Col right>Assessments</Col>
                  <Col right>Median</Col>
                  <Col right>Mean</Col>
                  <Col right>Ready</Col>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {trend.map((m) => (
                  <tr key={m.month}>
                    <th scope="row" className="py-1 text-left font-normal">
                      {m.month}
                    </th>
                    <td className="py-1 text-right tabular-nums">{m.assessments}</td>
                    <td className="py-1 text-right tabular-nums">{formatScore(m.medianReadiness)}</td>
                    <td className="py-1 text-right tabular-nums">{formatScore(m.meanReadiness)}</td>
                    <td className="py-1 text-right tabular-nums">{Math.round(m.readyShare * 100)}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
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
              Showing {cost.points.length} of {cost.total} pilots.
            </p>
          )}
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-brand-700">Show the numbers</summary>
            <table className="mt-2 w-full">
              <caption className="sr-only">Cost per outcome and readiness per pilot</caption>
              <thead className="text-left text-xs text-slate-500">
                <tr>
                  <Col>Pilot</Col>
                  <Col right>Readiness</Col>
                  <Col right>Cost per outcome</Col>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {cost.points.slice(0, 200).map((p) => (
                  <tr key={p.pilotId}>
                    <th scope="row" className="py-1 text-left font-normal">
                      <Link href={orgPath(slug, `/pilots/${p.pilotId}`)} className="text-brand-700 hover:underline">
                        {p.name}
                      </Link>
                    </th>
                    <td className="py-1 text-right tabular-nums">{formatScore(p.readiness)}</td>
                    <td className="py-1 text-right tabular-nums">{formatCostPerOutcome(p.costPerOutcome, currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
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
      <div className="overflow-x-auto">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Figures per {name.toLowerCase()}</caption>
          <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-4">
                {name}
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                Pilots
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                Assessed
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                Ready
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                Median readiness
              </th>
              <th scope="col" className="py-2 pr-4 text-right">
                Stalled
              </th>
              <th scope="col" className="py-2 text-right">
                Pre-production spend / month
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rollup.rows.map((r) => (
              <tr key={r.group}>
                <th scope="row" className="py-2 pr-4 text-left font-medium">
                  <Link
                    href={orgPath(
                      slug,
                      `/dashboard?${toSearchParams({ ...filters, [rollup.groupBy]: r.group }).toString()}`,
                    )}
                    className="text-brand-700 hover:underline"
                  >
                    {r.group}
                  </Link>
                </th>
                <td className="py-2 pr-4 text-right tabular-nums">{r.pilots}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{r.assessed}</td>
                <td className="py-2 pr-4 text-right tabular-nums">{r.ready}</td>
                <td className="py-2 pr-4 text-right tabular-nums">
                  {r.medianReadiness === null ? "Not assessed" : formatScore(r.medianReadiness)}
                </td>
                <td className="py-2 pr-4 text-right tabular-nums">{r.stalled}</td>
                <td className="py-2 text-right tabular-nums">
                  {r.spend.amount === null ? "Unknown" : formatMoney(r.spend.amount, currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
