import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ForbiddenNotice } from "@/components/forbidden-notice";
import { Table } from "@/components/ui/table";
import { formatDate, plural } from "@/lib/format";
import { orgPage, orgPath } from "@/modules/access";
import { toSearchParams } from "@/modules/portfolio/shared";
import { describeFilters } from "@/modules/reports/shared";
import { listShareLinks, type ShareLinkRow } from "@/modules/sharing";
import { RevokeShareLinkButton } from "@/modules/sharing/components/revoke-button";

export const metadata: Metadata = { title: "Share links" };

const STATUS = {
  ACTIVE: { label: "Active", className: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  EXPIRED: { label: "Expired", className: "bg-slate-100 text-slate-700 ring-slate-200" },
  REVOKED: { label: "Revoked", className: "bg-red-50 text-red-800 ring-red-200" },
} as const;

/** What a link shows, in words: "Pilot report: Claims triage" or "Dashboard: Stages: Pilot · …". */
function what(link: ShareLinkRow): string {
  if (link.kind === "PILOT_REPORT") return `Pilot report: ${link.pilot?.name ?? "a deleted pilot"}`;
  const narrowed = link.filters
    ? describeFilters(link.filters).filter((l) => !/: all( but retired)?$|\(default\)$/.test(l))
    : [];
  return `Dashboard: ${narrowed.length === 0 ? "the whole portfolio" : narrowed.join(" · ")}`;
}

export default async function ShareLinksPage({ params }: { params: Promise<{ org: string }> }) {
  const ctx = await orgPage(params, "share:manage");
  const slug = ctx.organizationSlug;
  const trail = [{ href: orgPath(slug, "/settings"), label: "Settings" }];
  if (!ctx.allowed) {
    return (
      <>
        <Breadcrumbs trail={trail} current="Share links" />
        <PageHeader title="Share links" />
        <ForbiddenNotice
          what="Only admins and owners can see and manage share links."
          back={orgPath(slug, "/settings")}
        />
      </>
    );
  }
  const links = await listShareLinks(ctx);
  return (
    <div className="space-y-6">
      <Breadcrumbs trail={trail} current="Share links" />
      <PageHeader
        title="Share links"
        description="Read-only links to one view — a pilot's report or a dashboard view — for people without an account. Revoking a link stops it at once."
      />
      {links.length === 0 ? (
        <EmptyState title="No share links yet">
          Create one with “Share…” on the dashboard or on a pilot&apos;s page.
        </EmptyState>
      ) : (
        <Card className="p-4 sm:p-6">
          <Table
            variant="plain"
            caption={`Share links of ${ctx.organizationName}`}
            className="relative"
            columns={[
              {
                key: "what",
                header: "Shows",
                rowHeader: true,
                className: "min-w-40 [overflow-wrap:anywhere] sm:min-w-48",
                cell: (l) => (
                  <>
                    {l.kind === "DASHBOARD" && l.filters ? (
                      <Link
                        href={orgPath(slug, `/dashboard?${toSearchParams(l.filters)}`)}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {what(l)}
                      </Link>
                    ) : l.pilot ? (
                      <Link
                        href={orgPath(slug, `/pilots/${l.pilot.id}`)}
                        className="font-medium text-brand-700 hover:underline"
                      >
                        {what(l)}
                      </Link>
                    ) : (
                      what(l)
                    )}
                    <span className="block text-xs text-slate-500">
                      Created {formatDate(l.createdAt)}
                      {l.createdBy ? ` by ${l.createdBy}` : ""}
                      {l.hasPasscode ? " · passcode" : ""}
                    </span>
                    {/* On a phone the dates are here, not in columns of their own. */}
                    <span className="block text-xs text-slate-500 sm:hidden">
                      {STATUS[l.status].label} ·{" "}
                      {l.revokedAt ? `revoked ${formatDate(l.revokedAt)}` : `expires ${formatDate(l.expiresAt)}`} · last
                      opened {l.lastOpenedAt ? formatDate(l.lastOpenedAt) : "never"} · {plural(l.openCount, "open")}
                    </span>
                  </>
                ),
              },
              {
                key: "status",
                header: "Status",
                headerClassName: "hidden sm:table-cell",
                className: "hidden sm:table-cell",
                cell: (l) => <Badge className={STATUS[l.status].className}>{STATUS[l.status].label}</Badge>,
              },
              {
                key: "expires",
                header: "Expires",
                headerClassName: "hidden sm:table-cell",
                className: "hidden whitespace-nowrap sm:table-cell",
                cell: (l) => (l.revokedAt ? `Revoked ${formatDate(l.revokedAt)}` : formatDate(l.expiresAt)),
              },
              {
                key: "opened",
                header: "Last opened",
                headerClassName: "hidden sm:table-cell",
                className: "hidden whitespace-nowrap sm:table-cell",
                cell: (l) => (l.lastOpenedAt ? formatDate(l.lastOpenedAt) : "Never"),
              },
              {
                key: "opens",
                header: "Opens",
                align: "right",
                headerClassName: "hidden sm:table-cell",
                className: "hidden tabular-nums sm:table-cell",
                cell: (l) => l.openCount.toLocaleString("en"),
              },
              {
                key: "revoke",
                header: <span className="sr-only">Revoke</span>,
                align: "right",
                cell: (l) => (l.status === "ACTIVE" ? <RevokeShareLinkButton id={l.id} what={what(l)} /> : null),
              },
            ]}
            rows={links}
            rowKey={(l) => l.id}
          />
          <p className="mt-3 text-sm text-slate-600">{plural(links.length, "link")}.</p>
        </Card>
      )}
    </div>
  );
}
