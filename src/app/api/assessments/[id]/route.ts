import { withMember } from "@/lib/http";
import { getAssessment } from "@/modules/assessments/service";

/** The assessment with its framework version, answers and computed scores. */
export const GET = withMember<{ id: string }>("org:read", async ({ ctx, params }) => getAssessment(ctx, params.id));
