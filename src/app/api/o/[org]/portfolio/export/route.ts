import { orgRoute } from "@/modules/access";
import { toCsv, parsePortfolioFilters, getPortfolioCsvRowsCached } from "@/modules/portfolio";

/**
 * The filtered portfolio as CSV, one row per pilot; filters as on /dashboard (repeated
 * parameters: `?unit=Claims&unit=Retail`). UTF-8 with a byte-order mark, so Excel reads
 * accented names correctly.
 */
export const GET = orgRoute({ permission: "org:read" }, async ({ request, ctx }) => {
  const filters = parsePortfolioFilters(new URL(request.url).searchParams);
  const { rows, columns } = await getPortfolioCsvRowsCached(ctx, filters);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(toCsv(rows, columns, { byteOrderMark: true }), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="preflight-portfolio-${date}.csv"`,
      "cache-control": "no-store",
    },
  });
});
