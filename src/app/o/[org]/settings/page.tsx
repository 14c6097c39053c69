import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import {
  AddMemberForm,
  MemberRowActions,
  NewOrganizationForm,
  OrganizationSettingsForm,
} from "@/modules/orgs/components/member-forms";
import { listMembers } from "@/modules/orgs";
import { Table } from "@/components/ui/table";
import { formatDate, plural } from "@/lib/format";
import { can, orgPage, orgPath, roleLabel } from "@/modules/access";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await orgPage(params);
  const members = await listMembers(ctx);
  const canManageMembers = can(ctx.role, "member:manage");
  const isOwner = can(ctx.role, "org:manage");

  return (
    <div className="space-y-8">
      <PageHeader title="Settings" description={`Organisation settings and members of ${ctx.organizationName}.`} />

      <Card className="p-4 sm:p-6">
        <h2 className="text-lg font-semibold">Organisation</h2>
        <div className="mt-4 max-w-xl">
          {isOwner ? (
            <OrganizationSettingsForm name={ctx.organizationName} slug={ctx.organizationSlug} />
          ) : (
            <p className="text-sm text-slate-700">
              {ctx.organizationName} · your role: <strong>{roleLabel(ctx.role)}</strong>
            </p>
          )}
        </div>
      </Card>

      <Card className="p-4 sm:p-6">
        <h2 className="text-lg font-semibold">Frameworks</h2>
        <p className="mt-1 text-sm text-slate-600">
          The readiness checklists pilots are assessed against: their versions, pillars, criteria, weights and gates.{" "}
          {can(ctx.role, "framework:manage")
            ? "Make a new version by copying one, edit it and publish it."
            : "Only admins and owners can make new versions."}
        </p>
        <Link
          href={orgPath(ctx.organizationSlug, "/settings/frameworks")}
          className="mt-3 inline-block text-sm font-semibold text-brand-700 hover:underline"
        >
          Frameworks and versions
        </Link>
      </Card>

      <Card className="p-4 sm:p-6">
        <h2 className="text-lg font-semibold">Members</h2>
        <p className="mt-1 text-sm text-slate-600">
          {plural(members.length, "member")}.{" "}
          {canManageMembers ? "Changes take effect at once." : "Only admins and owners can change members."}
        </p>
        <Table
          variant="plain"
          caption={`Members of ${ctx.organizationName}`}
          className="relative mt-4"
          columns={[
            {
              key: "name",
              header: "Member",
              className: "min-w-40",
              cell: (m) => (
                <>
                  <span className="font-medium">{m.user.name}</span>
                  {m.user.id === ctx.userId && <span className="ml-1 text-xs text-slate-500">(you)</span>}
                  <span className="block text-slate-600 [overflow-wrap:anywhere]">{m.user.email}</span>
                  {!m.user.hasPassword && (
                    <span className="mt-1 inline-block rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-900">
                      hasn&apos;t set a password yet
                    </span>
                  )}
                </>
              ),
            },
            {
              key: "since",
              header: "Member since",
              // On a phone the role and its controls matter more than the date.
              className: "hidden whitespace-nowrap text-slate-700 sm:table-cell",
              headerClassName: "hidden sm:table-cell",
              cell: (m) => formatDate(m.createdAt),
            },
            {
              key: "role",
              header: canManageMembers ? "Role and access" : "Role",
              align: "right",
              cell: (m) =>
                canManageMembers ? (
                  <MemberRowActions membershipId={m.id} role={m.role} name={m.user.name} canManageOwners={isOwner} />
                ) : (
                  roleLabel(m.role)
                ),
            },
          ]}
          rows={members}
          rowKey={(m) => m.id}
        />
        {canManageMembers && (
          <div className="mt-8 border-t border-slate-200 pt-6">
            <AddMemberForm canAddOwner={isOwner} />
          </div>
        )}
      </Card>

      <Card className="p-4 sm:p-6">
        <h2 className="text-lg font-semibold">Another organisation</h2>
        <p className="mt-1 text-sm text-slate-600">
          Consultants work with several clients: each organisation keeps its pilots and members apart. Switch between
          them from the menu at the top.
        </p>
        <div className="mt-4 max-w-xl">
          <NewOrganizationForm label="New organisation's name" />
        </div>
      </Card>
    </div>
  );
}
