import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { formatCostPerOutcome, formatDate, formatMoney, formatScore, plural, formatNumber } from "@/lib/format";
import { STAGE_LABELS, StageBadge } from "@/modules/pilots/shared";
import { figureStages, VERDICT_FILTER_LABELS, withFilterValue, type PortfolioFilters } from "../filters";
import type {
  CostVsReadiness,
  FunnelStage,
  Portfolio,
  RollupRow,
  StalledList,
  SystemicGap,
  TrendMonth,
  VerdictCount,
} from "../queries";
import { PRE_PRODUCTION_STAGES } from "../queries/constants";
import { BarList } from "./bar-list";
import { Panel } from "./panel";
import { VERDICT_BAR_CLASS } from "./score-colour";
import { logAxis, monthLabel } from "./chart-scales";
import { LazyCostScatter, LazyTrendChart } from "./lazy-charts";
import { dashboardHref, pilotListHref } from "./links";
import { orgPath } from "@/modules/access/shared";

/** The numbers behind the charts are small tables: no frame, tight rows, figures right-aligned. */
const NUMBERS = { variant: "plain", density: "compact" } as const;
const FIGURE = { align: "right", className: "tabular-nums" } as const;
/** A link to the rest of a figure, under it. */
const MORE = "font-medium text-brand-700 hover:underline";

/** Rollup groups shown; the others are summed in one row. */
export const ROLLUP_GROUPS_LIMIT = 10;

export function VerdictPanel({
  verdicts,
  filters,
  slug,
}: {
  verdicts: VerdictCount[];
  filters: PortfolioFilters;
  slug: string;
}) {
  return (
    <Panel
      id="verdicts-title"
      title="Verdicts"
      description="The verdict of each pilot's latest completed assessment. Select a verdict to filter the dashboard by it."
    >
      <BarList
        label="Pilots per verdict"
        items={verdicts.map((v) => {
          const selected = filters.verdicts.includes(v.verdict);
          return {
            key: v.verdict,
            label: VERDICT_FILTER_LABELS[v.verdict],
            value: v.pilots,
            barClass: VERDICT_BAR_CLASS[v.verdict],
            selected,
            href:
              v.pilots > 0 && !selected
                ? dashboardHref(slug, withFilterValue(filters, "verdicts", v.verdict))
                : undefined,
          };
        })}
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
                <span className="min-w-0">
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

export function FunnelPanel({
  funnel,
  filters,
  slug,
}: {
  funnel: FunnelStage[];
  filters: PortfolioFilters;
  slug: string;
}) {
  return (
    <Panel
      id="funnel-title"
      title="Stage funnel"
      description="Pilots in each stage now, and the median days a pilot spends in the stage (past and current stays). Retired pilots count here, as the end of the funnel, though no other figure counts them unless the stage filter asks. Select a stage to filter the dashboard by it."
    >
      <BarList
        label="Pilots per stage, with the median days in each stage"
        items={funnel.map((s) => {
          const selected = filters.stages.includes(s.stage);
          return {
            key: s.stage,
            label: STAGE_LABELS[s.stage],
            value: s.pilots,
            barClass: "bg-brand-600",
            detail: s.medianDays === null ? "No stays yet" : `Median ${plural(Math.round(s.medianDays), "day")}`,
            selected,
            href:
              s.pilots > 0 && !selected ? dashboardHref(slug, withFilterValue(filters, "stages", s.stage)) : undefined,
          };
        })}
      />
    </Panel>
  );
}

const REASONS = {
  LONG_IN_STAGE: "Long in stage",
  NO_RECENT_ASSESSMENT: "No assessment in 90 days",
  NEVER_ASSESSED: "Never assessed",
} as const;

export function StalledPanel({
  stalled,
  filters,
  slug,
}: {
  stalled: StalledList;
  filters: PortfolioFilters;
  slug: string;
}) {
  // Only pilots on their way to production stall: the list of those is where the rest are.
  const stages = figureStages(filters).filter((s) => (PRE_PRODUCTION_STAGES as readonly string[]).includes(s));
  return (
    <Panel
      id="stalled-title"
      title={`Stalled pilots (${formatNumber(stalled.total)})`}
      description={`In pilot or production intent for more than ${stalled.stalledDays} days, or not yet in production with no assessment in ${stalled.assessmentWindowDays} days (never assessed: once registered more than ${stalled.stalledDays} days ago).`}
    >
      <Table
        {...NUMBERS}
        caption="Stalled pilots, longest in stage first"
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
            className: "pl-3 whitespace-nowrap",
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
      {stalled.total > stalled.rows.length && (
        <p className="mt-3 text-sm text-slate-600">
          Showing the {stalled.rows.length} longest in stage of {plural(stalled.total, "stalled pilot")}.{" "}
          {stages.length > 0 && (
            <Link href={pilotListHref(slug, filters, { stages })} className={MORE}>
              Every pilot not yet in production is in the pilot list
            </Link>
          )}
        </p>
      )}
    </Panel>
  );
}

/** "End of Mar 2026: median readiness 62.5, 40 of 52 pilots assessed, 31% ready." */
function describeMonth(m: TrendMonth): string {
  const ready = m.readyShare === null ? "" : `, ${Math.round(m.readyShare * 100)}% ready`;
  return `End of ${monthLabel(m.month)}: median readiness ${formatScore(m.medianReadiness)}, ${formatNumber(m.assessedPilots)} of ${plural(m.pilots, "pilot")} assessed${ready}.`;
}

export function TrendPanel({ trend }: { trend: TrendMonth[] }) {
  const assessed = trend.filter((m) => m.assessedPilots > 0);
  const first = assessed[0];
  const last = trend.at(-1);
  return (
    <Panel
      id="trend-title"
      title="Readiness over time"
      description={`The portfolio at the end of each of the last ${trend.length} months, months without change included: each pilot's latest assessment as of then, carried forward until its next one.`}
    >
      {!first || !last ? (
        <p className="text-sm text-slate-600">Not assessed: no completed assessments in this view yet.</p>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700">
            {describeMonth(last)} {first !== last && describeMonth(first)}
          </p>
          <LazyTrendChart data={trend} />
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-brand-700">Show the numbers</summary>
            <Table
              {...NUMBERS}
              caption="Readiness at the end of each month, with the pilots assessed by then"
              className="mt-2"
              columns={[
                { key: "month", header: "Month", rowHeader: true, cell: (m) => monthLabel(m.month) },
                {
                  key: "assessed",
                  header: "Assessed pilots",
                  ...FIGURE,
                  cell: (m) => `${formatNumber(m.assessedPilots)} of ${formatNumber(m.pilots)}`,
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

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Readiness bands of the cost table, on the default thresholds (75 ready, 50 conditional). */
const BANDS = [
  { label: "75 and over", min: 75, max: Infinity },
  { label: "50 to 74", min: 50, max: 75 },
  { label: "Below 50", min: -Infinity, max: 50 },
] as const;

export function CostPanel({
  cost,
  currency,
  filters,
  slug,
}: {
  cost: CostVsReadiness;
  currency: string;
  filters: PortfolioFilters;
  slug: string;
}) {
  // A log scale has no zero: a pilot that costs nothing per outcome is counted, not drawn.
  // Points travel to the browser rounded to what a chart can show (a tenth of a point, four
  // significant figures of money): 200 full-precision floats were a third of the page's payload.
  const drawn = cost.points
    .filter((p) => p.costPerOutcome > 0)
    .map(({ pilotId, name, readiness, costPerOutcome }) => ({
      pilotId,
      name,
      readiness: Math.round(readiness * 10) / 10,
      costPerOutcome: Number(costPerOutcome.toPrecision(4)),
    }));
  const free = cost.points.length - drawn.length;
  const yAxis = logAxis(drawn.map((p) => p.costPerOutcome));
  const notDrawn = cost.total - drawn.length;
  const bands = BANDS.map((b) => {
    const inBand = cost.points.filter((p) => p.readiness >= b.min && p.readiness < b.max);
    return { ...b, pilots: inBand.length, median: median(inBand.map((p) => p.costPerOutcome)) };
  });
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
          {yAxis && <LazyCostScatter points={drawn} currency={currency} yAxis={yAxis} />}
          <p className="mt-2 text-sm text-slate-600">
            {notDrawn === 0 ? (
              `Showing all ${plural(cost.total, "pilot")} with a cost and outcomes.`
            ) : (
              <>
                Showing {formatNumber(drawn.length)} of {plural(cost.total, "pilot")} with a cost and outcomes
                {cost.capped && ` (the first ${formatNumber(cost.points.length)} by name)`}
                {free > 0 && `; ${plural(free, "pilot")} with no cost per outcome cannot sit on a log scale`}. The rest
                are in the{" "}
                <Link href={pilotListHref(slug, filters, { sort: "cost", dir: "desc" })} className={MORE}>
                  pilot list, most expensive first
                </Link>
                .
              </>
            )}
          </p>
          <Table
            {...NUMBERS}
            caption={`Median cost per outcome by readiness band, of these ${plural(cost.points.length, "pilot")}`}
            captionVisible
            className="mt-3"
            columns={[
              { key: "band", header: "Readiness", rowHeader: true, cell: (b) => b.label },
              { key: "pilots", header: "Pilots", ...FIGURE, cell: (b) => formatNumber(b.pilots) },
              {
                key: "median",
                header: "Median cost per outcome",
                ...FIGURE,
                cell: (b) => formatCostPerOutcome(b.median, currency),
              },
            ]}
            rows={bands}
            rowKey={(b) => b.label}
          />
        </>
      )}
    </Panel>
  );
}

/** The groups beyond the largest ones, summed: their median cannot be summed, so it is left out. */
function otherGroups(rows: RollupRow[]): RollupRow {
  const sum = (f: (r: RollupRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const known = rows.filter((r) => r.spend.amount !== null);
  const pilots = sum((r) => r.spend.pilots);
  return {
    group: "",
    pilots: sum((r) => r.pilots),
    assessed: sum((r) => r.assessed),
    ready: sum((r) => r.ready),
    medianReadiness: null,
    stalled: sum((r) => r.stalled),
    spend: {
      amount: known.length > 0 ? known.reduce((n, r) => n + r.spend.amount!, 0) : pilots === 0 ? 0 : null,
      pilots,
      withoutCost: sum((r) => r.spend.withoutCost),
    },
  };
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
  const groupsWord = rollup.groupBy === "unit" ? "business unit" : "owning team";
  // The largest groups; the rest in one row, so the totals still add up.
  const bySize = [...rollup.rows].sort((a, b) => b.pilots - a.pilots || (a.group < b.group ? -1 : 1));
  const shown = bySize.slice(0, ROLLUP_GROUPS_LIMIT);
  const rest = bySize.slice(ROLLUP_GROUPS_LIMIT);
  const others = rest.length > 0 ? otherGroups(rest) : null;
  const rows = others ? [...shown, others] : shown;
  const isOther = (r: RollupRow) => r === others;
  return (
    <Panel
      id="rollup-title"
      title={`By ${groupsWord}`}
      description="Each group's figures, with the same filters applied; the largest groups first. Select a group to filter the dashboard by it."
    >
      <p className="mb-3 text-sm print:hidden">
        <Link
          href={dashboardHref(slug, { ...filters, groupBy: other }, "#rollup-title")}
          className="font-medium text-brand-700 hover:underline"
        >
          Group by {other === "unit" ? "business unit" : "owning team"} instead
        </Link>
      </p>
      <Table
        {...NUMBERS}
        caption={`Figures per ${groupsWord}`}
        columns={[
          {
            key: "group",
            header: name,
            rowHeader: true,
            className: "font-medium",
            cell: (r) =>
              isOther(r) ? (
                <span className="text-slate-600">Other {plural(rest.length, groupsWord)}</span>
              ) : (
                <Link
                  href={dashboardHref(
                    slug,
                    withFilterValue(filters, rollup.groupBy === "unit" ? "units" : "teams", r.group),
                  )}
                  className="text-brand-700 hover:underline"
                >
                  {r.group}
                </Link>
              ),
          },
          { key: "pilots", header: "Pilots", ...FIGURE, cell: (r) => formatNumber(r.pilots) },
          { key: "assessed", header: "Assessed", ...FIGURE, cell: (r) => formatNumber(r.assessed) },
          { key: "ready", header: "Ready", ...FIGURE, cell: (r) => formatNumber(r.ready) },
          {
            key: "median",
            header: "Median readiness",
            ...FIGURE,
            cell: (r) =>
              isOther(r) ? "—" : r.medianReadiness === null ? "Not assessed" : formatScore(r.medianReadiness),
          },
          { key: "stalled", header: "Stalled", ...FIGURE, cell: (r) => formatNumber(r.stalled) },
          {
            key: "spend",
            header: "Pre-production spend / month",
            ...FIGURE,
            cell: (r) => (r.spend.amount === null ? "Unknown" : formatMoney(r.spend.amount, currency)),
          },
        ]}
        rows={rows}
        rowKey={(r) => (isOther(r) ? "\0other" : r.group)}
      />
      {rest.length > 0 && (
        <p className="mt-3 text-sm text-slate-600">
          Showing the {shown.length} largest of {plural(rollup.rows.length, groupsWord)}; the other {rest.length} are
          summed in the last row.{" "}
          <Link href={pilotListHref(slug, filters)} className={MORE}>
            Every pilot in this view is in the pilot list
          </Link>
          .
        </p>
      )}
    </Panel>
  );
}
