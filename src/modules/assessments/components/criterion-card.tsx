"use client";

import { useEffect, useRef } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Badge, Notice } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { controlClass } from "@/components/ui/field";
import type { VersionContent } from "@/modules/frameworks/shared";
import type { AnswerView } from "../service";
import { LEVEL_NAMES } from "./levels";
import type { CriterionState, Draft } from "./use-answer-autosave";

type Criterion = VersionContent["pillars"][number]["criteria"][number];

interface CriterionCardProps {
  criterion: Criterion;
  state: CriterionState;
  readOnly: boolean;
  onChange: (change: Partial<Draft>, delay?: number) => void;
  onKeepMine: () => void;
  onUseTheirs: () => void;
  /** Confirms a carried-over answer unchanged. */
  onConfirm: () => void;
  /**
   * The registry disagrees with what this criterion may claim (an ownership criterion of a pilot
   * with no named owner); `editHref` links to the pilot's edit page for those who may edit it.
   */
  noNamedOwner?: { editHref: string | null } | null;
}

function describe(answer: Pick<Draft, "level" | "notApplicable" | "naReason" | "notes" | "evidence">): string {
  const what = answer.notApplicable
    ? `Not applicable: ${answer.naReason || "no reason"}`
    : answer.level === null
      ? "No level"
      : `Level ${answer.level} — ${LEVEL_NAMES[answer.level]}`;
  const notes = answer.notes ? ` · Notes: “${answer.notes}”` : "";
  const evidence = answer.evidence.length ? ` · ${answer.evidence.length} evidence link(s)` : "";
  return what + notes + evidence;
}

function SaveStatus({ state }: { state: CriterionState["save"] }) {
  const text =
    state.kind === "saving" || state.kind === "pending"
      ? "Saving…"
      : state.kind === "saved"
        ? "Saved"
        : state.kind === "error"
          ? "Not saved"
          : state.kind === "invalid"
            ? "Not saved: check this answer"
            : state.kind === "conflict"
              ? "Conflict: choose a version"
              : "";
  const tone =
    state.kind === "saved"
      ? "text-emerald-700"
      : state.kind === "idle" || state.kind === "saving" || state.kind === "pending"
        ? "text-slate-500"
        : "text-red-700";
  return (
    <span role="status" aria-live="polite" className={cn("shrink-0 text-right text-xs font-medium", tone)}>
      {text}
    </span>
  );
}

function Conflict({
  mine,
  theirs,
  message,
  onKeepMine,
  onUseTheirs,
}: {
  mine: Draft;
  theirs: AnswerView;
  message: string;
  onKeepMine: () => void;
  onUseTheirs: () => void;
}) {
  return (
    <div role="alert" className="mt-4 rounded-md bg-amber-50 p-4 text-sm text-amber-950 ring-1 ring-amber-300">
      <p className="font-semibold">{message}</p>
      <dl className="mt-3 grid gap-3 sm:grid-cols-2">
        <div className="rounded bg-white p-3 ring-1 ring-amber-200">
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">Your version (not saved)</dt>
          <dd className="mt-1">{describe(mine)}</dd>
        </div>
        <div className="rounded bg-white p-3 ring-1 ring-amber-200">
          <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">
            Saved by {theirs.updatedBy ?? "someone else"}
          </dt>
          <dd className="mt-1">{describe({ ...theirs, naReason: theirs.naReason ?? "" })}</dd>
        </div>
      </dl>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button type="button" onClick={onKeepMine}>
          Keep mine
        </Button>
        <Button type="button" variant="secondary" onClick={onUseTheirs}>
          Use theirs
        </Button>
      </div>
    </div>
  );
}

export function CriterionCard({
  criterion,
  state,
  readOnly,
  onChange,
  onKeepMine,
  onUseTheirs,
  onConfirm,
  noNamedOwner,
}: CriterionCardProps) {
  const { draft, save } = state;
  const id = criterion.key.replace(/[^a-z0-9]+/gi, "-");
  const errors = save.kind === "invalid" ? save.errors : {};
  const locked = readOnly || save.kind === "conflict";
  const sectionRef = useRef<HTMLElement>(null);
  const confirming = state.unconfirmed && (save.kind === "pending" || save.kind === "saving");

  /** Confirms, then moves focus on to the next answer waiting for confirmation (or this card). */
  function confirmAndMoveOn(button: HTMLButtonElement) {
    const waiting = Array.from(document.querySelectorAll<HTMLButtonElement>("[data-confirm-answer]"));
    const next = waiting.slice(waiting.indexOf(button) + 1).find((b) => !b.disabled);
    onConfirm();
    if (next) next.focus();
    else sectionRef.current?.focus();
  }

  return (
    <section
      ref={sectionRef}
      tabIndex={-1}
      aria-labelledby={`${id}-title`}
      className={cn(
        "rounded-lg bg-white p-4 shadow-sm ring-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 sm:p-6",
        state.unconfirmed ? "ring-amber-300" : "ring-slate-200",
      )}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id={`${id}-title`} className="text-base font-semibold text-slate-900">
            {criterion.title}
          </h3>
          <div className="mt-1 flex flex-wrap gap-2">
            {criterion.isGate && (
              <Badge className="bg-red-50 text-red-800 ring-red-200">
                Gate: must reach level {criterion.targetLevel}
              </Badge>
            )}
            {!criterion.isGate && <Badge>Target level {criterion.targetLevel}</Badge>}
            <Badge>Weight {criterion.weight}</Badge>
          </div>
        </div>
        <SaveStatus state={save} />
      </div>
      {state.unconfirmed && (
        <div className="mt-3 flex flex-wrap items-center justify-between gap-x-3 gap-y-2 rounded-md bg-amber-50 px-3 py-2 ring-1 ring-amber-200">
          <div className="min-w-0">
            <Badge className="bg-white text-amber-900 ring-amber-300">
              <span aria-hidden="true" className="mr-1">
                ↻
              </span>
              Carried over — confirm or change
            </Badge>
            <p className="mt-1 text-xs text-amber-950">
              {readOnly
                ? "Copied from the last assessment; nobody has confirmed it yet."
                : "The last assessment's answer. Confirm it if it still holds, or choose another level below."}
            </p>
          </div>
          {!readOnly && (
            <Button
              type="button"
              variant="secondary"
              className="shrink-0 px-3 py-1.5 text-xs"
              data-confirm-answer=""
              disabled={confirming || save.kind === "conflict"}
              aria-label={`Confirm the carried-over answer to “${criterion.title}” unchanged`}
              onClick={(event) => confirmAndMoveOn(event.currentTarget)}
            >
              {confirming ? "Confirming…" : "Confirm unchanged"}
            </Button>
          )}
        </div>
      )}
      {noNamedOwner && (
        <div className="mt-3">
          <Notice tone="warning">
            <strong className="font-semibold">This pilot has no named owner in the registry.</strong> Check that the
            answer here does not claim ownership nobody has taken on.{" "}
            {noNamedOwner.editHref && (
              <Link href={noNamedOwner.editHref} className="font-medium underline">
                Edit the pilot to name an owner
              </Link>
            )}
          </Notice>
        </div>
      )}
      <p className="mt-3 text-sm text-slate-700">
        <strong className="font-semibold">Why it matters: </strong>
        {criterion.whyItMatters}
      </p>
      <details className="mt-2 text-sm text-slate-600">
        <summary className="cursor-pointer font-medium text-brand-700">How to assess this</summary>
        <p className="mt-2">{criterion.guidance}</p>
      </details>

      {save.kind === "conflict" && (
        <Conflict
          mine={draft}
          theirs={save.theirs}
          message={save.message}
          onKeepMine={onKeepMine}
          onUseTheirs={onUseTheirs}
        />
      )}

      <fieldset
        className="mt-4"
        disabled={locked || draft.notApplicable}
        aria-describedby={errors.level ? `${id}-level-error` : undefined}
      >
        <legend className="text-sm font-medium text-slate-800">Maturity level</legend>
        <div className="mt-2 grid gap-2">
          {criterion.levels.map((description, level) => (
            <label
              key={level}
              className={cn(
                "flex cursor-pointer gap-3 rounded-md p-3 text-sm ring-1 ring-inset",
                draft.level === level && !draft.notApplicable
                  ? "bg-brand-50 ring-brand-600"
                  : "ring-slate-200 hover:bg-slate-50",
              )}
            >
              <input
                type="radio"
                name={`level-${criterion.key}`}
                value={level}
                checked={draft.level === level && !draft.notApplicable}
                onChange={() => onChange({ level }, 250)}
                className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600"
              />
              <span>
                <span className="font-semibold">
                  Level {level} — {LEVEL_NAMES[level]}
                </span>
                <span className="block text-slate-600">{description}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.level && (
          <p id={`${id}-level-error`} className="mt-1 text-sm font-medium text-red-700">
            {errors.level.join(" ")}
          </p>
        )}
      </fieldset>

      <div className="mt-4 space-y-3">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input
            type="checkbox"
            checked={draft.notApplicable}
            disabled={locked}
            onChange={(e) =>
              onChange({ notApplicable: e.target.checked, level: e.target.checked ? null : draft.level }, 250)
            }
            className="h-4 w-4 accent-brand-600"
          />
          Not applicable to this pilot
        </label>
        {draft.notApplicable && (
          <div>
            <label htmlFor={`${id}-na`} className="block text-sm font-medium text-slate-800">
              Why it does not apply{" "}
              <span className="text-red-600" aria-hidden="true">
                *
              </span>
            </label>
            <textarea
              id={`${id}-na`}
              rows={2}
              value={draft.naReason}
              disabled={locked}
              aria-required
              aria-invalid={Boolean(errors.naReason) || (draft.notApplicable && !draft.naReason) || undefined}
              aria-describedby={`${id}-na-hint`}
              onChange={(e) => onChange({ naReason: e.target.value })}
              className={cn(controlClass, "mt-1")}
            />
            <p
              id={`${id}-na-hint`}
              className={cn("mt-1 text-xs", errors.naReason ? "font-medium text-red-700" : "text-slate-500")}
            >
              {errors.naReason?.join(" ") ?? "Required: a reviewer should be able to agree it does not apply."}
            </p>
          </div>
        )}
        <div>
          <label htmlFor={`${id}-notes`} className="block text-sm font-medium text-slate-800">
            Notes <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <textarea
            id={`${id}-notes`}
            rows={2}
            value={draft.notes}
            disabled={locked}
            onChange={(e) => onChange({ notes: e.target.value })}
            className={cn(controlClass, "mt-1")}
          />
        </div>
        <EvidenceList
          id={id}
          evidence={draft.evidence}
          disabled={locked}
          errors={errors}
          onChange={(evidence) => onChange({ evidence })}
        />
        {save.kind === "error" && <p className="text-sm font-medium text-red-700">{save.message}</p>}
        {save.kind === "invalid" && <p className="text-sm font-medium text-red-700">{save.message}</p>}
      </div>
    </section>
  );
}

function EvidenceList({
  id,
  evidence,
  disabled,
  errors,
  onChange,
}: {
  id: string;
  evidence: Draft["evidence"];
  disabled: boolean;
  errors: Record<string, string[] | undefined>;
  onChange: (e: Draft["evidence"]) => void;
}) {
  const set = (i: number, change: Partial<Draft["evidence"][number]>) =>
    onChange(evidence.map((e, j) => (j === i ? { ...e, ...change } : e)));
  // After "Add evidence link", focus moves into the new row's first field (set once it exists).
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    document.getElementById(`${id}-ev-label-${focusRow.current}`)?.focus();
    focusRow.current = null;
  }, [id, evidence.length]);
  return (
    <div>
      <p className="text-sm font-medium text-slate-800" id={`${id}-evidence`}>
        Evidence links <span className="font-normal text-slate-500">(optional)</span>
      </p>
      <ul className="mt-1 space-y-2" aria-labelledby={`${id}-evidence`}>
        {evidence.map((e, i) => (
          <li key={i} className="grid gap-2 sm:grid-cols-[1fr_2fr_auto]">
            <label className="sr-only" htmlFor={`${id}-ev-label-${i}`}>
              Label of evidence link {i + 1}
            </label>
            <input
              id={`${id}-ev-label-${i}`}
              placeholder="Label, e.g. Eval dashboard"
              value={e.label}
              disabled={disabled}
              onChange={(ev) => set(i, { label: ev.target.value })}
              className={controlClass}
            />
            <label className="sr-only" htmlFor={`${id}-ev-url-${i}`}>
              Address of evidence link {i + 1}
            </label>
            <input
              id={`${id}-ev-url-${i}`}
              type="url"
              placeholder="https://…"
              value={e.url}
              disabled={disabled}
              onChange={(ev) => set(i, { url: ev.target.value })}
              className={controlClass}
            />
            <Button
              type="button"
              variant="ghost"
              disabled={disabled}
              onClick={() => onChange(evidence.filter((_, j) => j !== i))}
              aria-label={`Remove evidence link ${i + 1}`}
            >
              Remove
            </Button>
          </li>
        ))}
      </ul>
      {errors.evidence && (
        <p className="mt-1 text-sm font-medium text-red-700">
          Each evidence link needs a label and a full address starting with https://.
        </p>
      )}
      <Button
        type="button"
        variant="secondary"
        className="mt-2"
        disabled={disabled || evidence.length >= 20}
        onClick={() => {
          onChange([...evidence, { label: "", url: "" }]);
          focusRow.current = evidence.length;
        }}
      >
        Add evidence link
      </Button>
    </div>
  );
}
