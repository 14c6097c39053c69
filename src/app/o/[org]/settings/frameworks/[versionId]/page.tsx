import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { orNotFound } from "@/lib/not-found";
import { getVersionDetail } from "@/modules/frameworks";
import {
  AddCriterionForm,
  AddPillarForm,
  CriterionEditor,
  PillarForm,
  ThresholdsForm,
} from "@/modules/frameworks/components/draft-editor";
import { DraftActions, NewDraftButton } from "@/modules/frameworks/components/version-actions";
import { VersionStatusBadge, VersionView } from "@/modules/frameworks/components/version-view";
import { formatDate } from "@/lib/format";
import { can, orgPage, orgPath } from "@/modules/access";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const metadata: Metadata = { title: "Framework version" };

export default async function FrameworkVersionPage({
  params,
}: {
  params: Promise<{ org: string; versionId: string }>;
}) {
  const ctx = await orgPage(params);
  const { versionId } = await params;
  const detail = await orNotFound(getVersionDetail(ctx, versionId));
  const { content } = detail;
  const canManage = can(ctx.role, "framework:manage");
  const editable = canManage && content.status === "DRAFT";
  const criteriaCount = content.pillars.reduce((n, p) => n + p.criteria.length, 0);
  const title = `${content.frameworkName} v${content.version}`;

  const facts =
    content.status === "PUBLISHED"
      ? `Published ${detail.publishedAt ? formatDate(detail.publishedAt) : ""} · ${content.pillars.length} pillars, ${criteriaCount} criteria · ${detail.assessmentCount === 1 ? "1 assessment" : `${detail.assessmentCount} assessments`} use it.`
      : `Draft started ${formatDate(detail.createdAt)} · ${content.pillars.length} pillars, ${criteriaCount} criteria.`;

  return (
    <article className="space-y-6">
      <Breadcrumbs
        trail={[
          { href: orgPath(ctx.organizationSlug, "/settings"), label: "Settings" },
          { href: orgPath(ctx.organizationSlug, "/settings/frameworks"), label: "Frameworks" },
        ]}
        current={`v${content.version}`}
      />

      <PageHeader
        title={title}
        description={
          <span className="flex flex-col gap-2">
            <VersionStatusBadge status={content.status} current={detail.isCurrent} />
            <span>{facts}</span>
          </span>
        }
        actions={
          canManage && content.status === "PUBLISHED" ? (
            detail.draft ? (
              <ButtonLink
                href={orgPath(ctx.organizationSlug, `/settings/frameworks/${detail.draft.id}`)}
                variant="secondary"
              >
                Continue editing draft v{detail.draft.version}
              </ButtonLink>
            ) : (
              <NewDraftButton versionId={content.id} version={content.version} variant="primary" />
            )
          ) : undefined
        }
      />

      {content.status === "PUBLISHED" && (
        <Notice>
          A published version cannot be edited.{" "}
          {canManage ? "To change it, create a new draft from it." : "Admins can make a new version from it."}
        </Notice>
      )}
      {content.status === "DRAFT" && !canManage && (
        <Notice>This is a draft that admins are preparing. Only admins and owners can edit or publish it.</Notice>
      )}

      {editable ? <DraftEditor detail={detail} /> : <VersionView content={content} />}
    </article>
  );
}

function DraftEditor({ detail }: { detail: Awaited<ReturnType<typeof getVersionDetail>> }) {
  const { content } = detail;
  return (
    <div className="space-y-8">
      <Card className="p-4 sm:p-6">
        <h2 className="text-lg font-semibold">Publish or discard</h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Publishing checks the draft (every pillar needs a criterion, every level a description) and makes it the
          version new assessments use. It can never be edited afterwards.
        </p>
        <div className="mt-4">
          <DraftActions versionId={content.id} version={content.version} />
        </div>
      </Card>

      <Card className="p-4 sm:p-6">
        <h2 className="text-lg font-semibold">Verdict thresholds</h2>
        <p className="mt-1 text-sm text-slate-600">
          A complete assessment with no gate below its target is ready or conditional by its readiness score, the score
          of its weakest pillar.
        </p>
        <div className="mt-4">
          <ThresholdsForm
            versionId={content.id}
            ready={content.thresholds.ready}
            conditional={content.thresholds.conditional}
          />
        </div>
      </Card>

      {content.pillars.map((pillar, index) => (
        <section key={pillar.id} aria-labelledby={`pillar-${pillar.id}`} className="space-y-4">
          <Card className="p-4 sm:p-6">
            <h2 id={`pillar-${pillar.id}`} className="text-lg font-semibold">
              {index + 1}. {pillar.title}
              <span className="ml-2 font-mono text-xs font-normal text-slate-500">{pillar.key}</span>
            </h2>
            <p className="mt-1 text-sm text-slate-600">
              {pillar.criteria.length === 0
                ? "No criteria yet: add one before publishing."
                : pillar.criteria.length === 1
                  ? "1 criterion."
                  : `${pillar.criteria.length} criteria.`}
            </p>
            <div className="mt-4 max-w-3xl">
              <PillarForm pillar={pillar} canRemove={content.pillars.length > 1} />
            </div>
          </Card>
          {pillar.criteria.length === 0 && (
            <Notice tone="warning">
              This pillar has no criteria. Add one, or remove the pillar, before publishing.
            </Notice>
          )}
          {pillar.criteria.map((criterion) => (
            <CriterionEditor key={criterion.id} criterion={criterion} />
          ))}
          <AddCriterionForm pillar={pillar} />
        </section>
      ))}

      <Card className="p-4 sm:p-6">
        <h2 className="text-lg font-semibold">Add a pillar</h2>
        <p className="mt-1 text-sm text-slate-600">
          It is added at the end. Give it at least one criterion before publishing.
        </p>
        <div className="mt-4 max-w-3xl">
          <AddPillarForm versionId={content.id} />
        </div>
      </Card>
    </div>
  );
}
