"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { orgAction, orgPath } from "@/modules/access";
import { createWorkshopSchema, workshopIdSchema } from "./schemas";
import { closeWorkshop, createWorkshop, openWorkshop } from "./index";

/** Sets up a workshop and opens its page. */
export const createWorkshopAction = orgAction(
  { name: "createWorkshop", permission: "assessment:write", input: createWorkshopSchema },
  async ({ ctx, input }) => {
    const { id } = await createWorkshop(ctx, input);
    redirect(orgPath(ctx.organizationSlug, `/workshops/${id}`));
  },
);

/** Opens the workshop for joining and goes to the presenter view. */
export const openWorkshopAction = orgAction(
  { name: "openWorkshop", permission: "assessment:write", input: workshopIdSchema },
  async ({ ctx, input }) => {
    await openWorkshop(ctx, input.workshopId);
    redirect(orgPath(ctx.organizationSlug, `/workshops/${input.workshopId}/present`));
  },
);

/** Closes the workshop, writes its assessments, and shows the summary. */
export const closeWorkshopAction = orgAction(
  { name: "closeWorkshop", permission: "assessment:write", input: workshopIdSchema },
  async ({ ctx, input }) => {
    await closeWorkshop(ctx, input.workshopId);
    revalidatePath(orgPath(ctx.organizationSlug, "/pilots"), "layout");
    redirect(orgPath(ctx.organizationSlug, `/workshops/${input.workshopId}?toast=workshop-closed`));
  },
);
