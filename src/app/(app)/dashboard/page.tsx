import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageContext } from "@/modules/orgs/context";
import { can } from "@/modules/orgs/roles";
import { getRegistrySummary } from "@/modules/portfolio/summary";
import { formatMoney } from "@/modules/pilots/format";
import { STAGE_LABELS, STAGES } from "@/modules/pilots/stages";

export const metadata: Metadata = { title: "Dashboard" };

function Stat({ label, value, href, tone }: { label: string; value: string; href?: string; tone?: "warning" }) {
  const body = (
    <>
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd
        className={`mt-1 text-3xl font-bold tabular-nums ${tone === "warning" ? "text-amber-700" : "text-slate-900"}`}
      >
        {value}
      </dd>
    </>
  );
  return (
    <Card className="p-5">
      {href ? (
        <Link href={href} className="block hover:opacity-80">
          {body}
        </Link>
      ) : (
        body
      )}
    </Card>
  );
}

export default async function DashboardPage() {
  const ctx = await requirePageContext();
  const summary = await getRegistrySummary(ctx);

  if (summary.total === 0) {
    return (
      <>
        <PageHeader title="Dashboard" description={ctx.organizationName} />
        <EmptyState
          title="No pilots yet"
          action={
            can(ctx.role, "pilot:write") ? <ButtonLink href="/pilots/new">Register a pilot</ButtonLink> : undefined
          }
        >
          Once pilots are registered, this page shows how the portfolio is moving towards production.
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader title="Dashboard" description={`${ctx.organizationName}: the AI pilot portfolio at a glance.`} />
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Active pilots" value={String(summary.total)} href="/pilots" />
        <Stat label="In production" value={String(summary.byStage.PRODUCTION)} href="/pilots?stage=PRODUCTION" />
        <Stat
          label="Without a named owner"
          value={String(summary.withoutOwner)}
          tone={summary.withoutOwner > 0 ? "warning" : undefined}
        />
        <Stat
          label="Monthly spend before production"
          value={formatMoney(summary.preProductionMonthlySpend, ctx.currency)}
        />
      </dl>
      <Card className="mt-6 p-6">
        <h2 className="text-base font-semibold">Pilots by stage</h2>
        <ul className="mt-4 grid gap-3 sm:grid-cols-5">
          {STAGES.map((stage) => (
            <li key={stage}>
              <Link
                href={`/pilots?stage=${stage}`}
                className="block rounded-md bg-slate-50 p-4 ring-1 ring-slate-200 hover:bg-slate-100"
              >
                <span className="block text-2xl font-bold tabular-nums">{summary.byStage[stage]}</span>
                <span className="text-sm text-slate-600">{STAGE_LABELS[stage]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
