"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { idSchema } from "@/lib/validation";
import { orgAction, orgPath } from "@/modules/access";
import { discardAssessment, startAssessment } from "./service";

/** Starts an assessment of the pilot (or finds its open one) and opens it. */
export const startAssessmentAction = orgAction(
  { name: "startAssessment", permission: "assessment:write", input: z.object({ pilotId: idSchema }) },
  async ({ ctx, input }) => {
    const { id: assessmentId } = await startAssessment(ctx, input.pilotId);
    const pilotPath = orgPath(ctx.organizationSlug, `/pilots/${input.pilotId}`);
    revalidatePath(pilotPath);
    redirect(`${pilotPath}/assessments/${assessmentId}`);
  },
);

/** Discards the open assessment (recorded in the pilot's history) and goes back to the pilot. */
export const discardAssessmentAction = orgAction(
  { name: "discardAssessment", permission: "assessment:write", input: z.object({ assessmentId: idSchema }) },
  async ({ ctx, input }) => {
    const { pilotId } = await discardAssessment(ctx, input.assessmentId);
    const pilotPath = orgPath(ctx.organizationSlug, `/pilots/${pilotId}`);
    revalidatePath(pilotPath);
    redirect(`${pilotPath}?toast=assessment-discarded`);
  },
);
