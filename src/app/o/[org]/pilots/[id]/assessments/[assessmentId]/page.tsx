import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { orNotFound } from "@/lib/not-found";
import { AssessmentResults } from "@/modules/assessments/components/assessment-results";
import { AssessmentWizard } from "@/modules/assessments/components/assessment-wizard";
import { getAssessment, previousCompleted } from "@/modules/assessments";
import { can, orgPage, orgPath } from "@/modules/access";

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

  const breadcrumb = (
    <nav aria-label="Breadcrumb" className="mb-4 text-sm">
      <Link href={orgPath(ctx.organizationSlug, "/pilots")} className="text-brand-700 hover:underline">
        Pilots
      </Link>
      <span aria-hidden="true" className="mx-2 text-slate-400">
        /
      </span>
      <Link href={orgPath(ctx.organizationSlug, `/pilots/${pilotId}`)} className="text-brand-700 hover:underline">
        {detail.pilot.name}
      </Link>
      <span aria-hidden="true" className="mx-2 text-slate-400">
        /
      </span>
      <span aria-current="page" className="text-slate-600">
        {detail.status === "COMPLETED" ? "Assessment results" : "Assessment"}
      </span>
    </nav>
  );

  if (detail.status === "COMPLETED") {
    const previous = await previousCompleted(ctx, pilotId, new Date(detail.completedAt!));
    return (
      <>
        {breadcrumb}
        <AssessmentResults detail={detail} previous={previous} slug={ctx.organizationSlug} />
      </>
    );
  }
  return (
    <>
      {breadcrumb}
      <AssessmentWizard detail={detail} canEdit={can(ctx.role, "assessment:write")} />
    </>
  );
}
