"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage, useValidatedForm } from "@/components/ui/use-validated-form";
import type { ActionState } from "@/lib/action-state";
import type { FieldErrors } from "@/lib/errors";
import {
  addCriterionAction,
  addPillarAction,
  removeCriterionAction,
  removePillarAction,
  updateCriterionAction,
  updatePillarAction,
  updateThresholdsAction,
} from "../actions";
import { useOrgSlug } from "@/modules/access/client";
import {
  addCriterionFormSchema,
  addPillarSchema,
  criterionFormSchema,
  LEVEL_FIELDS,
  MAX_WEIGHT,
  MIN_WEIGHT,
  pillarSchema,
  thresholdsSchema,
} from "../admin-schemas";
import type { VersionContent } from "../service";
import { CriterionFacts, LEVEL_NAMES } from "./version-view";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

type Pillar = VersionContent["pillars"][number];
type Criterion = Pillar["criteria"][number];

/** A form that validates with the server's schema, saves, says so, and refreshes the page's data. */
function useEditorForm(
  schema: z.ZodType,
  save: (org: string, values: Record<string, string>) => Promise<ActionState>,
  options: { resetOnSuccess?: boolean } = {},
) {
  const router = useRouter();
  const org = useOrgSlug();
  const [saved, setSaved] = useState<string | null>(null);
  const form = useValidatedForm(schema, async (values, element) => {
    setSaved(null);
    const outcome = await save(org, values);
    if (outcome?.ok) {
      setSaved(outcome.message ?? "Saved.");
      if (options.resetOnSuccess) element.reset();
      router.refresh();
    }
    return outcome;
  });
  return { ...form, saved, clearSaved: () => setSaved(null) };
}

function Saved({ message }: { message: string | null }) {
  return (
    <p role="status" className="text-sm text-emerald-700">
      {message}
    </p>
  );
}

// ---- Thresholds ---------------------------------------------------------------------------------

export function ThresholdsForm({
  versionId,
  ready,
  conditional,
}: {
  versionId: string;
  ready: number;
  conditional: number;
}) {
  const form = useEditorForm(thresholdsSchema, (org, values) => updateThresholdsAction(org, { ...values, versionId }));
  return (
    <form onSubmit={form.onSubmit} onChange={form.clearSaved} noValidate className="space-y-4">
      <FormMessage message={form.message} />
      <div className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
        <Field
          id="readyThreshold"
          label="Ready from"
          required
          error={form.errors.readyThreshold}
          hint="Readiness score (1–100) at or above which a pilot is ready."
        >
          {(a) => <input {...a} name="readyThreshold" type="number" min={1} max={100} step={1} defaultValue={ready} />}
        </Field>
        <Field
          id="conditionalThreshold"
          label="Conditional from"
          required
          error={form.errors.conditionalThreshold}
          hint="Below the ready threshold and at or above this: conditional."
        >
          {(a) => (
            <input
              {...a}
              name="conditionalThreshold"
              type="number"
              min={1}
              max={100}
              step={1}
              defaultValue={conditional}
            />
          )}
        </Field>
        <Button type="submit" variant="secondary" disabled={form.pending} className="sm:mt-7">
          {form.pending ? "Saving…" : "Save thresholds"}
        </Button>
      </div>
      <Saved message={form.saved} />
    </form>
  );
}

// ---- Pillars ------------------------------------------------------------------------------------

function RemoveButton({
  label,
  confirmText,
  run,
}: {
  label: string;
  confirmText: string;
  run: (org: string) => Promise<ActionState>;
}) {
  const router = useRouter();
  const org = useOrgSlug();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col items-start gap-1">
      <ConfirmDialog
        title={`${label}?`}
        description={confirmText}
        confirmLabel={label}
        onConfirm={() =>
          start(async () => {
            const outcome = await run(org);
            if (outcome && !outcome.ok) setError(outcome.message);
            else {
              setError(null);
              router.refresh();
            }
          })
        }
        trigger={
          <Button type="button" variant="danger" disabled={pending}>
            {pending ? "Removing…" : label}
          </Button>
        }
      />
      <div role="alert">{error && <p className="text-sm text-red-700">{error}</p>}</div>
    </div>
  );
}

export function PillarForm({ pillar, canRemove }: { pillar: Pillar; canRemove: boolean }) {
  const form = useEditorForm(pillarSchema, (org, values) =>
    updatePillarAction(org, { ...values, pillarId: pillar.id }),
  );
  const id = (name: string) => `pillar-${pillar.id}-${name}`;
  return (
    <div className="space-y-4">
      <form onSubmit={form.onSubmit} onChange={form.clearSaved} noValidate className="space-y-4">
        <FormMessage message={form.message} />
        <Field id={id("title")} label="Pillar title" required error={form.errors.title}>
          {(a) => <input {...a} name="title" defaultValue={pillar.title} maxLength={80} />}
        </Field>
        <Field id={id("description")} label="Pillar description" required error={form.errors.description}>
          {(a) => <textarea {...a} name="description" rows={2} defaultValue={pillar.description} maxLength={1000} />}
        </Field>
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary" disabled={form.pending}>
            {form.pending ? "Saving…" : "Save pillar"}
          </Button>
          <Saved message={form.saved} />
        </div>
      </form>
      {canRemove && (
        <RemoveButton
          label={`Remove pillar “${pillar.title}”`}
          confirmText={`Remove the pillar “${pillar.title}” and its ${pillar.criteria.length} criteria from this draft?`}
          run={(org) => removePillarAction(org, { pillarId: pillar.id })}
        />
      )}
    </div>
  );
}

export function AddPillarForm({ versionId }: { versionId: string }) {
  const form = useEditorForm(addPillarSchema, (org, values) => addPillarAction(org, { ...values, versionId }), {
    resetOnSuccess: true,
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="space-y-4">
      <FormMessage message={form.message} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="new-pillar-title" label="Title" required error={form.errors.title} hint="E.g. “Documentation”.">
          {(a) => <input {...a} name="title" maxLength={80} />}
        </Field>
        <Field
          id="new-pillar-key"
          label="Key"
          required
          error={form.errors.key}
          hint="Stable identifier, letters, digits and hyphens, e.g. documentation. It cannot change later."
        >
          {(a) => <input {...a} name="key" maxLength={60} autoComplete="off" spellCheck={false} />}
        </Field>
      </div>
      <Field id="new-pillar-description" label="Description" required error={form.errors.description}>
        {(a) => <textarea {...a} name="description" rows={2} maxLength={1000} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Adding…" : "Add pillar"}
        </Button>
        <Saved message={form.saved} />
      </div>
    </form>
  );
}

// ---- Criteria -----------------------------------------------------------------------------------

/** The criterion fields shared by the edit and add forms. `prefix` keeps ids unique on the page. */
function CriterionFields({ prefix, errors, defaults }: { prefix: string; errors: FieldErrors; defaults?: Criterion }) {
  const id = (name: string) => `${prefix}-${name}`;
  const gateError = errors.isGate;
  return (
    <>
      <Field id={id("title")} label="Title" required error={errors.title}>
        {(a) => <input {...a} name="title" defaultValue={defaults?.title} maxLength={160} />}
      </Field>
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          id={id("whyItMatters")}
          label="Why it matters"
          required
          error={errors.whyItMatters}
          hint="Shown to assessors above the levels."
        >
          {(a) => (
            <textarea {...a} name="whyItMatters" rows={3} defaultValue={defaults?.whyItMatters} maxLength={2000} />
          )}
        </Field>
        <Field
          id={id("guidance")}
          label="Guidance for assessors"
          required
          error={errors.guidance}
          hint="What to look at to decide the level."
        >
          {(a) => <textarea {...a} name="guidance" rows={3} defaultValue={defaults?.guidance} maxLength={2000} />}
        </Field>
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-800">Level descriptions</legend>
        {LEVEL_FIELDS.map((name, level) => (
          <Field
            key={name}
            id={id(name)}
            label={`Level ${level} — ${LEVEL_NAMES[level]}`}
            required
            error={errors[name]}
          >
            {(a) => <textarea {...a} name={name} rows={2} defaultValue={defaults?.levels[level]} maxLength={1000} />}
          </Field>
        ))}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3 sm:items-start">
        <Field
          id={id("weight")}
          label="Weight"
          required
          error={errors.weight}
          hint="How much it counts within its pillar."
        >
          {(a) => (
            <select {...a} name="weight" defaultValue={String(defaults?.weight ?? 2)}>
              {Array.from({ length: MAX_WEIGHT - MIN_WEIGHT + 1 }, (_, i) => MIN_WEIGHT + i).map((w) => (
                <option key={w} value={w}>
                  {w}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={id("targetLevel")}
          label="Target level"
          required
          error={errors.targetLevel}
          hint="Below this, the criterion is a gap."
        >
          {(a) => (
            <select {...a} name="targetLevel" defaultValue={String(defaults?.targetLevel ?? 2)}>
              {[1, 2, 3].map((l) => (
                <option key={l} value={l}>
                  {l} — {LEVEL_NAMES[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="space-y-1.5 sm:pt-7">
          <div className="flex items-start gap-2">
            <input
              id={id("isGate")}
              name="isGate"
              type="checkbox"
              defaultChecked={defaults?.isGate ?? false}
              aria-describedby={`${id("isGate")}-hint`}
              aria-invalid={gateError ? true : undefined}
              className="mt-0.5 h-4 w-4 rounded border-slate-300 text-brand-600"
            />
            <label htmlFor={id("isGate")} className="text-sm font-medium text-slate-800">
              Gate
            </label>
          </div>
          <p id={`${id("isGate")}-hint`} className="text-xs text-slate-500">
            A gate below its target blocks a verdict of ready.
          </p>
          {gateError && <p className="text-sm font-medium text-red-700">{gateError.join(" ")}</p>}
        </div>
      </div>
      <Field
        id={id("remediation")}
        label="Remediation hint"
        required
        error={errors.remediation}
        hint="A concrete next step, shown with the gap."
      >
        {(a) => <textarea {...a} name="remediation" rows={2} defaultValue={defaults?.remediation} maxLength={2000} />}
      </Field>
    </>
  );
}

export function CriterionEditor({ criterion }: { criterion: Criterion }) {
  const form = useEditorForm(criterionFormSchema, (org, values) =>
    updateCriterionAction(org, { ...values, criterionId: criterion.id }),
  );
  return (
    <details className="group rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <summary className="flex cursor-pointer list-none flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
        <span>
          <span
            aria-hidden="true"
            className="mr-2 inline-block text-slate-400 transition-transform group-open:rotate-90"
          >
            ▸
          </span>
          <h3 className="inline text-base font-semibold text-slate-900">{criterion.title}</h3>
          <span className="ml-2 font-mono text-xs break-all text-slate-500">{criterion.key}</span>
        </span>
        <CriterionFacts weight={criterion.weight} isGate={criterion.isGate} targetLevel={criterion.targetLevel} />
      </summary>
      <div className="space-y-4 border-t border-slate-200 p-4">
        <form
          onSubmit={form.onSubmit}
          onChange={form.clearSaved}
          noValidate
          className="space-y-4"
          aria-label={`Edit criterion ${criterion.title}`}
        >
          <FormMessage message={form.message} />
          <CriterionFields prefix={`criterion-${criterion.id}`} errors={form.errors} defaults={criterion} />
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={form.pending}>
              {form.pending ? "Saving…" : "Save criterion"}
            </Button>
            <Saved message={form.saved} />
          </div>
        </form>
        <RemoveButton
          label="Remove criterion"
          confirmText={`Remove the criterion “${criterion.title}” from this draft?`}
          run={(org) => removeCriterionAction(org, { criterionId: criterion.id })}
        />
      </div>
    </details>
  );
}

export function AddCriterionForm({ pillar }: { pillar: Pillar }) {
  const form = useEditorForm(
    addCriterionFormSchema,
    (org, values) => addCriterionAction(org, { ...values, pillarId: pillar.id }),
    {
      resetOnSuccess: true,
    },
  );
  const prefix = `new-criterion-${pillar.id}`;
  return (
    <details className="rounded-lg border-2 border-dashed border-slate-300 bg-white">
      <summary className="cursor-pointer p-4 text-sm font-semibold text-brand-700">
        Add a criterion to “{pillar.title}”
      </summary>
      <form
        onSubmit={form.onSubmit}
        noValidate
        className="space-y-4 border-t border-slate-200 p-4"
        aria-label={`Add a criterion to ${pillar.title}`}
      >
        <FormMessage message={form.message} />
        <Field
          id={`${prefix}-keySuffix`}
          label="Key"
          required
          error={form.errors.keySuffix}
          hint={`Stable identifier: it becomes ${pillar.key}.<key>, e.g. ${pillar.key}.model-card. It cannot change later.`}
        >
          {(a) => <input {...a} name="keySuffix" maxLength={60} autoComplete="off" spellCheck={false} />}
        </Field>
        <CriterionFields prefix={prefix} errors={form.errors} />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={form.pending}>
            {form.pending ? "Adding…" : "Add criterion"}
          </Button>
          <Saved message={form.saved} />
        </div>
      </form>
    </details>
  );
}
