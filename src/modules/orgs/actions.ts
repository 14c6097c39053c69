"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { idSchema } from "@/lib/validation";
import { orgAction, orgPath, userAction } from "@/modules/access";
import { clientAddress } from "@/lib/client-address";
import {
  acceptInvitationSchema,
  changeRoleSchema,
  createOrganizationSchema,
  invitationIdSchema,
  inviteMemberSchema,
  renameOrganizationSchema,
} from "./schemas";
import { z } from "zod";
import { acceptInvitation, inviteMember, resendInvitation, revokeInvitation } from "./invitations";
import { changeMemberRole, createOrganization, removeMember, renameOrganization } from "./service";

/** Creates an organisation owned by the signed-in user and opens it. */
export const createOrganizationAction = userAction(
  { name: "createOrganization", input: createOrganizationSchema },
  async ({ user, input }) => {
    const org = await createOrganization(user.id, input);
    redirect(orgPath(org.slug));
  },
);

/**
 * Invites an address: the same answer whether or not it has an account. `sent: false` when the
 * mail could not be sent (the admin is told and can resend); `link` only without SMTP.
 */
export const inviteMemberAction = orgAction(
  { name: "inviteMember", permission: "member:manage", input: inviteMemberSchema },
  async ({ ctx, input }) => {
    const data = await inviteMember(ctx, input, { address: await clientAddress() });
    revalidatePath(orgPath(ctx.organizationSlug, "/settings"));
    return { ok: true, data };
  },
);

/** A new link for a pending invitation; the old one stops working. */
export const resendInvitationAction = orgAction(
  { name: "resendInvitation", permission: "member:manage", input: invitationIdSchema },
  async ({ ctx, input }) => {
    const data = await resendInvitation(ctx, input, { address: await clientAddress() });
    revalidatePath(orgPath(ctx.organizationSlug, "/settings"));
    return { ok: true, data };
  },
);

export const revokeInvitationAction = orgAction(
  { name: "revokeInvitation", permission: "member:manage", input: invitationIdSchema },
  async ({ ctx, input }) => {
    await revokeInvitation(ctx, input);
    revalidatePath(orgPath(ctx.organizationSlug, "/settings"));
    return { ok: true, message: "Invitation withdrawn." };
  },
);

/** Joins the organisation of an invitation link, as the signed-in user (who must be the invited address). */
export const acceptInvitationAction = userAction(
  { name: "acceptInvitation", input: acceptInvitationSchema },
  async ({ user, input }) => ({ ok: true, data: await acceptInvitation(user, input) }),
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
