"use client";

import { useState } from "react";
import Link from "next/link";
import type { PilotStage } from "@/generated/prisma/enums";
import { Button, buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage, useValidatedForm } from "@/components/ui/use-validated-form";
import type { ActionState } from "@/lib/action-state";
import { orgPath } from "@/modules/access/shared";
import { useOrgSlug } from "@/modules/access/client";
import { createPilotAction, updatePilotAction } from "../actions";
import { pilotInputSchema, type PilotFormValues } from "../schemas";
import { needsStageReason, stageGateQuestion, type LatestReadiness } from "../stage-gate";
import { STAGE_DESCRIPTIONS, STAGE_LABELS, STAGES } from "../stages";

type Values = { [K in keyof PilotFormValues]?: string };

interface PilotFormProps {
  /**
   * Present when editing: the pilot, the version the edit is made on, its stage now and its
   * latest completed assessment (null: none) for the stage gate on the way to production.
   */
  pilot?: { id: string; version: number; stage: PilotStage; latest: LatestReadiness | null };
  defaults?: Values;
  currency: string;
  businessUnits: string[];
  teams: string[];
}

function Section({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <fieldset className="grid gap-6 border-t border-slate-200 py-8 first-of-type:border-t-0 first-of-type:pt-0 md:grid-cols-3">
      <legend className="sr-only">{title}</legend>
      <div aria-hidden="true">
        <p className="text-base font-semibold text-slate-900">{title}</p>
        <p className="mt-1 text-sm text-slate-600">{description}</p>
      </div>
      <div className="space-y-5 md:col-span-2">{children}</div>
    </fieldset>
  );
}

export function PilotForm({ pilot, defaults = {}, currency, businessUnits, teams }: PilotFormProps) {
  const org = useOrgSlug();
  const [stage, setStage] = useState<PilotStage>(pilot?.stage ?? (defaults.stage as PilotStage) ?? "IDEA");
  const gated = pilot ? needsStageReason(pilot.stage, stage, pilot.latest) : false;
  const form = useValidatedForm(pilotInputSchema, async (values): Promise<ActionState> => {
    if (!pilot) return createPilotAction(org, values);
    if (gated && !values.stageReason?.trim()) {
      // The question above the field already says why: the error says what to do, once.
      return {
        ok: false,
        code: "BAD_REQUEST",
        message: "Please check: the reason for moving on.",
        fieldErrors: { stageReason: [`Give a reason to move this pilot to ${STAGE_LABELS[stage]} anyway.`] },
      };
    }
    return updatePilotAction(org, { ...values, id: pilot.id, expectedVersion: pilot.version });
  });
  const e = form.errors;
  // The server may ask for a reason the page did not know was needed (a newer verdict).
  const askReason = Boolean(pilot && stage !== pilot.stage && (gated || e.stageReason));

  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-8"
    >
      <div className="mb-6">
        <FormMessage message={form.message} />
      </div>
      <datalist id="business-units">
        {businessUnits.map((u) => (
          <option key={u} value={u} />
        ))}
      </datalist>
      <datalist id="teams">
        {teams.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>

      <Section
        title="The pilot"
        description="What it is and what it changes. Be specific: the outcome is what production readiness is measured against."
      >
        <Field id="name" label="Name" required error={e.name}>
          {(a) => <input {...a} name="name" defaultValue={defaults.name} maxLength={120} />}
        </Field>
        <Field id="summary" label="One-line summary" required error={e.summary} hint="What it does, in one sentence.">
          {(a) => <input {...a} name="summary" defaultValue={defaults.summary} maxLength={200} />}
        </Field>
        <Field
          id="workflow"
          label="Workflow it changes"
          required
          error={e.workflow}
          hint="Who does what today, and how that changes with the pilot."
        >
          {(a) => <textarea {...a} name="workflow" rows={3} defaultValue={defaults.workflow} maxLength={500} />}
        </Field>
        <Field
          id="targetOutcome"
          label="Measurable outcome it targets"
          required
          error={e.targetOutcome}
          hint="A business number, e.g. “cut average handling time from 9 to 6 minutes”."
        >
          {(a) => (
            <textarea {...a} name="targetOutcome" rows={2} defaultValue={defaults.targetOutcome} maxLength={500} />
          )}
        </Field>
        <Field id="tags" label="Tags" error={e.tags} hint="Separate with commas, e.g. llm, customer-facing.">
          {(a) => <input {...a} name="tags" defaultValue={defaults.tags} />}
        </Field>
      </Section>

      <Section
        title="Ownership"
        description="A pilot without a named owner is the most common reason pilots stall. Leave the owner empty if there is none yet: it will show as a gap."
      >
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="businessUnit" label="Business unit" required error={e.businessUnit}>
            {(a) => (
              <input
                {...a}
                name="businessUnit"
                list="business-units"
                defaultValue={defaults.businessUnit}
                maxLength={80}
              />
            )}
          </Field>
          <Field id="owningTeam" label="Owning team" required error={e.owningTeam}>
            {(a) => <input {...a} name="owningTeam" list="teams" defaultValue={defaults.owningTeam} maxLength={80} />}
          </Field>
          <Field id="ownerName" label="Named owner" error={e.ownerName}>
            {(a) => (
              <input {...a} name="ownerName" defaultValue={defaults.ownerName} maxLength={120} autoComplete="off" />
            )}
          </Field>
          <Field id="ownerEmail" label="Owner's email" error={e.ownerEmail}>
            {(a) => (
              <input {...a} name="ownerEmail" type="email" defaultValue={defaults.ownerEmail} autoComplete="off" />
            )}
          </Field>
          <Field id="executiveSponsor" label="Executive sponsor" error={e.executiveSponsor}>
            {(a) => <input {...a} name="executiveSponsor" defaultValue={defaults.executiveSponsor} maxLength={120} />}
          </Field>
        </div>
      </Section>

      <Section title="Stage and dates" description="Changing the stage records when it changed and who changed it.">
        {/* The options say the stage; the chosen stage's description shows under the control (a
            long option would be cut on a phone). */}
        <Field id="stage" label="Stage" required error={e.stage} hint={STAGE_DESCRIPTIONS[stage]}>
          {(a) => (
            <select
              {...a}
              name="stage"
              defaultValue={defaults.stage ?? "IDEA"}
              onChange={(event) => setStage(event.target.value as PilotStage)}
            >
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {STAGE_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div aria-live="polite">
          {askReason && pilot && (
            <div
              role="group"
              aria-labelledby="stage-gate-question"
              className="rounded-md bg-amber-50 p-4 ring-1 ring-amber-200"
            >
              <p id="stage-gate-question" className="text-sm font-semibold text-amber-950">
                {/* Asked by the server on newer facts than the page's: its field error says why. */}
                {gated ? stageGateQuestion(stage, pilot.latest) : `Move to ${STAGE_LABELS[stage]} anyway?`}
              </p>
              <p className="mt-1 mb-4 text-sm text-amber-900">
                Moving on without a ready or conditional verdict needs a reason. It is kept in the pilot&apos;s stage
                history, with your name and the date.
              </p>
              <Field
                id="stageReason"
                label={`Reason for moving to ${STAGE_LABELS[stage]} anyway`}
                required
                error={e.stageReason}
                hint="For example: who approved it, on what conditions, and when the gaps will be closed."
              >
                {(a) => <textarea {...a} name="stageReason" rows={3} maxLength={1000} />}
              </Field>
            </div>
          )}
        </div>
        <div className="grid gap-5 sm:grid-cols-2">
          <Field id="startDate" label="Start date" error={e.startDate}>
            {(a) => <input {...a} name="startDate" type="date" defaultValue={defaults.startDate} />}
          </Field>
          <Field id="targetProductionDate" label="Target production date" error={e.targetProductionDate}>
            {(a) => (
              <input {...a} name="targetProductionDate" type="date" defaultValue={defaults.targetProductionDate} />
            )}
          </Field>
        </div>
      </Section>

      <Section
        title="Cost and value"
        description="All-in monthly cost: model calls, retrieval, infrastructure and human review. Cost per outcome is worked out from these two figures."
      >
        <div className="grid gap-5 sm:grid-cols-2">
          <Field
            id="monthlyRunCost"
            label={`Monthly run cost (${currency})`}
            error={e.monthlyRunCost}
            hint="Whole units."
          >
            {(a) => <input {...a} name="monthlyRunCost" inputMode="numeric" defaultValue={defaults.monthlyRunCost} />}
          </Field>
          <Field
            id="outcomesPerMonth"
            label="Outcomes per month"
            error={e.outcomesPerMonth}
            hint="Tickets resolved, invoices processed…"
          >
            {(a) => (
              <input {...a} name="outcomesPerMonth" inputMode="numeric" defaultValue={defaults.outcomesPerMonth} />
            )}
          </Field>
        </div>
      </Section>

      <div className="flex justify-end gap-3 border-t border-slate-200 pt-6">
        <Link href={orgPath(org, pilot ? `/pilots/${pilot.id}` : "/pilots")} className={buttonClass("secondary")}>
          Cancel
        </Link>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Saving…" : pilot ? "Save changes" : "Register pilot"}
        </Button>
      </div>
    </form>
  );
}
