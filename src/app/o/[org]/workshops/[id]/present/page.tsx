import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ForbiddenNotice } from "@/components/forbidden-notice";
import { appUrl } from "@/lib/env";
import { orNotFound } from "@/lib/not-found";
import { orgPage, orgPath } from "@/modules/access";
import { getFacilitatorState, getWorkshop, joinQrSvg } from "@/modules/workshops";
import { Presenter } from "@/modules/workshops/components/presenter";

export const metadata: Metadata = { title: "Presenter" };

export default async function PresentPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const ctx = await orgPage(params, "assessment:write");
  const { id } = await params;
  const back = orgPath(ctx.organizationSlug, `/workshops/${id}`);
  if (!ctx.allowed) return <ForbiddenNotice what="Running a workshop needs the editor role." back={back} />;
  const workshop = await orNotFound(getWorkshop(ctx, id));
  if (workshop.status !== "OPEN") redirect(back);
  const initial = (await getFacilitatorState(ctx, id))!;
  const joinUrl = appUrl(`/w/${workshop.code}`);
  return <Presenter workshopId={id} initial={initial} joinUrl={joinUrl} qrSvg={await joinQrSvg(joinUrl)} />;
}
