import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { formatDate } from "@/lib/format";
import { orNotFound } from "@/lib/not-found";
import { AssessmentResults } from "@/modules/assessments/components/assessment-results";
import { AssessmentWizard } from "@/modules/assessments/components/assessment-wizard";
import { ChecklistTransfer } from "@/modules/imports/components/checklist-transfer";
import { getAssessment, getChangesSincePrevious, previousCompleted } from "@/modules/assessments";
import { can, orgPage, orgPath } from "@/modules/access";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { workshopSources, workshopVotesForAssessment } from "@/modules/workshops";
import { WorkshopVotesList } from "@/modules/workshops/components/workshop-votes-list";
import Link from "next/link";

export const metadata: Metadata = { title: "Assessment" };

export default async function AssessmentPage({
  params,
}: {
  params: Promise<{ org: string; id: string; assessmentId: string }>;
}) {
  const ctx = await orgPage(params);
  const { id: pilotId, assessmentId } = await params;
  const detail = await orNotFound(getAssessment(ctx, assessmentId));
  // The child id must belong to the parent in the URL, or the page does not exist.
  if (detail.pilot.id !== pilotId) notFound();
  const pilotPath = orgPath(ctx.organizationSlug, `/pilots/${pilotId}`);
  const source = (await workshopSources(ctx, [detail.id])).get(detail.id);
  const votes = source ? await workshopVotesForAssessment(ctx, detail.id) : null;

  const breadcrumb = (
    <div className="mb-4">
      <Breadcrumbs
        trail={[
          { href: orgPath(ctx.organizationSlug, "/pilots"), label: "Pilots" },
          { href: pilotPath, label: detail.pilot.name },
        ]}
        current={
          detail.status === "COMPLETED"
            ? "Assessment results"
            : detail.status === "DISCARDED"
              ? "Discarded assessment"
              : "Assessment"
        }
      />
      {source && (
        <div className="mt-4">
          <Notice tone="info" title={`From the workshop “${source.title}”`}>
            Agreed by the room on {formatDate(source.date)} ({source.participants} participants). Criteria the workshop
            did not cover are unanswered.{" "}
            <Link
              href={orgPath(ctx.organizationSlug, `/workshops/${source.workshopId}`)}
              className="font-semibold underline"
            >
              The votes and follow-ups
            </Link>
            {votes && votes.size > 0 && (
              <WorkshopVotesList
                votes={votes}
                criteria={detail.framework.pillars.flatMap((p) =>
                  p.criteria.map((c) => ({ key: c.key, title: c.title })),
                )}
              />
            )}
          </Notice>
        </div>
      )}
    </div>
  );

  if (detail.status === "COMPLETED") {
    const [previous, changes] = await Promise.all([
      previousCompleted(ctx, pilotId, new Date(detail.completedAt!)),
      getChangesSincePrevious(ctx, detail.id),
    ]);
    return (
      <>
        {breadcrumb}
        <AssessmentResults detail={detail} previous={previous} changes={changes} slug={ctx.organizationSlug} />
      </>
    );
  }
  if (detail.status === "DISCARDED") {
    return (
      <>
        {breadcrumb}
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">Discarded assessment: {detail.pilot.name}</h1>
        <div className="mt-4 max-w-2xl space-y-4">
          <Notice tone="info" title="This assessment was discarded">
            Started on {formatDate(detail.startedAt)}
            {detail.startedBy ? ` by ${detail.startedBy}` : ""}, discarded on {formatDate(detail.discardedAt)}
            {detail.discardedBy ? ` by ${detail.discardedBy}` : ""}. It was never scored and counts in no trend or
            portfolio figure; its {detail.answers.length} saved answers are kept only for the record.
          </Notice>
          <ButtonLink href={pilotPath} variant="secondary">
            <span aria-hidden="true">←</span> Back to {detail.pilot.name}
          </ButtonLink>
        </div>
      </>
    );
  }
  return (
    <>
      {breadcrumb}
      <ChecklistTransfer assessmentId={detail.id} canEdit={can(ctx.role, "assessment:write")} />
      <AssessmentWizard
        detail={detail}
        canEdit={can(ctx.role, "assessment:write")}
        canEditPilot={can(ctx.role, "pilot:write")}
      />
    </>
  );
}
