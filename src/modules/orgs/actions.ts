"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { idSchema } from "@/lib/validation";
import { orgAction, orgPath, userAction } from "@/modules/access";
import { addMemberSchema, changeRoleSchema, createOrganizationSchema, renameOrganizationSchema } from "./schemas";
import { z } from "zod";
import { addMember, changeMemberRole, createOrganization, removeMember, renameOrganization } from "./service";

/** Creates an organisation owned by the signed-in user and opens it. */
export const createOrganizationAction = userAction(
  { name: "createOrganization", input: createOrganizationSchema },
  async ({ user, input }) => {
    const org = await createOrganization(user.id, input);
    redirect(orgPath(org.slug));
  },
);

export const addMemberAction = orgAction(
  { name: "addMember", permission: "member:manage", input: addMemberSchema },
  async ({ ctx, input }) => {
    const data = await addMember(ctx, input);
    revalidatePath(orgPath(ctx.organizationSlug, "/settings"));
    return { ok: true, data };
  },
);

export const changeMemberRoleAction = orgAction(
  { name: "changeMemberRole", permission: "member:manage", input: changeRoleSchema },
  async ({ ctx, input }) => {
    await changeMemberRole(ctx, input);
    revalidatePath(orgPath(ctx.organizationSlug, "/settings"));
    return { ok: true, message: "Role updated." };
  },
);

export const removeMemberAction = orgAction(
  { name: "removeMember", permission: "member:manage", input: z.object({ membershipId: idSchema }) },
  async ({ ctx, input }) => {
    await removeMember(ctx, input);
    revalidatePath(orgPath(ctx.organizationSlug, "/settings"));
    return { ok: true, message: "Member removed." };
  },
);

/** Renames the organisation; a new slug moves its URLs, so the page follows it. */
export const renameOrganizationAction = orgAction(
  { name: "renameOrganization", permission: "org:manage", input: renameOrganizationSchema },
  async ({ ctx, input }) => {
    const { slug } = await renameOrganization(ctx, input);
    revalidatePath("/", "layout");
    if (slug !== ctx.organizationSlug) redirect(orgPath(slug, "/settings"));
    return { ok: true, message: "Organisation saved." };
  },
);
