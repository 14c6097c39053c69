import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { ForbiddenNotice } from "@/components/forbidden-notice";
import { PilotForm } from "@/modules/pilots/components/pilot-form";
import { listPilotFacets } from "@/modules/pilots";
import { orgPage, orgPath } from "@/modules/access";

export const metadata: Metadata = { title: "Register a pilot" };

export default async function NewPilotPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await orgPage(params, "pilot:write");
  if (!ctx.allowed)
    return (
      <ForbiddenNotice
        what="Viewers can read pilots but not register them."
        back={orgPath(ctx.organizationSlug, "/pilots")}
      />
    );
  const facets = await listPilotFacets(ctx);
  return (
    <>
      <PageHeader
        title="Register a pilot"
        description="Fields marked * are required. You can change everything later."
      />
      <PilotForm
        currency={ctx.currency}
        businessUnits={facets.businessUnits}
        teams={facets.teams}
        defaults={{ stage: "PILOT" }}
      />
    </>
  );
}
