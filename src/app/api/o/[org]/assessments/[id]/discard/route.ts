import { orgRoute } from "@/modules/access";
import { discardAssessment } from "@/modules/assessments";

/**
 * Discards the open assessment: it stays in the pilot's history (who, when) but is never scored,
 * and the pilot can start a new one. A completed or already discarded assessment answers 409.
 */
export const POST = orgRoute<{ org: string; id: string }>({ permission: "assessment:write" }, async ({ ctx, params }) =>
  discardAssessment(ctx, params.id),
);
