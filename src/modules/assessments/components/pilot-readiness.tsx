import Link from "next/link";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Table, type TableColumn } from "@/components/ui/table";
import { DEFAULT_THRESHOLDS } from "@/modules/scoring";
import type { AssessmentSummary } from "../service";
import { ReadinessTrendChart, type TrendPoint } from "./readiness-trend-chart";
import { formatCoverage, formatDate, formatScore } from "@/lib/format";
import { StartAssessmentButton } from "./start-assessment-button";
import { VERDICT_DESCRIPTIONS, VerdictBadge } from "./verdict-badge";
import { orgPath } from "@/modules/access/shared";

/** The pilot page's readiness card: latest verdict, start or continue, trend and history. */
export function PilotReadiness({
  pilotId,
  assessments,
  canAssess,
  slug,
  sources = {},
}: {
  slug: string;
  pilotId: string;
  assessments: AssessmentSummary[];
  canAssess: boolean;
  /** Assessments a live workshop wrote, by id: shown beside their date. */
  sources?: Record<string, { title: string; date: Date; participants: number }>;
}) {
  const origin = (a: AssessmentSummary) => {
    const s = sources[a.id];
    return (
      s && (
        <span className="block text-xs text-slate-500">
          From the workshop “{s.title}” of {formatDate(s.date)}, {s.participants}{" "}
          {s.participants === 1 ? "participant" : "participants"}
        </span>
      )
    );
  };
  const completed = assessments.filter((a) => a.status === "COMPLETED" && a.completedAt !== null);
  const latest = completed[0] ?? null;
  const open = assessments.find((a) => a.status === "IN_PROGRESS") ?? null;
  const points: TrendPoint[] = completed
    .map((a) => ({ at: a.completedAt!.getTime(), readiness: a.readinessScore, mean: a.meanScore, verdict: a.verdict }))
    .sort((a, b) => a.at - b.at);
  const href = (id: string) => orgPath(slug, `/pilots/${pilotId}/assessments/${id}`);
  const inProgress = (a: AssessmentSummary) => a.status === "IN_PROGRESS";
  const discarded = (a: AssessmentSummary) => a.status === "DISCARDED";
  /** A figure that an assessment in progress (or discarded) does not have. */
  const figure = (a: AssessmentSummary, value: React.ReactNode) => (a.status !== "COMPLETED" ? "—" : value);

  const history: TableColumn<AssessmentSummary>[] = [
    {
      key: "date",
      header: "Date",
      className: (a) => cn("min-w-40", a.status !== "COMPLETED" ? "text-slate-700" : "text-slate-900"),
      cell: (a) =>
        inProgress(a) ? (
          <>
            Started <time dateTime={a.startedAt.toISOString()}>{formatDate(a.startedAt)}</time>
            {origin(a)}
          </>
        ) : discarded(a) ? (
          <>
            Discarded <time dateTime={a.discardedAt?.toISOString()}>{formatDate(a.discardedAt)}</time>
            {origin(a)}
          </>
        ) : (
          <>
            <time dateTime={a.completedAt?.toISOString()}>{formatDate(a.completedAt)}</time>
            {origin(a)}
          </>
        ),
    },
    {
      key: "verdict",
      header: "Verdict",
      className: (a) => (a.status !== "COMPLETED" ? "text-slate-600" : undefined),
      cell: (a) =>
        inProgress(a) ? (
          "In progress"
        ) : discarded(a) ? (
          <>
            Discarded{a.discardedBy ? ` by ${a.discardedBy}` : ""}
            <span className="block text-xs text-slate-500">Not scored; started {formatDate(a.startedAt)}</span>
          </>
        ) : a.verdict ? (
          <VerdictBadge verdict={a.verdict} />
        ) : (
          "—"
        ),
    },
    {
      key: "readiness",
      header: "Readiness",
      align: "right",
      className: (a) => (a.status !== "COMPLETED" ? "text-slate-400" : "font-semibold tabular-nums"),
      cell: (a) => figure(a, formatScore(a.readinessScore)),
    },
    {
      key: "mean",
      header: "Mean of pillars",
      align: "right",
      className: (a) => (a.status !== "COMPLETED" ? "text-slate-400" : "tabular-nums text-slate-700"),
      cell: (a) => figure(a, formatScore(a.meanScore)),
    },
    {
      key: "framework",
      header: "Framework",
      align: "right",
      className: "tabular-nums text-slate-700",
      cell: (a) => `v${a.frameworkVersion}`,
    },
    {
      key: "open",
      header: <span className="sr-only">Open</span>,
      align: "right",
      className: "whitespace-nowrap",
      cell: (a) => (
        <Link href={href(a.id)} className="font-medium text-brand-700 hover:underline">
          {inProgress(a) ? (
            canAssess ? (
              "In progress — continue"
            ) : (
              "In progress — view"
            )
          ) : discarded(a) ? (
            <>
              View<span className="sr-only"> the assessment discarded on {formatDate(a.discardedAt)}</span>
            </>
          ) : (
            <>
              View results<span className="sr-only"> of {formatDate(a.completedAt)}</span>
            </>
          )}
        </Link>
      ),
    },
  ];

  return (
    <section aria-labelledby="readiness-heading">
      <Card className="p-4 sm:p-6">
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
          <div>
            <h2 id="readiness-heading" className="text-base font-semibold">
              Production readiness
            </h2>
            <p className="mt-1 text-sm text-slate-600">
              Scored against the production checklist. Readiness is the lowest pillar score: a pilot is only as ready as
              its weakest pillar.
            </p>
          </div>
          {canAssess && <StartAssessmentButton pilotId={pilotId} inProgress={open !== null} again={latest !== null} />}
        </div>

        {latest ? (
          <dl className="mt-5 grid gap-5 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-4">
            <div className="lg:col-span-2">
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Latest verdict</dt>
              <dd className="mt-1">
                {latest.verdict && <VerdictBadge verdict={latest.verdict} size="lg" />}
                {latest.verdict && (
                  <span className="mt-2 block text-sm text-slate-600">{VERDICT_DESCRIPTIONS[latest.verdict]}</span>
                )}
              </dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Readiness</dt>
              <dd className="mt-1">
                <span className="text-3xl font-bold tabular-nums text-slate-900">
                  {formatScore(latest.readinessScore)}
                </span>
                {latest.readinessScore !== null && <span className="ml-1 text-sm text-slate-500">/ 100</span>}
                <span className="mt-1 block text-sm text-slate-700">
                  Mean of pillars: <span className="tabular-nums">{formatScore(latest.meanScore)}</span>
                </span>
                <span className="block text-sm text-slate-500">Coverage {formatCoverage(latest.coverage)}</span>
              </dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Assessed</dt>
              <dd className="mt-1 text-sm text-slate-900">
                <time dateTime={latest.completedAt!.toISOString()}>{formatDate(latest.completedAt)}</time>
                <span className="block text-slate-500">Framework version {latest.frameworkVersion}</span>
                <Link href={href(latest.id)} className="mt-1 inline-block font-medium text-brand-700 hover:underline">
                  View results<span className="sr-only"> of {formatDate(latest.completedAt)}</span>
                </Link>
              </dd>
            </div>
          </dl>
        ) : (
          <div className="mt-5 rounded-md bg-slate-50 p-4 ring-1 ring-slate-200">
            <p className="font-medium text-slate-900">Not assessed yet</p>
            <p className="mt-1 text-sm text-slate-600">
              No assessment of this pilot has been completed, so its readiness is not known.
              {open
                ? " One is in progress."
                : canAssess
                  ? " Start one to get a verdict and a ranked list of what stands between this pilot and production."
                  : ""}
            </p>
          </div>
        )}

        {points.length >= 2 && (
          <section className="mt-6" aria-labelledby="trend-heading">
            <h3 id="trend-heading" className="text-sm font-semibold text-slate-900">
              Readiness over time
            </h3>
            <ReadinessTrendChart points={points} thresholds={DEFAULT_THRESHOLDS} />
            <p className="mt-1 text-xs text-slate-500">
              Dashed lines: the default thresholds (ready {DEFAULT_THRESHOLDS.ready}, conditional{" "}
              {DEFAULT_THRESHOLDS.conditional}). Each point is a completed assessment, by completion date.
            </p>
          </section>
        )}
        {points.length === 1 && (
          <p className="mt-4 text-sm text-slate-500">The trend appears once a second assessment is completed.</p>
        )}

        {assessments.length > 0 && (
          <section className="mt-6" aria-labelledby="history-heading">
            <h3 id="history-heading" className="text-sm font-semibold text-slate-900">
              Assessment history
            </h3>
            <Table
              variant="plain"
              caption="Assessment history"
              className="relative mt-2"
              columns={history}
              rows={assessments}
              rowKey={(a) => a.id}
              rowClassName={(a) => (a.status === "IN_PROGRESS" ? "bg-brand-50/40" : undefined)}
            />
          </section>
        )}
      </Card>
    </section>
  );
}
