import { ButtonLink } from "@/components/ui/button";
import { Badge, Card, Notice } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Table } from "@/components/ui/table";
import type { GateResult, Level } from "@/modules/scoring";
import type { AnswerOutcome, ChangesSince, CriterionChange } from "../changes";
import type { AssessmentDetail, AssessmentSummary } from "../service";
import { LEVEL_NAMES } from "./levels";
import { PillarChart } from "./pillar-chart";
import { formatChange, formatCoverage, formatDate, formatScore, plural } from "@/lib/format";
import { VERDICT_DESCRIPTIONS, VERDICT_LABELS, VerdictBadge } from "./verdict-badge";
import { orgPath } from "@/modules/access/shared";

const GATE_STATUS: Record<GateResult["status"], { label: string; className: string; symbol: string }> = {
  met: { label: "Met", className: "bg-emerald-50 text-emerald-800 ring-emerald-300", symbol: "✓" },
  unmet: { label: "Unmet", className: "bg-red-50 text-red-800 ring-red-300", symbol: "✕" },
  unanswered: { label: "Unanswered", className: "bg-slate-100 text-slate-700 ring-slate-300", symbol: "?" },
  not_applicable: { label: "Not applicable", className: "bg-slate-50 text-slate-600 ring-slate-200", symbol: "–" },
};

function levelText(level: Level | null): string {
  return level === null ? "none" : `${level} (${LEVEL_NAMES[level]})`;
}

function SectionHeading({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <div className="mb-4">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {children && <p className="mt-1 text-sm text-slate-600">{children}</p>}
    </div>
  );
}

function Figure({ label, children, note }: { label: string; children: React.ReactNode; note?: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1">
        {children}
        {note && <span className="mt-1 block text-sm text-slate-600">{note}</span>}
      </dd>
    </div>
  );
}

/** The change of one pillar since the previous completed assessment, in words. */
function pillarChange(
  key: string,
  score: number | null,
  previous: AssessmentSummary | null,
): { text: string; tone: "up" | "down" | "flat" | "none" } {
  if (!previous) return { text: "First assessment", tone: "none" };
  const before = previous.pillarScores.find((p) => p.pillarKey === key);
  if (!before) return { text: "New pillar", tone: "none" };
  if (score === null) return { text: "Not scored now", tone: "none" };
  if (before.score === null) return { text: "Not scored before", tone: "none" };
  const delta = score - before.score;
  const text = formatChange(delta);
  return {
    text: text === "No change" ? text : `${text} points`,
    tone: text === "No change" ? "flat" : delta > 0 ? "up" : "down",
  };
}

const CHANGE_TONE = { up: "text-emerald-700", down: "text-red-700", flat: "text-slate-600", none: "text-slate-500" };

function outcomeText(outcome: AnswerOutcome): string {
  if (outcome.kind === "na") return "Not applicable";
  if (outcome.kind === "unanswered") return "Not answered";
  return `Level ${outcome.level} (${LEVEL_NAMES[outcome.level as Level]})`;
}

const DIRECTION: Record<CriterionChange["direction"], { symbol: string; label: string; className: string }> = {
  up: { symbol: "▲", label: "Up", className: "text-emerald-700" },
  down: { symbol: "▼", label: "Down", className: "text-red-700" },
  changed: { symbol: "●", label: "Changed", className: "text-slate-600" },
};

/** Per criterion, what changed since the previous completed assessment, and what was carried over. */
function ChangesSection({
  changes,
  carryOver,
}: {
  changes: ChangesSince | null;
  carryOver: AssessmentDetail["carryOver"];
}) {
  const since = changes ? formatDate(changes.previous.completedAt) : formatDate(carryOver?.from.completedAt);
  const summary = changes
    ? [
        `${plural(changes.changed.length, "criterion", "criteria")} changed`,
        `${changes.unchanged} unchanged`,
        ...(changes.added.length ? [`${changes.added.length} new in this framework version`] : []),
        ...(changes.removed.length ? [`${changes.removed.length} no longer in the checklist`] : []),
      ].join(", ")
    : null;
  return (
    <Card className="p-4 sm:p-6">
      <SectionHeading title={`Changes since ${since}`}>
        {summary ? `${summary}. ` : ""}Compared by criterion with the assessment completed on {since}.
      </SectionHeading>
      {carryOver && (
        <p className="mb-4 rounded-md bg-slate-50 p-3 text-sm text-slate-700 ring-1 ring-slate-200">
          {plural(carryOver.unchanged, "answer was", "answers were")} carried over unchanged from the assessment of{" "}
          {formatDate(carryOver.from.completedAt)}
          {carryOver.unconfirmed > 0 ? (
            <>
              {" "}
              —{" "}
              <strong className="font-semibold text-amber-900">
                {carryOver.unconfirmed} of them never confirmed
              </strong>{" "}
              by anyone.
            </>
          ) : (
            ", each confirmed by someone."
          )}{" "}
          {carryOver.carried - carryOver.unchanged > 0 &&
            `${plural(carryOver.carried - carryOver.unchanged, "carried-over answer was", "carried-over answers were")} changed.`}
        </p>
      )}
      {changes && changes.changed.length > 0 && (
        <Table
          variant="plain"
          caption={`Criteria whose answer changed since ${since}`}
          className="relative"
          columns={[
            {
              key: "criterion",
              header: "Criterion",
              rowHeader: true,
              className: "font-medium text-slate-900",
              cell: (c) => (
                <>
                  {c.title}
                  <span className="block text-xs font-normal text-slate-500">{c.pillarTitle}</span>
                </>
              ),
            },
            { key: "before", header: "Before", className: "text-slate-700", cell: (c) => outcomeText(c.before) },
            {
              key: "after",
              header: "Now",
              className: (c) => cn("font-medium", DIRECTION[c.direction].className),
              cell: (c) => (
                <>
                  <span aria-hidden="true" className="mr-1">
                    {DIRECTION[c.direction].symbol}
                  </span>
                  <span className="sr-only">{DIRECTION[c.direction].label}: </span>
                  {outcomeText(c.after)}
                </>
              ),
            },
          ]}
          rows={changes.changed}
          rowKey={(c) => c.key}
        />
      )}
      {changes && changes.changed.length === 0 && (
        <p className="text-sm text-slate-600">No answer changed level or applicability since {since}.</p>
      )}
      {changes && changes.added.length > 0 && (
        <div className="mt-4">
          <h3 className="text-sm font-semibold text-slate-900">New in this framework version</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {changes.added.map((c) => (
              <li key={c.key}>
                <span className="text-slate-900">{c.title}</span>
                <span className="text-slate-500">
                  {" "}
                  · {c.pillarTitle} · {outcomeText(c.after)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {changes && changes.removed.length > 0 && (
        <div className="mt-4">
          <h3 className="text-sm font-semibold text-slate-900">No longer in the checklist</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {changes.removed.map((c) => (
              <li key={c.key}>
                <span className="text-slate-900">{c.title}</span>
                <span className="text-slate-500"> · was {outcomeText(c.before).toLowerCase()}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}

/** The results of a completed assessment: verdict, scores, gates, ranked gaps and the change since last time. */
export function AssessmentResults({
  detail,
  previous,
  changes,
  slug,
}: {
  detail: AssessmentDetail;
  previous: AssessmentSummary | null;
  /** Per criterion, since the previous completed assessment; null when there is none. */
  changes: ChangesSince | null;
  slug: string;
}) {
  const { score, framework, pilot } = detail;
  const completed = detail.status === "COMPLETED";
  const pillarTitle = new Map(framework.pillars.map((p) => [p.key, p.title]));
  const criterionTitle = new Map(framework.pillars.flatMap((p) => p.criteria.map((c) => [c.key, c.title] as const)));
  const answers = new Map(detail.answers.map((a) => [a.criterionKey, a]));

  const scored = score.pillars.filter((p) => p.score !== null);
  const weakest = scored.length ? scored.reduce((low, p) => (p.score! < low.score! ? p : low)) : null;
  const notApplicable = detail.answers.filter((a) => a.notApplicable);
  const unanswered = framework.pillars.flatMap((p) =>
    p.criteria
      .filter((c) => {
        const a = answers.get(c.key);
        return !a || (!a.notApplicable && a.level === null);
      })
      .map((c) => ({ key: c.key, title: c.title, pillar: p.title })),
  );
  const pillars = score.pillars.map((p) => ({ ...p, change: pillarChange(p.key, p.score, previous) }));
  const readinessChange =
    previous && previous.readinessScore !== null && score.readiness !== null
      ? formatChange(score.readiness - previous.readinessScore)
      : null;

  return (
    <article className="space-y-6">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">Assessment results: {pilot.name}</h1>
          <p className="mt-1 text-slate-600">
            {framework.frameworkName}, version {framework.version}
          </p>
          <p className="mt-1 text-sm text-slate-500">
            {completed ? (
              <>
                Completed by {detail.completedBy ?? "a former member"} on{" "}
                <time dateTime={detail.completedAt ?? undefined}>{formatDate(detail.completedAt)}</time>
              </>
            ) : (
              "Not completed yet"
            )}
            {" · "}started <time dateTime={detail.startedAt}>{formatDate(detail.startedAt)}</time>
            {detail.startedBy ? ` by ${detail.startedBy}` : ""}
          </p>
        </div>
        <ButtonLink href={orgPath(slug, `/pilots/${pilot.id}`)} variant="secondary" className="shrink-0">
          <span aria-hidden="true">←</span> Back to {pilot.name}
        </ButtonLink>
      </header>

      {completed && (
        <Notice tone="info">
          This assessment is completed and read-only: its scores are kept as they were on{" "}
          {formatDate(detail.completedAt)}. To record changes, start a new assessment from the pilot&apos;s page.
        </Notice>
      )}

      <Card className="p-4 sm:p-6">
        <dl className="grid gap-6 md:grid-cols-2 xl:grid-cols-4">
          <Figure label="Verdict" note={VERDICT_DESCRIPTIONS[score.verdict]}>
            <VerdictBadge verdict={score.verdict} size="lg" />
          </Figure>
          <Figure
            label="Readiness score"
            note={
              <>
                The lowest pillar{weakest ? ` (${weakest.title})` : ""}: a pilot is only as ready as its weakest link.
                <span className="mt-1 block font-medium text-slate-800">
                  Mean of pillars: <span className="tabular-nums">{formatScore(score.mean)}</span>
                </span>
              </>
            }
          >
            <span className="text-3xl font-bold tabular-nums text-slate-900">{formatScore(score.readiness)}</span>
            {score.readiness !== null && <span className="ml-1 text-sm text-slate-500">/ 100</span>}
          </Figure>
          <Figure
            label="Coverage"
            note={
              <>
                {score.answered} of {plural(score.applicable, "applicable criterion", "applicable criteria")} answered
                {notApplicable.length > 0 && `; ${notApplicable.length} marked not applicable`}.
              </>
            }
          >
            <span className="text-3xl font-bold tabular-nums text-slate-900">{formatCoverage(score.coverage)}</span>
          </Figure>
          <Figure
            label="Since the previous assessment"
            note={
              previous ? (
                <>
                  Readiness {formatScore(previous.readinessScore)} on {formatDate(previous.completedAt)}
                  {previous.verdict && <>, verdict {VERDICT_LABELS[previous.verdict].toLowerCase()}</>}.
                </>
              ) : (
                "There is no earlier completed assessment of this pilot to compare with."
              )
            }
          >
            <span className="text-3xl font-bold tabular-nums text-slate-900">
              {previous ? (readinessChange ?? "—") : "First"}
            </span>
            {previous && readinessChange && readinessChange !== "No change" && (
              <span className="ml-1 text-sm text-slate-500">points</span>
            )}
            {!previous && <span className="ml-1 text-sm text-slate-500">assessment</span>}
          </Figure>
        </dl>
        <p className="mt-6 border-t border-slate-100 pt-4 text-xs text-slate-500">
          Thresholds of this framework version: ready at {framework.thresholds.ready} or more, conditional at{" "}
          {framework.thresholds.conditional} or more. Every gate must reach its target level before a pilot can be
          called ready.
        </p>
      </Card>

      <Card className="p-4 sm:p-6">
        <SectionHeading title="Pillar scores">
          Each pillar scores 0–100 from the levels of its answered, applicable criteria, weighted.
        </SectionHeading>
        <PillarChart
          pillars={score.pillars.map((p) => ({
            key: p.key,
            title: p.title,
            score: p.score,
            coverage: p.coverage,
            answered: p.answered,
            applicable: p.applicable,
          }))}
          thresholds={framework.thresholds}
        />
        <Table
          variant="plain"
          caption="Pillar scores, coverage and change since the previous assessment"
          className="relative mt-6"
          columns={[
            {
              key: "pillar",
              header: "Pillar",
              rowHeader: true,
              className: "font-medium text-slate-900",
              cell: (p) => (
                <>
                  {p.title}
                  {weakest?.key === p.key && <span className="ml-2 text-xs font-normal text-slate-500">(lowest)</span>}
                </>
              ),
            },
            {
              key: "score",
              header: "Score",
              align: "right",
              className: (p) => cn("tabular-nums", p.score === null ? "text-slate-500" : "font-semibold"),
              cell: (p) => formatScore(p.score),
            },
            {
              key: "coverage",
              header: "Coverage",
              align: "right",
              className: "tabular-nums text-slate-700",
              cell: (p) => (
                <>
                  {formatCoverage(p.coverage)}
                  <span className="ml-1 text-xs text-slate-500">
                    ({p.answered}/{p.applicable})
                  </span>
                </>
              ),
            },
            {
              key: "change",
              header: previous ? `Change since ${formatDate(previous.completedAt)}` : "Change",
              align: "right",
              className: (p) => cn("whitespace-nowrap tabular-nums", CHANGE_TONE[p.change.tone]),
              cell: (p) => p.change.text,
            },
          ]}
          rows={pillars}
          rowKey={(p) => p.key}
        />
      </Card>

      {(changes || detail.carryOver) && <ChangesSection changes={changes} carryOver={detail.carryOver} />}

      <div className="grid gap-6 lg:grid-cols-5">
        <Card className="p-4 sm:p-6 lg:col-span-3">
          <SectionHeading title={`Gaps to close (${score.gaps.length})`}>
            Answered criteria below their target level, gates first, then by weight × shortfall.
          </SectionHeading>
          {score.gaps.length === 0 ? (
            <p className="text-sm text-slate-600">
              No gaps: every answered criterion meets its target level.
              {unanswered.length > 0 && " Answer the remaining criteria to be sure."}
            </p>
          ) : (
            <ol className="space-y-3">
              {score.gaps.map((gap, i) => (
                <li key={gap.key} className="rounded-md p-4 ring-1 ring-slate-200">
                  <div className="flex flex-wrap items-center gap-2">
                    <span
                      className="inline-flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-700"
                      aria-label={`Rank ${i + 1}`}
                    >
                      {i + 1}
                    </span>
                    <h3 className="font-semibold text-slate-900">{gap.title}</h3>
                    {gap.isGate && <Badge className="bg-red-50 text-red-800 ring-red-300">Gate</Badge>}
                  </div>
                  <p className="mt-1 text-xs text-slate-600">
                    {pillarTitle.get(gap.pillarKey) ?? gap.pillarKey} · level {gap.level} → target {gap.targetLevel} ·
                    priority {gap.priority}
                  </p>
                  <p className="mt-2 text-sm text-slate-800">
                    <span className="font-medium">Next step: </span>
                    {gap.remediation}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </Card>

        <div className="space-y-6 lg:col-span-2">
          <Card className="p-4 sm:p-6">
            <SectionHeading title="Gates">
              A gate must reach its target level before the pilot can be called ready.
            </SectionHeading>
            <ul className="divide-y divide-slate-100">
              {score.gates.map((gate) => {
                const status = GATE_STATUS[gate.status];
                return (
                  <li key={gate.key} className="flex items-start justify-between gap-3 py-3">
                    <div>
                      <p className="text-sm font-medium text-slate-900">{gate.title}</p>
                      <p className="text-xs text-slate-500">
                        {pillarTitle.get(gate.pillarKey) ?? gate.pillarKey} · level {levelText(gate.level)} · target{" "}
                        {levelText(gate.targetLevel)}
                      </p>
                    </div>
                    <Badge className={status.className}>
                      <span aria-hidden="true" className="mr-1">
                        {status.symbol}
                      </span>
                      {status.label}
                    </Badge>
                  </li>
                );
              })}
            </ul>
          </Card>

          {unanswered.length > 0 && (
            <Card className="p-4 sm:p-6">
              <SectionHeading title={`Not answered (${unanswered.length})`}>
                Unanswered criteria count against coverage; until all are answered the verdict stays incomplete.
              </SectionHeading>
              <ul className="space-y-1 text-sm">
                {unanswered.map((c) => (
                  <li key={c.key}>
                    <span className="text-slate-900">{c.title}</span>
                    <span className="text-slate-500"> · {c.pillar}</span>
                  </li>
                ))}
              </ul>
            </Card>
          )}

          {notApplicable.length > 0 && (
            <Card className="p-4 sm:p-6">
              <SectionHeading title={`Not applicable (${notApplicable.length})`}>
                These criteria count toward no score.
              </SectionHeading>
              <ul className="space-y-3 text-sm">
                {notApplicable.map((a) => (
                  <li key={a.criterionKey}>
                    <p className="font-medium text-slate-900">{criterionTitle.get(a.criterionKey) ?? a.criterionKey}</p>
                    <p className="text-slate-600">{a.naReason}</p>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
      </div>
    </article>
  );
}
