import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ButtonLink } from "@/components/ui/button";
import { Card, Notice } from "@/components/ui/card";
import { appUrl } from "@/lib/env";
import { formatDate, plural } from "@/lib/format";
import { orNotFound } from "@/lib/not-found";
import { orgPage, orgPath } from "@/modules/access";
import { getWorkshop, getWorkshopSummary, joinQrSvg } from "@/modules/workshops";
import { PrintButton } from "@/modules/workshops/components/print-button";
import { StatusBadge } from "@/modules/workshops/components/status-badge";
import { CloseWorkshopButton, OpenWorkshopButton } from "@/modules/workshops/components/workshop-buttons";
import { WorkshopSummaryView } from "@/modules/workshops/components/workshop-summary";

export const metadata: Metadata = { title: "Workshop" };

export default async function WorkshopPage({ params }: { params: Promise<{ org: string; id: string }> }) {
  const ctx = await orgPage(params, "assessment:write");
  const { id } = await params;
  const workshop = await orNotFound(getWorkshop(ctx, id));
  const summary = workshop.status === "DRAFT" ? null : await getWorkshopSummary(ctx, id);
  const joinUrl = appUrl(`/w/${workshop.code}`);
  const qrSvg = workshop.status === "OPEN" ? await joinQrSvg(joinUrl) : "";
  const unwritten =
    workshop.status === "CLOSED" && summary?.pilots.some((p) => !p.assessmentId && p.items.some((i) => i.agreement));

  return (
    <article className="space-y-6">
      <div className="print:hidden">
        <Breadcrumbs
          trail={[{ href: orgPath(ctx.organizationSlug, "/workshops"), label: "Workshops" }]}
          current={workshop.title}
        />
      </div>
      <header className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-bold tracking-tight [overflow-wrap:anywhere]">{workshop.title}</h1>
            <StatusBadge status={workshop.status} />
          </div>
          <p className="mt-1 text-slate-600">
            {formatDate(workshop.date)} · {workshop.pilots.map((p) => p.name).join(", ")} · framework version{" "}
            {workshop.frameworkVersion} · {plural(workshop.itemCount, "item")} ·{" "}
            {plural(workshop.participantCount, "participant")} · votes {workshop.anonymous ? "anonymous" : "named"}
          </p>
        </div>
        <div className="flex flex-wrap gap-2 print:hidden">
          {ctx.allowed && workshop.status === "DRAFT" && <OpenWorkshopButton workshopId={workshop.id} />}
          {ctx.allowed && workshop.status === "OPEN" && (
            <>
              <ButtonLink href={orgPath(ctx.organizationSlug, `/workshops/${workshop.id}/present`)}>
                Presenter view
              </ButtonLink>
              <CloseWorkshopButton workshopId={workshop.id} />
            </>
          )}
          {ctx.allowed && unwritten && (
            <CloseWorkshopButton workshopId={workshop.id} label="Finish writing assessments" />
          )}
          {workshop.status === "CLOSED" && <PrintButton />}
        </div>
      </header>

      {workshop.status === "DRAFT" && (
        <Notice tone="info">
          Nobody can join yet. Open the workshop when the room is ready: its join code then works, and the presenter
          view opens.
        </Notice>
      )}

      {workshop.status === "OPEN" && (
        <Card className="flex flex-col gap-6 p-4 sm:flex-row sm:items-center sm:p-6 print:hidden">
          <div
            className="h-40 w-40 shrink-0 [&>svg]:h-full [&>svg]:w-full"
            role="img"
            aria-label={`QR code for ${joinUrl}`}
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
          <div>
            <h2 className="text-base font-semibold">Join from a phone</h2>
            <p className="mt-1 text-sm text-slate-600">
              Scan the code, or open the link and type a name. No account needed.
            </p>
            <p className="mt-3 font-mono text-3xl font-bold tracking-widest">{workshop.code}</p>
            <p className="mt-1 text-sm [overflow-wrap:anywhere]">
              <a href={joinUrl} className="text-brand-700 hover:underline">
                {joinUrl}
              </a>
            </p>
          </div>
        </Card>
      )}

      {workshop.status === "CLOSED" && (
        <p className="text-sm text-slate-600">
          Closed {formatDate(workshop.closedAt)}. The agreed levels were written as assessments; criteria the room did
          not cover are unanswered, so each verdict stays “Incomplete” until the team finishes its assessment.
        </p>
      )}

      {summary && <WorkshopSummaryView summary={summary} slug={ctx.organizationSlug} />}
    </article>
  );
}
