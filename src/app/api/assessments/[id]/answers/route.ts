import { readJson, withMember } from "@/lib/http";
import { saveAnswer } from "@/modules/assessments/service";

/**
 * Saves one answer. Body: { criterionKey, expectedVersion, level | null, notApplicable, naReason?,
 * notes?, evidence? }. A stale expectedVersion answers 409 with the current answer as `current`.
 */
export const PUT = withMember<{ id: string }>("assessment:write", async ({ request, ctx, params }) => ({
  answer: await saveAnswer(ctx, params.id, await readJson(request)),
}));
