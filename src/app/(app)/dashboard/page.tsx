import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePageContext } from "@/modules/orgs/context";
import { can } from "@/modules/orgs/roles";
import { DashboardFilters } from "@/modules/portfolio/components/dashboard-filters";
import { Headline } from "@/modules/portfolio/components/headline";
import { Heatmap } from "@/modules/portfolio/components/heatmap";
import {
  CostPanel,
  FunnelPanel,
  RollupPanel,
  StalledPanel,
  TopGapsPanel,
  TrendPanel,
  VerdictPanel,
} from "@/modules/portfolio/components/panels";
import { hasPilotFilters, parsePortfolioFilters } from "@/modules/portfolio/filters";
import { getPortfolio } from "@/modules/portfolio/queries";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePageContext();
  const filters = parsePortfolioFilters(await searchParams);
  const portfolio = await getPortfolio(ctx, filters);
  const filtered = hasPilotFilters(filters);

  if (portfolio.headline.total === 0 && !filtered) {
    return (
      <>
        <PageHeader title="Dashboard" description={ctx.organizationName} />
        <EmptyState
          title="No pilots yet"
          action={
            can(ctx.role, "pilot:write") ? <ButtonLink href="/pilots/new">Register a pilot</ButtonLink> : undefined
          }
        >
          Once pilots are registered and assessed, this page shows how ready the portfolio is for production, which
          pilots are stalled and which gaps recur.
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="Portfolio"
        description={`${ctx.organizationName}: how ready the AI pilots are for production, and what stands in the way.`}
      />
      <DashboardFilters filters={portfolio.filters} facets={portfolio.facets} />
      {portfolio.headline.total === 0 ? (
        <EmptyState
          title="No pilots match these filters"
          action={
            <ButtonLink href="/dashboard" variant="secondary">
              Clear filters
            </ButtonLink>
          }
        />
      ) : (
        <div className="space-y-6">
          <Headline headline={portfolio.headline} currency={ctx.currency} stalledDays={portfolio.filters.stalledDays} />
          <Heatmap heatmap={portfolio.heatmap} filters={portfolio.filters} />
          <div className="grid gap-6 lg:grid-cols-2">
            <VerdictPanel verdicts={portfolio.verdicts} filters={portfolio.filters} />
            <TopGapsPanel gaps={portfolio.topGaps} assessed={portfolio.headline.assessed} />
            <FunnelPanel funnel={portfolio.funnel} />
            <TrendPanel trend={portfolio.trend} />
          </div>
          <div className="grid gap-6 lg:grid-cols-2">
            <StalledPanel stalled={portfolio.stalled} />
            <CostPanel cost={portfolio.costVsReadiness} currency={ctx.currency} />
          </div>
          <RollupPanel rollup={portfolio.rollup} filters={portfolio.filters} currency={ctx.currency} />
        </div>
      )}
    </>
  );
}
