import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { listFrameworks } from "@/modules/frameworks";
import { NewDraftButton } from "@/modules/frameworks/components/version-actions";
import { VersionStatusBadge } from "@/modules/frameworks/components/version-view";
import { Table } from "@/components/ui/table";
import { formatDate, plural } from "@/lib/format";
import { can, orgPage, orgPath } from "@/modules/access";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";

export const metadata: Metadata = { title: "Frameworks" };

export default async function FrameworksPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await orgPage(params);
  const frameworks = await listFrameworks(ctx);
  const canManage = can(ctx.role, "framework:manage");
  const versionHref = (id: string) => orgPath(ctx.organizationSlug, `/settings/frameworks/${id}`);

  return (
    <div className="space-y-6">
      <Breadcrumbs
        trail={[{ href: orgPath(ctx.organizationSlug, "/settings"), label: "Settings" }]}
        current="Frameworks"
      />
      <PageHeader
        title="Frameworks"
        description="The readiness checklists pilots are assessed against. A published version never changes: to change the checklist, copy a version into a draft, edit it, and publish it. New assessments use the latest published version; assessments already started keep theirs."
      />
      {!canManage && (
        <Notice>You can read every version. Only admins and owners can make and publish new versions.</Notice>
      )}

      {frameworks.map((f) => (
        <Card key={f.id} className="p-4 sm:p-6">
          <section aria-labelledby={`framework-${f.id}`}>
            <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
              <div>
                <h2 id={`framework-${f.id}`} className="text-lg font-semibold">
                  {f.name}
                </h2>
                <p className="mt-1 max-w-3xl text-sm text-slate-600">{f.description}</p>
              </div>
              {f.draft && (
                <ButtonLink
                  href={orgPath(ctx.organizationSlug, `/settings/frameworks/${f.draft.id}`)}
                  variant={canManage ? "primary" : "secondary"}
                >
                  {canManage ? `Continue editing draft v${f.draft.version}` : `View draft v${f.draft.version}`}
                </ButtonLink>
              )}
            </div>
            {canManage && f.draft && (
              <p className="mt-3 text-sm text-slate-600">
                One draft at a time: publish or delete draft v{f.draft.version} before starting another.
              </p>
            )}
            <Table
              variant="plain"
              caption={`Versions of ${f.name}, newest first`}
              className="relative mt-4"
              columns={[
                {
                  key: "version",
                  header: "Version",
                  rowHeader: true,
                  className: "font-medium",
                  cell: (v) => (
                    <Link href={versionHref(v.id)} className="text-brand-700 hover:underline">
                      v{v.version}
                    </Link>
                  ),
                },
                {
                  key: "status",
                  header: "Status",
                  cell: (v) => <VersionStatusBadge status={v.status} current={v.isCurrent} />,
                },
                {
                  key: "published",
                  header: "Published",
                  className: "text-slate-700",
                  cell: (v) => (v.publishedAt ? formatDate(v.publishedAt) : "—"),
                },
                {
                  key: "content",
                  header: "Content",
                  className: "text-slate-700",
                  cell: (v) =>
                    `${plural(v.pillarCount, "pillar")}, ${plural(v.criterionCount, "criterion", "criteria")}`,
                },
                {
                  key: "assessments",
                  header: "Assessments",
                  className: "text-slate-700",
                  cell: (v) => v.assessmentCount,
                },
                {
                  key: "actions",
                  header: <span className="sr-only">Actions</span>,
                  align: "right",
                  cell: (v) =>
                    canManage && v.status === "PUBLISHED" && !f.draft ? (
                      <NewDraftButton versionId={v.id} version={v.version} />
                    ) : (
                      <Link
                        href={versionHref(v.id)}
                        className="text-brand-700 hover:underline"
                        aria-label={`${canManage && v.status === "DRAFT" ? "Edit" : "View"} v${v.version}`}
                      >
                        {canManage && v.status === "DRAFT" ? "Edit" : "View"}
                      </Link>
                    ),
                },
              ]}
              rows={f.versions}
              rowKey={(v) => v.id}
            />
          </section>
        </Card>
      ))}
    </div>
  );
}
