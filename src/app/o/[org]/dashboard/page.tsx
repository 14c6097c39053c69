import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { DashboardFilters, PrintedView } from "@/modules/portfolio/components/dashboard-filters";
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
import { hasPilotFilters, parsePortfolioFilters, getPortfolioCached, toSearchParams } from "@/modules/portfolio";
import { can, orgApi, orgPage, orgPath } from "@/modules/access";
import { ShareButton } from "@/modules/sharing/components/share-button";
import { buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ org: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await orgPage(params);
  const slug = ctx.organizationSlug;
  const filters = parsePortfolioFilters(await searchParams);
  const portfolio = await getPortfolioCached(ctx, filters);
  const filtered = hasPilotFilters(filters);
  // Retired pilots are out of the figures unless the stage filter asks for them.
  const onlyRetired = portfolio.headline.total === 0 && portfolio.headline.retiredLeftOut > 0;

  if (portfolio.headline.total === 0 && !onlyRetired && !filtered) {
    return (
      <>
        <PageHeader title="Dashboard" description={ctx.organizationName} />
        <EmptyState
          title="No pilots yet"
          action={
            can(ctx.role, "pilot:write") ? (
              <ButtonLink href={orgPath(ctx.organizationSlug, "/pilots/new")}>Register a pilot</ButtonLink>
            ) : undefined
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
        actions={
          <ReportActions
            slug={slug}
            search={toSearchParams(portfolio.filters).toString()}
            canShare={can(ctx.role, "share:manage")}
          />
        }
      />
      <DashboardFilters filters={portfolio.filters} facets={portfolio.facets} slug={slug} />
      <PrintedView
        filters={portfolio.filters}
        pillars={portfolio.heatmap.pillars}
        generatedAt={portfolio.generatedAt}
      />
      {onlyRetired ? (
        <EmptyState
          title="Every pilot in this view is retired"
          action={
            <ButtonLink
              href={orgPath(slug, `/dashboard?${toSearchParams({ ...portfolio.filters, stages: ["RETIRED"] })}`)}
              variant="secondary"
            >
              Show retired pilots
            </ButtonLink>
          }
        >
          The figures leave retired pilots out unless the stage filter includes them.
        </EmptyState>
      ) : portfolio.headline.total === 0 ? (
        <EmptyState
          title="No pilots match these filters"
          action={
            <ButtonLink href={orgPath(ctx.organizationSlug, "/dashboard")} variant="secondary">
              Clear filters
            </ButtonLink>
          }
        />
      ) : (
        <div className="space-y-6 print:space-y-4">
          <Headline headline={portfolio.headline} currency={ctx.currency} filters={portfolio.filters} slug={slug} />
          <Heatmap heatmap={portfolio.heatmap} filters={portfolio.filters} slug={slug} />
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2 print:block print:space-y-4">
            <VerdictPanel verdicts={portfolio.verdicts} filters={portfolio.filters} slug={slug} />
            <TopGapsPanel gaps={portfolio.topGaps} assessed={portfolio.headline.assessed} slug={slug} />
            <FunnelPanel funnel={portfolio.funnel} filters={portfolio.filters} slug={slug} />
            <TrendPanel trend={portfolio.trend} />
          </div>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-2 print:block print:space-y-4">
            <StalledPanel stalled={portfolio.stalled} filters={portfolio.filters} slug={slug} />
            <CostPanel
              cost={portfolio.costVsReadiness}
              currency={ctx.currency}
              filters={portfolio.filters}
              slug={slug}
            />
          </div>
          <RollupPanel rollup={portfolio.rollup} filters={portfolio.filters} currency={ctx.currency} slug={slug} />
        </div>
      )}
    </>
  );
}

/** The view as a report (PDF, Word) and, for admins, as a read-only share link: the current filters. */
function ReportActions({ slug, search, canShare }: { slug: string; search: string; canShare: boolean }) {
  const query = search ? `?${search}` : "";
  return (
    <div className="flex flex-wrap gap-2 print:hidden">
      <a href={orgApi(slug, `/reports/portfolio.pdf${query}`)} className={buttonClass("secondary")} download>
        Download PDF
      </a>
      <a href={orgApi(slug, `/reports/portfolio.docx${query}`)} className={buttonClass("secondary")} download>
        Download Word
      </a>
      {canShare && <ShareButton target={{ kind: "DASHBOARD", filters: search }} what="this dashboard view" />}
    </div>
  );
}
