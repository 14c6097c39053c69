import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { ForbiddenNotice } from "@/components/forbidden-notice";
import { orNotFound } from "@/lib/not-found";
import { PilotForm } from "@/modules/pilots/components/pilot-form";
import { latestCompleted } from "@/modules/assessments";
import { toDateInput } from "@/lib/format";
import { getPilot, listPilotFacets } from "@/modules/pilots";
import { orgPage, orgPath } from "@/modules/access";

export const metadata: Metadata = { title: "Edit pilot" };

export default async function EditPilotPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const ctx = await orgPage(params, "pilot:write");
  const { id } = await params;
  const pilot = await orNotFound(getPilot(ctx, id));
  if (!ctx.allowed)
    return (
      <ForbiddenNotice
        what="Viewers can read pilots but not edit them."
        back={orgPath(ctx.organizationSlug, `/pilots/${id}`)}
      />
    );
  const [facets, latest] = await Promise.all([listPilotFacets(ctx), latestCompleted(ctx, pilot.id)]);
  const str = (n: number | null) => (n == null ? "" : String(n));
  return (
    <>
      <PageHeader title={`Edit ${pilot.name}`} />
      <PilotForm
        pilot={{
          id: pilot.id,
          version: pilot.version,
          stage: pilot.stage,
          latest: latest?.verdict ? { verdict: latest.verdict, gatesUnmet: latest.gatesUnmet } : null,
        }}
        currency={ctx.currency}
        businessUnits={facets.businessUnits}
        teams={facets.teams}
        defaults={{
          name: pilot.name,
          summary: pilot.summary,
          workflow: pilot.workflow,
          targetOutcome: pilot.targetOutcome,
          businessUnit: pilot.businessUnit,
          owningTeam: pilot.owningTeam,
          ownerName: pilot.ownerName ?? "",
          ownerEmail: pilot.ownerEmail ?? "",
          executiveSponsor: pilot.executiveSponsor ?? "",
          stage: pilot.stage,
          startDate: toDateInput(pilot.startDate),
          targetProductionDate: toDateInput(pilot.targetProductionDate),
          monthlyRunCost: str(pilot.monthlyRunCost),
          outcomesPerMonth: str(pilot.outcomesPerMonth),
          tags: pilot.tags.join(", "),
        }}
      />
    </>
  );
}
