import { Card } from "@/components/ui/card";
import { formatCoverage, formatDate, formatScore, plural } from "@/lib/format";
import { VerdictBadge } from "@/modules/assessments/shared";
import { StageBadge } from "@/modules/pilots/shared";
import { BarList } from "@/modules/portfolio/components/bar-list";
import { LazyTrendChart } from "@/modules/portfolio/components/lazy-charts";
import { Panel } from "@/modules/portfolio/components/panel";
import { VERDICT_BAR_CLASS } from "@/modules/portfolio/components/score-colour";
import { VERDICT_FILTER_LABELS } from "@/modules/portfolio/shared";
import {
  headlineFigures,
  methodParagraphs,
  type FollowUp,
  type PilotReport,
  type PortfolioReport,
  type ReportMethod,
  type ReportPilot,
} from "@/modules/reports/shared";

/**
 * A report as a web page, for the read-only share links: the same model as the PDF, drawn with
 * the dashboard's presentational pieces. Nothing here links into the organisation — names are
 * text, bars are not filters — so the page shows its one view and leads nowhere else.
 */

function Summary({ lines }: { lines: string[] }) {
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800">
      {lines.map((l, i) => (
        <li key={i}>{l}</li>
      ))}
    </ul>
  );
}

const scoreBar = (score: number | null) =>
  score === null ? "bg-slate-300" : score >= 75 ? "bg-emerald-600" : score >= 50 ? "bg-amber-500" : "bg-red-500";

/** Scores 0–100 as bars, with the whole pillar name (it wraps) and "Not scored" — never 0 — for none. */
function ScoreBars({
  label,
  items,
}: {
  label: string;
  items: { title: string; score: number | null; detail?: string }[];
}) {
  return (
    <ul aria-label={label} className="mt-3 space-y-1 text-sm">
      {items.map((item) => (
        <li
          key={item.title}
          className="grid grid-cols-[minmax(0,10rem)_minmax(2rem,1fr)_4.5rem] items-center gap-x-3 sm:grid-cols-[minmax(0,14rem)_minmax(2rem,1fr)_5rem]"
        >
          <span className="min-w-0 [overflow-wrap:anywhere]">
            {item.title}
            {item.detail && <span className="block text-xs text-slate-500">{item.detail}</span>}
          </span>
          <span aria-hidden="true" className="h-3 rounded-sm bg-slate-100">
            <span
              className={`block h-3 rounded-sm ${scoreBar(item.score)}`}
              style={{ width: `${Math.max(0, Math.min(100, item.score ?? 0))}%` }}
            />
          </span>
          <span className={`text-right tabular-nums ${item.score === null ? "text-xs text-slate-500" : ""}`}>
            {formatScore(item.score)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function PilotCard({ pilot, headingLevel = "h3" }: { pilot: ReportPilot; headingLevel?: "h2" | "h3" }) {
  const H = headingLevel;
  return (
    <article className="rounded-md p-4 ring-1 ring-slate-200 print:break-inside-avoid">
      <div className="flex flex-wrap items-center gap-2">
        <H className="text-base font-semibold [overflow-wrap:anywhere]">{pilot.name}</H>
        <StageBadge stage={pilot.stage} />
        {pilot.verdict ? (
          <VerdictBadge verdict={pilot.verdict} />
        ) : (
          <span className="text-xs text-slate-500">Not assessed</span>
        )}
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-xs text-slate-500">Readiness</dt>
          <dd className="font-semibold tabular-nums">{formatScore(pilot.readiness)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Stage</dt>
          <dd>{plural(pilot.daysInStage, "day")} in it</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Owner</dt>
          <dd className="[overflow-wrap:anywhere]">{pilot.ownerName ?? "Not named"}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Assessed</dt>
          <dd>
            {pilot.assessedAt ? `${formatDate(pilot.assessedAt)} · coverage ${formatCoverage(pilot.coverage)}` : "—"}
          </dd>
        </div>
      </dl>
      {pilot.pillars.length > 0 && <ScoreBars label={`Pillar scores of ${pilot.name}`} items={pilot.pillars} />}
      {pilot.gaps.length > 0 && (
        <>
          <h4 className="mt-3 text-sm font-semibold">
            Top gaps and next steps
            {pilot.gapCount > pilot.gaps.length ? ` (${pilot.gaps.length} of ${pilot.gapCount})` : ""}
          </h4>
          <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm">
            {pilot.gaps.map((g, i) => (
              <li key={i}>
                <span className="font-medium">{g.title}</span>
                {g.isGate && <span className="ml-1 text-xs font-semibold text-red-700">(gate)</span>}
                <span className="text-slate-500">
                  {" "}
                  — level {g.level} of target {g.targetLevel}
                </span>
                <span className="block text-slate-700">Next step: {g.nextStep}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </article>
  );
}

function FollowUps({ followUps }: { followUps: FollowUp[] }) {
  return followUps.length === 0 ? (
    <p className="text-sm text-slate-600">No follow-ups from workshops are recorded for this view.</p>
  ) : (
    <ul className="space-y-1 text-sm">
      {followUps.map((f, i) => (
        <li key={i}>
          {f.title}
          <span className="text-slate-500">
            {f.pilotName ? ` · ${f.pilotName}` : ""} · {f.why} · {f.workshop}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Method({ method }: { method: ReportMethod }) {
  return (
    <details className="text-sm text-slate-700">
      <summary className="cursor-pointer font-medium text-slate-900">How scores and verdicts are computed</summary>
      <div className="mt-2 space-y-2">
        {methodParagraphs(method).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
    </details>
  );
}

export function PortfolioReportView({ report }: { report: PortfolioReport }) {
  const figures = headlineFigures(report.headline, report.filters.stalledDays);
  return (
    <div className="space-y-6 print:space-y-3">
      <p className="text-xs text-slate-600">{report.view.join(" · ")}</p>
      <section aria-labelledby="headline-title">
        <h2 id="headline-title" className="sr-only">
          Headline figures
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5 print:grid-cols-5">
          {figures.map((f) => (
            <Card key={f.label} className="p-4 print:p-2">
              <dt className="text-sm text-slate-600">{f.label}</dt>
              <dd>
                <span className="mt-1 block text-2xl font-bold tabular-nums sm:text-3xl">{f.value}</span>
                {f.detail && <span className="mt-1 block text-xs text-slate-500">{f.detail}</span>}
              </dd>
            </Card>
          ))}
        </dl>
      </section>
      <Panel id="summary-title" title="Executive summary">
        <Summary lines={report.summary} />
      </Panel>
      <div className="grid gap-6 lg:grid-cols-2 print:block print:space-y-3">
        <Panel id="verdicts-title" title="Verdicts">
          <BarList
            label="Pilots per verdict"
            items={report.verdicts.map((v) => ({
              key: v.verdict,
              label: VERDICT_FILTER_LABELS[v.verdict],
              value: v.pilots,
              barClass: VERDICT_BAR_CLASS[v.verdict],
            }))}
          />
        </Panel>
        <Panel id="pillars-title" title="Average score by pillar">
          {report.pillarAverages.length === 0 ? (
            <p className="text-sm text-slate-600">Not assessed: no completed assessments in this view.</p>
          ) : (
            <ScoreBars
              label="Average pillar score, 0 to 100"
              items={report.pillarAverages.map((p) => ({
                title: p.title,
                score: p.average,
                detail: plural(p.pilots, "pilot"),
              }))}
            />
          )}
        </Panel>
        <Panel id="gaps-title" title="Gaps that recur across the portfolio">
          {report.topGaps.length === 0 ? (
            <p className="text-sm text-slate-600">No criterion is below target in this view.</p>
          ) : (
            <ol className="space-y-1 text-sm">
              {report.topGaps.map((g) => (
                <li key={g.criterionKey} className="flex justify-between gap-3">
                  <span>
                    {g.title}
                    {g.isGate && <span className="ml-1 text-xs font-semibold text-red-700">(gate)</span>}
                  </span>
                  <span className="shrink-0 tabular-nums">
                    {g.pilots} of {plural(report.headline.assessed, "pilot")}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </Panel>
        <Panel id="trend-title" title="Readiness over time">
          <LazyTrendChart data={report.trend} />
        </Panel>
      </div>
      <Panel id="stalled-title" title={`Stalled pilots (${report.stalled.total.toLocaleString("en")})`}>
        {report.stalled.rows.length === 0 ? (
          <p className="text-sm text-slate-600">No pilot is stalled.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {report.stalled.rows.map((p) => (
              <li key={p.pilotId}>
                {p.name} <span className="text-slate-500">— {plural(p.daysInStage, "day")} in stage</span>
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <Panel id="pilots-title" title="Pilots">
        <p className="mb-3 text-sm text-slate-600">
          {report.pilots.length < report.pilotsInView
            ? `The ${report.pilots.length} least ready of ${plural(report.pilotsInView, "pilot")} in view.`
            : `Every pilot in view, least ready first.`}
        </p>
        <div className="space-y-3">
          {report.pilots.map((p) => (
            <PilotCard key={p.id} pilot={p} />
          ))}
        </div>
      </Panel>
      <Panel id="followups-title" title="Follow-ups from workshops">
        <FollowUps followUps={report.followUps} />
      </Panel>
      <Method method={report.method} />
    </div>
  );
}

export function PilotReportView({ report }: { report: PilotReport }) {
  return (
    <div className="space-y-6 print:space-y-3">
      <Panel id="summary-title" title="Summary">
        <Summary lines={report.summary} />
      </Panel>
      <PilotCard pilot={report.pilot} headingLevel="h2" />
      {report.history.length > 1 && (
        <Panel id="history-title" title="Assessment history">
          <ul className="space-y-1 text-sm">
            {report.history.map((h) => (
              <li key={h.completedAt}>
                {formatDate(h.completedAt)} · {h.verdict ? VERDICT_FILTER_LABELS[h.verdict] : "—"} · readiness{" "}
                {formatScore(h.readiness)}
              </li>
            ))}
          </ul>
        </Panel>
      )}
      <Panel id="followups-title" title="Follow-ups from workshops">
        <FollowUps followUps={report.followUps} />
      </Panel>
      <Method method={report.method} />
    </div>
  );
}
