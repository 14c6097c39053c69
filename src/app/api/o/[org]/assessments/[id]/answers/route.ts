import { orgRoute } from "@/modules/access";
import { answerInputSchema, saveAnswer } from "@/modules/assessments";

/**
 * Saves one answer. Body: { criterionKey, expectedVersion, level | null, notApplicable, naReason?,
 * notes?, evidence? }. A stale expectedVersion answers 409 with the current answer as `current`.
 */
export const PUT = orgRoute<{ org: string; id: string }, typeof answerInputSchema>(
  { permission: "assessment:write", body: answerInputSchema },
  async ({ ctx, params, body }) => ({ answer: await saveAnswer(ctx, params.id, body) }),
);
