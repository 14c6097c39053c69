import { orgRoute } from "@/modules/access";
import { buildPilotReport, reportResponse } from "@/modules/reports";

export const runtime = "nodejs";

/** One pilot's readiness report; another organisation's pilot is 404. */
export const GET = orgRoute<{ org: string; id: string }>({ permission: "org:read" }, async ({ ctx, params }) => {
  const report = await buildPilotReport(ctx, params.id);
  return reportResponse(report, "pdf", ctx.organizationSlug);
});
