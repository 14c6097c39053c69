"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/action";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requireContext } from "@/modules/orgs/context";
import { completeAssessment, getAssessment, startAssessment } from "./service";

const id = z.string({ error: "Missing id." }).trim().min(1, "Missing id.").max(100, "Unknown id.");
const startInput = z.object({ pilotId: id });
const completeInput = z.object({ assessmentId: id, pilotId: id });

/** Starts an assessment of the pilot (or finds its open one) and opens it. */
export async function startAssessmentAction(pilotId: string): Promise<ActionState> {
  return runAction("startAssessment", async () => {
    const ctx = await requireContext("assessment:write");
    const input = parseInput(startInput, { pilotId });
    const { id: assessmentId } = await startAssessment(ctx, input.pilotId);
    revalidatePath(`/pilots/${input.pilotId}`);
    redirect(`/pilots/${input.pilotId}/assessments/${assessmentId}`);
  });
}

/** Completes the assessment (scored on the server, snapshot stored) and opens its results. */
export async function completeAssessmentAction(assessmentId: string, pilotId: string): Promise<ActionState> {
  return runAction("completeAssessment", async () => {
    const ctx = await requireContext("assessment:write");
    const input = parseInput(completeInput, { assessmentId, pilotId });
    // The pilot in the URL must own the assessment, or the results page would not exist.
    const detail = await getAssessment(ctx, input.assessmentId);
    if (detail.pilot.id !== input.pilotId) throw notFound("Assessment not found.");
    await completeAssessment(ctx, input.assessmentId);
    revalidatePath(`/pilots/${input.pilotId}`);
    revalidatePath("/dashboard");
    redirect(`/pilots/${input.pilotId}/assessments/${input.assessmentId}`);
  });
}
