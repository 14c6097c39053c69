"use client";

import { useMemo, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Table } from "@/components/ui/table";
import { formatDate, plural } from "@/lib/format";
import { roundScore, scoreAssessment, type Answers, type Level } from "@/modules/scoring";
import { toSpec } from "@/modules/frameworks/shared";
import { discardAssessmentAction } from "../actions";
import { answerStatus, countStatuses, type StatusInput } from "../progress";
import type { AssessmentDetail } from "../service";
import { CriterionCard } from "./criterion-card";
import { useAnswerAutosave, type CriterionState } from "./use-answer-autosave";
import { orgApi, orgPath } from "@/modules/access/shared";
import { useOrgSlug } from "@/modules/access/client";

/** The criteria whose registry facts the assessment should agree with: the ownership pillar's. */
const OWNERSHIP_PILLAR = "ownership";

function statusOf(state: CriterionState | undefined): StatusInput | undefined {
  return state && { ...state.draft, unconfirmed: state.unconfirmed };
}

function scoringAnswers(states: Record<string, CriterionState>): Answers {
  const out: Record<string, Answers[string]> = {};
  for (const [key, { draft }] of Object.entries(states)) {
    if (draft.notApplicable && draft.naReason.trim()) out[key] = { kind: "na", reason: draft.naReason };
    else if (!draft.notApplicable && draft.level !== null) out[key] = { kind: "level", level: draft.level as Level };
  }
  return out;
}

/**
 * The guided assessment: one pillar per step, every answer saving itself as it changes. It opens
 * at the step of the first criterion still to answer or confirm.
 */
export function AssessmentWizard({
  detail,
  canEdit,
  canEditPilot,
}: {
  detail: AssessmentDetail;
  canEdit: boolean;
  /** May follow the link to the pilot's edit page (to name an owner). */
  canEditPilot: boolean;
}) {
  const router = useRouter();
  const org = useOrgSlug();
  const pillars = detail.framework.pillars;
  const keys = useMemo(() => pillars.flatMap((p) => p.criteria.map((c) => c.key)), [pillars]);
  const { states, update, flush, keepMine, keepTheirs, confirm } = useAnswerAutosave(detail.id, detail.answers, keys);
  const [step, setStep] = useState(detail.resumeStep); // pillars.length = the review step
  const [completing, startCompleting] = useTransition();
  const [completeError, setCompleteError] = useState<string | null>(null);
  const [discarding, startDiscarding] = useTransition();
  const [discardError, setDiscardError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const counts = useMemo(() => countStatuses(keys, (key) => statusOf(states[key])), [keys, states]);
  const toConfirm = (criteria: { key: string }[]) =>
    criteria.filter((c) => answerStatus(statusOf(states[c.key])) === "carried").length;
  const noNamedOwner = detail.pilot.ownerName
    ? null
    : { editHref: canEditPilot ? orgPath(org, `/pilots/${detail.pilot.id}/edit`) : null };

  const spec = useMemo(() => toSpec(detail.framework), [detail.framework]);
  const score = useMemo(() => scoreAssessment(spec, scoringAnswers(states)), [spec, states]);
  const busy = Object.values(states).some((s) => s.save.kind === "pending" || s.save.kind === "saving");
  const problems = Object.values(states).filter((s) => ["conflict", "error", "invalid"].includes(s.save.kind)).length;
  const isReview = step === pillars.length;
  const unansweredCount = score.applicable - score.answered;

  async function go(to: number) {
    await flush();
    setStep(to);
    requestAnimationFrame(() => {
      headingRef.current?.focus();
      window.scrollTo({ top: 0 });
    });
  }

  function complete() {
    setCompleteError(null);
    startCompleting(async () => {
      await flush();
      const response = await fetch(orgApi(org, `/assessments/${detail.id}/complete`), { method: "POST" });
      if (response.ok) {
        router.push(orgPath(org, `/pilots/${detail.pilot.id}/assessments/${detail.id}`));
        router.refresh();
      } else {
        const body = await response.json().catch(() => ({}));
        setCompleteError(body.detail ?? "Could not complete the assessment. Please try again.");
      }
    });
  }

  function discard() {
    setDiscardError(null);
    startDiscarding(async () => {
      // On success the action redirects to the pilot's page; it only returns on failure.
      const result = await discardAssessmentAction(org, { assessmentId: detail.id });
      if (result && !result.ok) setDiscardError(result.message);
    });
  }

  const total = keys.length;
  const share = (n: number) => `${total === 0 ? 0 : (n / total) * 100}%`;
  const stepTitle = isReview ? "Review and complete" : pillars[step]!.title;
  // Below the lg breakpoint the overview and the step list fold away behind one bar ("Step 3 of
  // 7: Guardrails"), closed by default, so a phone shows the question first; from lg up they are
  // always shown beside it. One copy of each in the page, hidden or shown by CSS.
  const [stepsOpen, setStepsOpen] = useState(false);
  const foldable = cn(stepsOpen ? "block" : "hidden", "lg:block");

  /** Opens a step from the step list; on a phone the list folds away again, so the question shows. */
  function openStep(to: number) {
    setStepsOpen(false);
    void go(to);
  }

  const saveText =
    problems > 0
      ? `${plural(problems, "answer")} ${problems === 1 ? "needs" : "need"} attention`
      : busy
        ? "Saving…"
        : "All changes saved";

  const overview = (
    <>
      <p className="text-sm font-semibold text-slate-900">Assessment of {detail.pilot.name}</p>
      <p className="text-xs text-slate-500">
        {detail.framework.frameworkName}, version {detail.framework.version}
      </p>
      <div className="mt-4">
        <div className="flex justify-between text-xs text-slate-600">
          <span>
            {score.answered} of {score.applicable} answered
          </span>
          <span>{Math.round((score.coverage ?? 1) * 100)}%</span>
        </div>
        <div
          className="mt-1 flex h-2 overflow-hidden rounded-full bg-slate-200"
          role="progressbar"
          aria-label="Criteria answered"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={counts.confirmed + counts.carried}
          aria-valuetext={`${counts.confirmed} confirmed, ${counts.carried} carried over and not confirmed, ${counts.unanswered} unanswered`}
        >
          <div className="h-2 bg-brand-600 transition-all" style={{ width: share(counts.confirmed) }} />
          <div className="h-2 bg-amber-400 transition-all" style={{ width: share(counts.carried) }} />
        </div>
        <ul className="mt-2 space-y-0.5 text-xs text-slate-600" aria-label="Criteria by status">
          <li className="flex items-center gap-2">
            <span aria-hidden="true" className="h-2 w-2 shrink-0 rounded-full bg-brand-600" />
            <span>
              <span className="tabular-nums">{counts.confirmed}</span> confirmed
            </span>
          </li>
          <li className="flex items-center gap-2">
            <span aria-hidden="true" className="h-2 w-2 shrink-0 rounded-full bg-amber-400" />
            <span>
              <span className="tabular-nums">{counts.carried}</span> carried over, to confirm
            </span>
          </li>
          <li className="flex items-center gap-2">
            <span aria-hidden="true" className="h-2 w-2 shrink-0 rounded-full bg-slate-300" />
            <span>
              <span className="tabular-nums">{counts.unanswered}</span> unanswered
            </span>
          </li>
        </ul>
      </div>
    </>
  );

  const stepList = (
    <nav aria-label="Assessment steps" className="mt-4">
      <ol className="space-y-1">
        {pillars.map((pillar, i) => {
          const result = score.pillars[i]!;
          const waiting = toConfirm(pillar.criteria);
          const done = result.answered === result.applicable && waiting === 0;
          return (
            <li key={pillar.key}>
              <button
                type="button"
                onClick={() => openStep(i)}
                aria-current={step === i ? "step" : undefined}
                className={cn(
                  "flex w-full items-start gap-3 rounded-md px-3 py-2 text-left text-sm",
                  step === i ? "bg-brand-50 font-semibold text-brand-800" : "text-slate-700 hover:bg-slate-100",
                )}
              >
                <span className="min-w-0 flex-1">
                  {i + 1}. {pillar.title}
                  {waiting > 0 && (
                    <span className="mt-0.5 block text-xs font-medium text-amber-800">{waiting} to confirm</span>
                  )}
                </span>
                <span
                  className={cn(
                    "mt-0.5 shrink-0 text-xs font-normal tabular-nums",
                    done ? "text-emerald-700" : "text-slate-500",
                  )}
                >
                  {done && (
                    <span aria-hidden="true" className="mr-1">
                      ✓
                    </span>
                  )}
                  {result.answered}/{result.applicable}
                  <span className="sr-only"> answered</span>
                </span>
              </button>
            </li>
          );
        })}
        <li>
          <button
            type="button"
            onClick={() => openStep(pillars.length)}
            aria-current={isReview ? "step" : undefined}
            className={cn(
              "w-full rounded-md px-3 py-2 text-left text-sm",
              isReview ? "bg-brand-50 font-semibold text-brand-800" : "text-slate-700 hover:bg-slate-100",
            )}
          >
            Review and complete
          </button>
        </li>
      </ol>
    </nav>
  );

  const discardControl = canEdit && (
    <div className="mt-6 border-t border-slate-200 pt-4">
      <ConfirmDialog
        title="Discard this assessment?"
        description="It will not be scored and counts in no trend or portfolio figure. The pilot's history records that you discarded it, and you can start a new assessment afterwards."
        confirmLabel="Discard assessment"
        onConfirm={discard}
        trigger={
          <Button type="button" variant="danger" className="w-full" disabled={discarding || completing}>
            {discarding ? "Discarding…" : "Discard assessment"}
          </Button>
        }
      />
      {discardError && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {discardError}
        </p>
      )}
    </div>
  );

  return (
    <div className="lg:grid lg:grid-cols-[16rem_minmax(0,1fr)] lg:gap-8">
      <aside className="mb-6 lg:sticky lg:top-6 lg:mb-0 lg:self-start">
        <button
          type="button"
          aria-expanded={stepsOpen}
          aria-controls="assessment-steps"
          onClick={() => setStepsOpen((open) => !open)}
          className="flex w-full items-center gap-3 rounded-lg bg-white px-4 py-3 text-left shadow-sm ring-1 ring-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600 lg:hidden"
        >
          <span className="min-w-0 flex-1">
            <span className="block text-sm font-semibold text-slate-900">
              Step {step + 1} of {pillars.length + 1}: {stepTitle}
            </span>
            <span className="block text-xs text-slate-600">
              {score.answered} of {score.applicable} answered
              {counts.carried > 0 && <span className="text-amber-800"> · {counts.carried} to confirm</span>}
            </span>
          </span>
          <span className="flex shrink-0 items-center gap-1 text-xs font-medium text-brand-700">
            {stepsOpen ? "Hide steps" : "All steps"}
            <svg
              aria-hidden="true"
              viewBox="0 0 12 12"
              className={cn("h-3 w-3 transition-transform", stepsOpen && "rotate-180")}
              fill="currentColor"
            >
              <path d="M6 8.5 2.5 4.5h7z" />
            </svg>
          </span>
        </button>
        <div
          id="assessment-steps"
          className={cn(
            foldable,
            "mt-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200",
            "lg:mt-0 lg:rounded-none lg:bg-transparent lg:p-0 lg:shadow-none lg:ring-0",
          )}
        >
          {overview}
          {stepList}
        </div>
        <p
          role="status"
          aria-live="polite"
          className={cn(
            "mt-2 text-right text-xs font-medium lg:mt-4 lg:text-left",
            problems > 0 ? "text-red-700" : "text-slate-600",
          )}
        >
          {saveText}
        </p>
        {discardControl && <div className={foldable}>{discardControl}</div>}
      </aside>

      <div className="min-w-0">
        {!canEdit && (
          <div className="mb-6">
            <Notice tone="info">You can read this assessment; only editors can answer it.</Notice>
          </div>
        )}
        {!isReview ? (
          <>
            <header className="mb-6">
              <p className="hidden text-sm font-medium text-brand-700 lg:block">
                Step {step + 1} of {pillars.length + 1}
              </p>
              <h1 ref={headingRef} tabIndex={-1} className="text-2xl font-bold tracking-tight">
                {pillars[step]!.title}
              </h1>
              <p className="mt-1 max-w-3xl text-sm text-slate-600">{pillars[step]!.description}</p>
            </header>
            {detail.carryOver && (
              <div className="mb-6">
                <Notice
                  tone={counts.carried > 0 ? "warning" : "success"}
                  title={`Started from the assessment of ${formatDate(detail.carryOver.from.completedAt)}`}
                >
                  {plural(detail.carryOver.carried, "answer was", "answers were")} carried over.{" "}
                  {counts.carried > 0
                    ? `${plural(counts.carried, "is", "are")} still to confirm: confirm each one that still holds, or change it.`
                    : "Every carried-over answer has been confirmed or changed."}
                </Notice>
              </div>
            )}
            <div className="space-y-6">
              {pillars[step]!.criteria.map((criterion) => (
                <CriterionCard
                  key={criterion.key}
                  criterion={criterion}
                  state={states[criterion.key]!}
                  readOnly={!canEdit}
                  onChange={(change, delay) => update(criterion.key, change, delay)}
                  onKeepMine={() => keepMine(criterion.key)}
                  onUseTheirs={() => keepTheirs(criterion.key)}
                  onConfirm={() => confirm(criterion.key)}
                  noNamedOwner={pillars[step]!.key === OWNERSHIP_PILLAR ? noNamedOwner : null}
                />
              ))}
            </div>
            <div className="mt-8 flex flex-wrap items-start justify-between gap-3">
              <Button type="button" variant="secondary" disabled={step === 0} onClick={() => void go(step - 1)}>
                Previous
              </Button>
              <Button type="button" className="min-w-0 text-left" onClick={() => void go(step + 1)}>
                {step === pillars.length - 1 ? "Review and complete" : `Next: ${pillars[step + 1]!.title}`}
              </Button>
            </div>
          </>
        ) : (
          <section aria-labelledby="review-title">
            <h1 id="review-title" ref={headingRef} tabIndex={-1} className="text-2xl font-bold tracking-tight">
              Review and complete
            </h1>
            <p className="mt-1 text-sm text-slate-600">
              Completing scores the assessment on the server and stores the result. It cannot be edited afterwards; a
              later assessment records later progress. Until then the scores below are provisional.
            </p>
            <Table
              caption="Answers and provisional scores per pillar"
              className="relative mt-6"
              columns={[
                {
                  key: "pillar",
                  header: "Pillar",
                  rowHeader: true,
                  className: "font-medium",
                  cell: (p, i) => (
                    <button
                      type="button"
                      className="text-left text-brand-700 hover:underline"
                      onClick={() => void go(i)}
                    >
                      {p.title}
                    </button>
                  ),
                },
                {
                  key: "answered",
                  header: "Answered",
                  align: "right",
                  className: "whitespace-nowrap tabular-nums",
                  cell: (p) => {
                    const n = toConfirm(pillars.find((x) => x.key === p.key)?.criteria ?? []);
                    return (
                      <>
                        {p.answered}/{p.applicable}
                        {n > 0 && <span className="block text-xs font-medium text-amber-800">{n} to confirm</span>}
                      </>
                    );
                  },
                },
                {
                  key: "score",
                  header: "Score",
                  align: "right",
                  className: "whitespace-nowrap tabular-nums",
                  cell: (p) => (p.score === null ? "Not scored" : roundScore(p.score)),
                },
              ]}
              rows={score.pillars}
              rowKey={(p) => p.key}
            />
            <div className="mt-6 space-y-4">
              {unansweredCount > 0 && (
                <Notice
                  tone="warning"
                  title={`${plural(unansweredCount, "criterion", "criteria")} ${unansweredCount === 1 ? "is" : "are"} unanswered`}
                >
                  {canEdit
                    ? "You can complete now, but the verdict will be “Incomplete” until every applicable criterion has an answer."
                    : "Until every applicable criterion has an answer, the verdict will be “Incomplete”."}
                </Notice>
              )}
              {counts.carried > 0 && (
                <Notice
                  tone="warning"
                  title={`${plural(counts.carried, "answer was", "answers were")} carried over and not confirmed`}
                >
                  They still say what the last assessment said. Open their steps to confirm each one that still holds,
                  or change it; completing now keeps them as they are.
                </Notice>
              )}
              {problems > 0 && (
                <Notice tone="error" title="Some answers are not saved">
                  Resolve the answers marked in red before completing.
                </Notice>
              )}
              {completeError && (
                <div role="alert">
                  <Notice tone="error">{completeError}</Notice>
                </div>
              )}
              {canEdit &&
                (counts.carried > 0 ? (
                  <ConfirmDialog
                    title="Complete with unconfirmed answers?"
                    description={`${plural(counts.carried, "answer was", "answers were")} carried over from the last assessment and nobody has confirmed ${counts.carried === 1 ? "it" : "them"}. Completing keeps ${counts.carried === 1 ? "it" : "them"} as ${counts.carried === 1 ? "it is" : "they are"}, and the results will say so. Complete anyway?`}
                    confirmLabel="Complete anyway"
                    tone="primary"
                    onConfirm={complete}
                    trigger={
                      <Button type="button" disabled={completing || discarding || problems > 0}>
                        {completing ? "Completing…" : "Complete assessment"}
                      </Button>
                    }
                  />
                ) : (
                  <Button type="button" onClick={complete} disabled={completing || discarding || problems > 0}>
                    {completing ? "Completing…" : "Complete assessment"}
                  </Button>
                ))}
            </div>
          </section>
        )}
      </div>
    </div>
  );
}
