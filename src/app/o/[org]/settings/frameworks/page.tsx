import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card, Notice, PageHeader } from "@/components/ui/card";
import { listFrameworks } from "@/modules/frameworks";
import { NewDraftButton } from "@/modules/frameworks/components/version-actions";
import { VersionStatusBadge } from "@/modules/frameworks/components/version-view";
import { formatDate } from "@/lib/format";
import { can, orgPage, orgPath } from "@/modules/access";

export const metadata: Metadata = { title: "Frameworks" };

export default async function FrameworksPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await orgPage(params);
  const frameworks = await listFrameworks(ctx);
  const canManage = can(ctx.role, "framework:manage");

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={orgPath(ctx.organizationSlug, "/settings")} className="text-brand-700 hover:underline">
          Settings
        </Link>
        <span aria-hidden="true" className="mx-2 text-slate-400">
          /
        </span>
        <span aria-current="page" className="text-slate-600">
          Frameworks
        </span>
      </nav>
      <PageHeader
        title="Frameworks"
        description="The readiness checklists pilots are assessed against. A published version never changes: to change the checklist, copy a version into a draft, edit it, and publish it. New assessments use the latest published version; assessments already started keep theirs."
      />
      {!canManage && (
        <Notice>You can read every version. Only admins and owners can make and publish new versions.</Notice>
      )}

      {frameworks.map((f) => (
        <Card key={f.id} className="p-6">
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
            <div className="mt-4 overflow-x-auto">
              <table className="min-w-full divide-y divide-slate-200 text-sm">
                <caption className="sr-only">Versions of {f.name}, newest first</caption>
                <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                  <tr>
                    <th scope="col" className="py-2 pr-4">
                      Version
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      Status
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      Published
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      Content
                    </th>
                    <th scope="col" className="py-2 pr-4">
                      Assessments
                    </th>
                    <th scope="col" className="py-2 text-right">
                      <span className="sr-only">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {f.versions.map((v) => (
                    <tr key={v.id}>
                      <th scope="row" className="py-3 pr-4 text-left font-medium">
                        <Link
                          href={orgPath(ctx.organizationSlug, `/settings/frameworks/${v.id}`)}
                          className="text-brand-700 hover:underline"
                        >
                          v{v.version}
                        </Link>
                      </th>
                      <td className="py-3 pr-4">
                        <VersionStatusBadge status={v.status} current={v.isCurrent} />
                      </td>
                      <td className="py-3 pr-4 text-slate-700">{v.publishedAt ? formatDate(v.publishedAt) : "—"}</td>
                      <td className="py-3 pr-4 text-slate-700">
                        {v.pillarCount} pillars, {v.criterionCount} criteria
                      </td>
                      <td className="py-3 pr-4 text-slate-700">{v.assessmentCount}</td>
                      <td className="py-3 text-right">
                        {canManage && v.status === "PUBLISHED" && !f.draft ? (
                          <NewDraftButton versionId={v.id} version={v.version} />
                        ) : (
                          <Link
                            href={orgPath(ctx.organizationSlug, `/settings/frameworks/${v.id}`)}
                            className="text-brand-700 hover:underline"
                            aria-label={`${canManage && v.status === "DRAFT" ? "Edit" : "View"} v${v.version}`}
                          >
                            {canManage && v.status === "DRAFT" ? "Edit" : "View"}
                          </Link>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </Card>
      ))}
    </div>
  );
}
