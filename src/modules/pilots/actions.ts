"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/action";
import { requireContext } from "@/modules/orgs/context";
import { archivePilot, createPilot, restorePilot, updatePilot } from "./service";

export async function createPilotAction(input: Record<string, unknown>): Promise<ActionState> {
  return runAction("createPilot", async () => {
    const ctx = await requireContext("pilot:write");
    const { id } = await createPilot(ctx, input);
    revalidatePath("/pilots");
    redirect(`/pilots/${id}?created=1`);
  });
}

export async function updatePilotAction(id: string, input: Record<string, unknown>): Promise<ActionState> {
  return runAction("updatePilot", async () => {
    const ctx = await requireContext("pilot:write");
    await updatePilot(ctx, id, input);
    revalidatePath("/pilots");
    redirect(`/pilots/${id}?saved=1`);
  });
}

export async function archivePilotAction(id: string): Promise<ActionState> {
  return runAction("archivePilot", async () => {
    const ctx = await requireContext("pilot:write");
    await archivePilot(ctx, id);
    revalidatePath("/pilots");
    return { ok: true, message: "Pilot archived." };
  });
}

export async function restorePilotAction(id: string): Promise<ActionState> {
  return runAction("restorePilot", async () => {
    const ctx = await requireContext("pilot:write");
    await restorePilot(ctx, id);
    revalidatePath("/pilots");
    return { ok: true, message: "Pilot restored." };
  });
}
