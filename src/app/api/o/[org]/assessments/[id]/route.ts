import { orgRoute } from "@/modules/access";
import { getAssessment } from "@/modules/assessments";

/** The assessment with its framework version, answers and computed scores. */
export const GET = orgRoute<{ org: string; id: string }>({ permission: "org:read" }, async ({ ctx, params }) =>
  getAssessment(ctx, params.id),
);
