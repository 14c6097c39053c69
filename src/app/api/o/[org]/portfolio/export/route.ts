import { orgRoute } from "@/modules/access";
import { toCsv, parsePortfolioFilters, getPortfolioCsvRows } from "@/modules/portfolio";

/** The filtered portfolio as CSV, one row per pilot; filters as on /dashboard. */
export const GET = orgRoute({ permission: "org:read" }, async ({ request, ctx }) => {
  const filters = parsePortfolioFilters(new URL(request.url).searchParams);
  const { rows, columns } = await getPortfolioCsvRows(ctx, filters);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(toCsv(rows, columns), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="preflight-portfolio-${date}.csv"`,
      "cache-control": "no-store",
    },
  });
});
