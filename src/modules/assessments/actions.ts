"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/action";
import { parseInput } from "@/lib/validation";
import { requireContext } from "@/modules/orgs/context";
import { startAssessment } from "./service";

const id = z.string({ error: "Missing id." }).trim().min(1, "Missing id.").max(100, "Unknown id.");
const startInput = z.object({ pilotId: id });

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
