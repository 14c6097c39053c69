import { orgRoute } from "@/modules/access";
import { completeAssessment } from "@/modules/assessments";

/** Completes the assessment: the server scores it and stores the snapshot. */
export const POST = orgRoute<{ org: string; id: string }>(
  { permission: "assessment:write" },
  async ({ ctx, params }) => ({
    score: await completeAssessment(ctx, params.id),
  }),
);
