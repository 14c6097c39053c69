import type { Metadata } from "next";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { Card, Notice } from "@/components/ui/card";
import { orNotFound } from "@/lib/not-found";
import { PilotReadiness } from "@/modules/assessments/components/pilot-readiness";
import { listPilotAssessments } from "@/modules/assessments";
import { ArchiveButton } from "@/modules/pilots/components/archive-button";
import { OverdueBadge } from "@/modules/pilots/components/overdue-badge";
import { StageBadge } from "@/modules/pilots/components/stage-badge";
import { daysSince, formatCostPerOutcome, formatDate, formatMoney, formatNumber, plural } from "@/lib/format";
import { getPilot, STAGE_LABELS } from "@/modules/pilots";
import { can, orgApi, orgPage, orgPath } from "@/modules/access";
import { ShareButton } from "@/modules/sharing/components/share-button";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { workshopSources } from "@/modules/workshops";

export const metadata: Metadata = { title: "Pilot" };

function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
      <dd className="mt-1 text-sm text-slate-900 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

export default async function PilotPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const ctx = await orgPage(params);
  const { id } = await params;
  const pilot = await orNotFound(getPilot(ctx, id));
  const canWrite = can(ctx.role, "pilot:write");
  const assessments = await listPilotAssessments(ctx, pilot.id);
  const sources = Object.fromEntries(
    await workshopSources(
      ctx,
      assessments.map((a) => a.id),
    ),
  );

  return (
    <article className="space-y-6">
      <Breadcrumbs trail={[{ href: orgPath(ctx.organizationSlug, "/pilots"), label: "Pilots" }]} current={pilot.name} />

      {pilot.archivedAt && (
        <Notice tone="warning">
          This pilot was archived on {formatDate(pilot.archivedAt)}. Restore it to show it in the registry again.
        </Notice>
      )}

      <header className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="text-2xl font-bold tracking-tight [overflow-wrap:anywhere]">{pilot.name}</h1>
            <StageBadge stage={pilot.stage} />
            {pilot.overdue && <OverdueBadge />}
          </div>
          <p className="mt-1 text-slate-600">{pilot.summary}</p>
          {pilot.tags.length > 0 && (
            <ul className="mt-2 flex flex-wrap gap-1.5" aria-label="Tags">
              {pilot.tags.map((t) => (
                <li key={t} className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                  {t}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="flex shrink-0 flex-wrap items-start gap-2 print:hidden">
          <a
            href={orgApi(ctx.organizationSlug, `/pilots/${pilot.id}/report.pdf`)}
            className={buttonClass("secondary")}
            download
          >
            Download PDF
          </a>
          <a
            href={orgApi(ctx.organizationSlug, `/pilots/${pilot.id}/report.docx`)}
            className={buttonClass("secondary")}
            download
          >
            Download Word
          </a>
          {/* A blank checklist to fill in offline (a workshop, a client without an account). */}
          <a
            href={orgApi(ctx.organizationSlug, `/pilots/checklist?pilot=${encodeURIComponent(pilot.id)}`)}
            download
            className={buttonClass("secondary")}
          >
            Blank checklist (Excel)
          </a>
          {can(ctx.role, "share:manage") && !pilot.archivedAt && (
            <ShareButton target={{ kind: "PILOT_REPORT", pilotId: pilot.id }} what="this pilot's report" />
          )}
          {canWrite && !pilot.archivedAt && (
            <ButtonLink href={orgPath(ctx.organizationSlug, `/pilots/${pilot.id}/edit`)}>Edit</ButtonLink>
          )}
          {canWrite && <ArchiveButton id={pilot.id} archived={Boolean(pilot.archivedAt)} />}
        </div>
      </header>

      {!pilot.ownerName && (
        <Notice tone="warning" title="No named owner">
          Nobody is named as accountable for this pilot. Pilots without an owner rarely reach production: name one
          person who owns its outcome.
        </Notice>
      )}

      <PilotReadiness
        slug={ctx.organizationSlug}
        pilotId={pilot.id}
        assessments={assessments}
        canAssess={can(ctx.role, "assessment:write") && !pilot.archivedAt}
        sources={sources}
      />

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="p-4 sm:p-6 lg:col-span-2">
          <h2 className="text-base font-semibold">What it changes</h2>
          <dl className="mt-4 grid gap-5 sm:grid-cols-2">
            <Detail term="Workflow">{pilot.workflow}</Detail>
            <Detail term="Target outcome">{pilot.targetOutcome}</Detail>
            <Detail term="Business unit">{pilot.businessUnit}</Detail>
            <Detail term="Owning team">{pilot.owningTeam}</Detail>
            <Detail term="Named owner">
              {pilot.ownerName ? (
                <>
                  {pilot.ownerName}
                  {pilot.ownerEmail && (
                    <a href={`mailto:${pilot.ownerEmail}`} className="block text-brand-700 hover:underline">
                      {pilot.ownerEmail}
                    </a>
                  )}
                </>
              ) : (
                <span className="font-medium text-amber-800">Not named</span>
              )}
            </Detail>
            <Detail term="Executive sponsor">{pilot.executiveSponsor ?? "—"}</Detail>
            <Detail term="Start date">{formatDate(pilot.startDate)}</Detail>
            <Detail term="Target production date">
              {formatDate(pilot.targetProductionDate)}
              {pilot.overdue && (
                <span className="mt-1 flex flex-wrap items-center gap-2">
                  <OverdueBadge />
                  <span className="text-xs text-slate-600">
                    Passed {plural(daysSince(pilot.targetProductionDate!), "day")} ago, and the pilot is not in
                    production.
                  </span>
                </span>
              )}
            </Detail>
          </dl>
        </Card>
        <Card className="p-4 sm:p-6">
          <h2 className="text-base font-semibold">Cost and value</h2>
          <dl className="mt-4 space-y-4">
            <Detail term="Monthly run cost">{formatMoney(pilot.monthlyRunCost, ctx.currency)}</Detail>
            <Detail term="Outcomes per month">{formatNumber(pilot.outcomesPerMonth)}</Detail>
            <Detail term="Cost per outcome">
              <span className="text-lg font-semibold tabular-nums">
                {formatCostPerOutcome(pilot.costPerOutcome, ctx.currency)}
              </span>
              {pilot.costPerOutcome == null && (
                <span className="block text-xs text-slate-500">
                  Needs both the monthly cost and the outcomes per month.
                </span>
              )}
            </Detail>
          </dl>
        </Card>
      </div>

      <Card className="p-4 sm:p-6">
        <section aria-labelledby="stage-history-heading">
          <h2 id="stage-history-heading" className="text-base font-semibold">
            Stage history
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            In {STAGE_LABELS[pilot.stage]} for {plural(daysSince(pilot.stageEnteredAt), "day")}.
          </p>
          <ol className="mt-4 space-y-3 border-l-2 border-slate-200 pl-4">
            {pilot.stageChanges.map((change) => (
              <li key={change.id} className="text-sm">
                <span className="font-medium">{STAGE_LABELS[change.toStage]}</span>
                {change.fromStage && <span className="text-slate-500"> (from {STAGE_LABELS[change.fromStage]})</span>}
                <span className="block text-xs text-slate-500">
                  {formatDate(change.enteredAt)}
                  {change.changedBy ? ` · by ${change.changedBy.name}` : ""}
                </span>
                {change.reason && (
                  <span className="mt-1 block max-w-2xl whitespace-pre-line rounded bg-amber-50 px-2 py-1 text-xs text-amber-950 ring-1 ring-amber-200">
                    <span className="font-semibold">Reason for moving on: </span>
                    {change.reason}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </section>
      </Card>
    </article>
  );
}
