import { withMember } from "@/lib/http";
import { completeAssessment } from "@/modules/assessments/service";

/** Completes the assessment: the server scores it and stores the snapshot. */
export const POST = withMember<{ id: string }>("assessment:write", async ({ ctx, params }) => ({
  score: await completeAssessment(ctx, params.id),
}));
