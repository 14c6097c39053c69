import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ForbiddenNotice } from "@/components/forbidden-notice";
import { orgPage, orgPath } from "@/modules/access";
import { ImportWizard } from "@/modules/imports/components/import-wizard";

export const metadata: Metadata = { title: "Import pilots" };

export default async function ImportPilotsPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await orgPage(params, "pilot:write");
  if (!ctx.allowed)
    return (
      <ForbiddenNotice
        what="Viewers can read pilots but not import them."
        back={orgPath(ctx.organizationSlug, "/pilots")}
      />
    );
  return (
    <>
      <Breadcrumbs trail={[{ label: "Pilots", href: orgPath(ctx.organizationSlug, "/pilots") }]} current="Import" />
      <PageHeader
        title="Import pilots from a spreadsheet"
        description="Register many pilots at once, or update them from the client's register: a row with the same ID (or, without one, the same name) updates that pilot."
      />
      <ImportWizard />
    </>
  );
}
