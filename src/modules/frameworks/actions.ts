"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/lib/action";
import { requireContext } from "@/modules/orgs/context";
import {
  addCriterion,
  addPillar,
  createDraftFromVersion,
  deleteDraft,
  publishDraft,
  removeCriterion,
  removePillar,
  updateCriterion,
  updateDraftThresholds,
  updatePillar,
} from "./admin-service";

// Every action checks the role on the server (403 for viewers and editors); the service checks
// it again and scopes every query to the organisation (404 for anyone else's ids).

const FRAMEWORKS = "/settings/frameworks";

function refresh(versionId?: string) {
  revalidatePath(FRAMEWORKS);
  if (versionId) revalidatePath(`${FRAMEWORKS}/${versionId}`);
}

export async function createDraftAction(versionId: string): Promise<ActionState> {
  return runAction("createDraftFromVersion", async () => {
    const ctx = await requireContext("framework:manage");
    const draft = await createDraftFromVersion(ctx, versionId);
    refresh();
    redirect(`${FRAMEWORKS}/${draft.id}?created=1`);
  });
}

export async function updateThresholdsAction(versionId: string, input: Record<string, unknown>): Promise<ActionState> {
  return runAction(
    "updateDraftThresholds",
    async () => {
      const ctx = await requireContext("framework:manage");
      await updateDraftThresholds(ctx, versionId, input);
      refresh(versionId);
      return { ok: true, message: "Thresholds saved." };
    },
    input,
  );
}

export async function updatePillarAction(pillarId: string, input: Record<string, unknown>): Promise<ActionState> {
  return runAction(
    "updatePillar",
    async () => {
      const ctx = await requireContext("framework:manage");
      const { versionId } = await updatePillar(ctx, pillarId, input);
      refresh(versionId);
      return { ok: true, message: "Pillar saved." };
    },
    input,
  );
}

export async function addPillarAction(versionId: string, input: Record<string, unknown>): Promise<ActionState> {
  return runAction(
    "addPillar",
    async () => {
      const ctx = await requireContext("framework:manage");
      const { key } = await addPillar(ctx, versionId, input);
      refresh(versionId);
      return { ok: true, message: `Pillar “${key}” added. Add at least one criterion to it before publishing.` };
    },
    input,
  );
}

export async function removePillarAction(pillarId: string): Promise<ActionState> {
  return runAction("removePillar", async () => {
    const ctx = await requireContext("framework:manage");
    const { versionId } = await removePillar(ctx, pillarId);
    refresh(versionId);
    return { ok: true, message: "Pillar removed." };
  });
}

export async function updateCriterionAction(criterionId: string, input: Record<string, unknown>): Promise<ActionState> {
  return runAction(
    "updateCriterion",
    async () => {
      const ctx = await requireContext("framework:manage");
      const { versionId } = await updateCriterion(ctx, criterionId, input);
      refresh(versionId);
      return { ok: true, message: "Criterion saved." };
    },
    input,
  );
}

export async function addCriterionAction(pillarId: string, input: Record<string, unknown>): Promise<ActionState> {
  return runAction(
    "addCriterion",
    async () => {
      const ctx = await requireContext("framework:manage");
      const { key, versionId } = await addCriterion(ctx, pillarId, input);
      refresh(versionId);
      return { ok: true, message: `Criterion “${key}” added.` };
    },
    input,
  );
}

export async function removeCriterionAction(criterionId: string): Promise<ActionState> {
  return runAction("removeCriterion", async () => {
    const ctx = await requireContext("framework:manage");
    const { versionId } = await removeCriterion(ctx, criterionId);
    refresh(versionId);
    return { ok: true, message: "Criterion removed." };
  });
}

export async function publishDraftAction(versionId: string): Promise<ActionState> {
  return runAction("publishDraft", async () => {
    const ctx = await requireContext("framework:manage");
    await publishDraft(ctx, versionId);
    refresh(versionId);
    redirect(`${FRAMEWORKS}/${versionId}?published=1`);
  });
}

export async function deleteDraftAction(versionId: string): Promise<ActionState> {
  return runAction("deleteDraft", async () => {
    const ctx = await requireContext("framework:manage");
    await deleteDraft(ctx, versionId);
    refresh();
    redirect(`${FRAMEWORKS}?deleted=1`);
  });
}
