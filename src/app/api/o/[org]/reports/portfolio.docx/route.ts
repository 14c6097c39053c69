import { orgRoute } from "@/modules/access";
import { buildPortfolioReport, reportResponse } from "@/modules/reports";

export const runtime = "nodejs";

/** The portfolio report for the dashboard's filters (the same query parameters as /dashboard). */
export const GET = orgRoute({ permission: "org:read" }, async ({ request, ctx }) => {
  const report = await buildPortfolioReport(ctx, new URL(request.url).searchParams);
  return reportResponse(report, "docx", ctx.organizationSlug);
});
