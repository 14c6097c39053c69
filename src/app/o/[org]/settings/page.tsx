import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import {
  MemberRowActions,
  NewOrganizationForm,
  OrganizationSettingsForm,
} from "@/modules/orgs/components/member-forms";
import { InviteMemberForm, PendingInvitationActions } from "@/modules/orgs/components/invitation-forms";
import { listMembers, listPendingInvitations } from "@/modules/orgs";
import { Table } from "@/components/ui/table";
import { formatDate, formatDateTime, plural } from "@/lib/format";
import { can, orgPage, orgPath, roleLabel } from "@/modules/access";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await orgPage(params);
  const members = await listMembers(ctx);
  const canManageMembers = can(ctx.role, "member:manage");
  const invitations = canManageMembers ? await listPendingInvitations(ctx) : [];
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
        <h2 className="text-lg font-semibold">Share links</h2>
        <p className="mt-1 text-sm text-slate-600">
          Read-only links to a pilot&apos;s report or a dashboard view, for people without an account: when each was
          last opened, and how often.{" "}
          {can(ctx.role, "share:manage")
            ? "Revoke one to stop it at once."
            : "Only admins and owners can create and revoke them."}
        </p>
        {can(ctx.role, "share:manage") && (
          <Link
            href={orgPath(ctx.organizationSlug, "/settings/share-links")}
            className="mt-3 inline-block text-sm font-semibold text-brand-700 hover:underline"
          >
            Share links
          </Link>
        )}
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
            <h3 className="text-base font-semibold">Pending invitations</h3>
            {invitations.length === 0 ? (
              <p className="mt-1 text-sm text-slate-600">None: everyone invited has joined, or nobody is invited.</p>
            ) : (
              <>
                <p className="mt-1 text-sm text-slate-600">
                  {plural(invitations.length, "invitation")} waiting to be accepted. Resend makes a new link (the old
                  one stops working) valid for 7 more days.
                </p>
                <Table
                  variant="plain"
                  caption={`Pending invitations to ${ctx.organizationName}`}
                  className="relative mt-4"
                  columns={[
                    {
                      key: "email",
                      header: "Invited",
                      className: "min-w-40",
                      cell: (i) => (
                        <>
                          <span className="font-medium [overflow-wrap:anywhere]">{i.email}</span>
                          <span className="block text-slate-600">
                            {roleLabel(i.role)}
                            {i.invitedBy ? ` · invited by ${i.invitedBy}` : ""}
                          </span>
                          {/* On a phone the expiry column is hidden: the date goes here. */}
                          <span
                            className={`block sm:hidden ${i.expired ? "font-medium text-amber-800" : "text-slate-600"}`}
                          >
                            {i.expired ? "Expired" : "Expires"} {formatDateTime(i.expiresAt)}
                          </span>
                        </>
                      ),
                    },
                    {
                      key: "expires",
                      header: "Link expires",
                      className: "hidden whitespace-nowrap text-slate-700 sm:table-cell",
                      headerClassName: "hidden sm:table-cell",
                      cell: (i) =>
                        i.expired ? (
                          <span className="font-medium text-amber-800">Expired {formatDateTime(i.expiresAt)}</span>
                        ) : (
                          formatDateTime(i.expiresAt)
                        ),
                    },
                    {
                      key: "actions",
                      header: "Actions",
                      align: "right",
                      cell: (i) => (
                        <PendingInvitationActions
                          invitationId={i.id}
                          email={i.email}
                          role={i.role}
                          canManageOwners={isOwner}
                        />
                      ),
                    },
                  ]}
                  rows={invitations}
                  rowKey={(i) => i.id}
                />
              </>
            )}
          </div>
        )}
        {canManageMembers && (
          <div className="mt-8 border-t border-slate-200 pt-6">
            <InviteMemberForm canInviteOwner={isOwner} />
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
