"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction, orgPath } from "@/modules/access";
import { idSchema } from "@/lib/validation";
import { pilotInputSchema, pilotUpdateSchema } from "./schemas";
import { archivePilot, createPilot, restorePilot, updatePilot } from "./service";

export const createPilotAction = orgAction(
  { name: "createPilot", permission: "pilot:write", input: pilotInputSchema },
  async ({ ctx, input }) => {
    const { id } = await createPilot(ctx, input);
    revalidatePath(orgPath(ctx.organizationSlug, "/pilots"));
    redirect(orgPath(ctx.organizationSlug, `/pilots/${id}?toast=pilot-created`));
  },
);

export const updatePilotAction = orgAction(
  {
    name: "updatePilot",
    permission: "pilot:write",
    // Flat, so field errors name the form's fields: { id, expectedVersion, ...fields }.
    input: pilotInputSchema.and(pilotUpdateSchema).and(z.object({ id: idSchema })),
  },
  async ({ ctx, input }) => {
    await updatePilot(ctx, input.id, input);
    revalidatePath(orgPath(ctx.organizationSlug, "/pilots"));
    redirect(orgPath(ctx.organizationSlug, `/pilots/${input.id}?toast=pilot-saved`));
  },
);

const byId = z.object({ id: idSchema });

export const archivePilotAction = orgAction(
  { name: "archivePilot", permission: "pilot:write", input: byId },
  async ({ ctx, input }) => {
    await archivePilot(ctx, input.id);
    revalidatePath(orgPath(ctx.organizationSlug, "/pilots"));
    return { ok: true, message: "Pilot archived." };
  },
);

export const restorePilotAction = orgAction(
  { name: "restorePilot", permission: "pilot:write", input: byId },
  async ({ ctx, input }) => {
    await restorePilot(ctx, input.id);
    revalidatePath(orgPath(ctx.organizationSlug, "/pilots"));
    return { ok: true, message: "Pilot restored." };
  },
);
