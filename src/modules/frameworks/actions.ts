"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { idSchema } from "@/lib/validation";
import { orgAction, orgPath, type OrgContext } from "@/modules/access";
import { addCriterionSchema, addPillarSchema, criterionSchema, pillarSchema, thresholdsSchema } from "./admin-schemas";
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

// The wrapper checks the role (403 for viewers and editors); the service checks it again and
// scopes every query to the organisation (404 for anyone else's ids).

const frameworksPath = (ctx: OrgContext, rest = "") => orgPath(ctx.organizationSlug, `/settings/frameworks${rest}`);

function refresh(ctx: OrgContext, versionId?: string) {
  revalidatePath(frameworksPath(ctx));
  if (versionId) revalidatePath(frameworksPath(ctx, `/${versionId}`));
}

const version = z.object({ versionId: idSchema });
const pillar = z.object({ pillarId: idSchema });
const criterion = z.object({ criterionId: idSchema });
const manage = "framework:manage" as const;

export const createDraftAction = orgAction(
  { name: "createDraftFromVersion", permission: manage, input: version },
  async ({ ctx, input }) => {
    const draft = await createDraftFromVersion(ctx, input.versionId);
    refresh(ctx);
    redirect(frameworksPath(ctx, `/${draft.id}?toast=draft-created`));
  },
);

export const updateThresholdsAction = orgAction(
  { name: "updateDraftThresholds", permission: manage, input: thresholdsSchema.and(version) },
  async ({ ctx, input }) => {
    await updateDraftThresholds(ctx, input.versionId, input);
    refresh(ctx, input.versionId);
    return { ok: true, message: "Thresholds saved." };
  },
);

export const updatePillarAction = orgAction(
  { name: "updatePillar", permission: manage, input: pillarSchema.and(pillar) },
  async ({ ctx, input }) => {
    const { versionId } = await updatePillar(ctx, input.pillarId, input);
    refresh(ctx, versionId);
    return { ok: true, message: "Pillar saved." };
  },
);

export const addPillarAction = orgAction(
  { name: "addPillar", permission: manage, input: addPillarSchema.and(version) },
  async ({ ctx, input }) => {
    const { key } = await addPillar(ctx, input.versionId, input);
    refresh(ctx, input.versionId);
    return { ok: true, message: `Pillar “${key}” added. Add at least one criterion to it before publishing.` };
  },
);

export const removePillarAction = orgAction(
  { name: "removePillar", permission: manage, input: pillar },
  async ({ ctx, input }) => {
    const { versionId } = await removePillar(ctx, input.pillarId);
    refresh(ctx, versionId);
    return { ok: true, message: "Pillar removed." };
  },
);

export const updateCriterionAction = orgAction(
  { name: "updateCriterion", permission: manage, input: criterionSchema.and(criterion) },
  async ({ ctx, input }) => {
    const { versionId } = await updateCriterion(ctx, input.criterionId, input);
    refresh(ctx, versionId);
    return { ok: true, message: "Criterion saved." };
  },
);

export const addCriterionAction = orgAction(
  { name: "addCriterion", permission: manage, input: addCriterionSchema.and(pillar) },
  async ({ ctx, input }) => {
    const { key, versionId } = await addCriterion(ctx, input.pillarId, input);
    refresh(ctx, versionId);
    return { ok: true, message: `Criterion “${key}” added.` };
  },
);

export const removeCriterionAction = orgAction(
  { name: "removeCriterion", permission: manage, input: criterion },
  async ({ ctx, input }) => {
    const { versionId } = await removeCriterion(ctx, input.criterionId);
    refresh(ctx, versionId);
    return { ok: true, message: "Criterion removed." };
  },
);

export const publishDraftAction = orgAction(
  { name: "publishDraft", permission: manage, input: version },
  async ({ ctx, input }) => {
    await publishDraft(ctx, input.versionId);
    refresh(ctx, input.versionId);
    redirect(frameworksPath(ctx, `/${input.versionId}?toast=version-published`));
  },
);

export const deleteDraftAction = orgAction(
  { name: "deleteDraft", permission: manage, input: version },
  async ({ ctx, input }) => {
    await deleteDraft(ctx, input.versionId);
    refresh(ctx);
    redirect(frameworksPath(ctx, "?toast=draft-deleted"));
  },
);
