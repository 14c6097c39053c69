import { z } from "zod";
import { emailSchema, idSchema } from "@/lib/validation";
import { ROLES, SLUG_PATTERN } from "@/modules/access/shared";

export const organizationNameSchema = z
  .string()
  .trim()
  .min(2, "Enter the organisation's name (at least 2 characters).")
  .max(120, "Use at most 120 characters.");

export const createOrganizationSchema = z.object({ name: organizationNameSchema });

export const organizationSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "Use at least 2 characters.")
  .max(64, "Use at most 64 characters.")
  .regex(SLUG_PATTERN, "Use lower-case letters, digits and hyphens, starting and ending with a letter or digit.");

export const renameOrganizationSchema = z.object({
  name: organizationNameSchema,
  // Optional: renaming alone keeps the organisation's URLs.
  slug: z.union([z.literal(""), organizationSlugSchema]).optional(),
});

export const inviteMemberSchema = z.object({
  email: emailSchema,
  role: z.enum(ROLES, { error: "Choose a role." }),
});
export type InviteMemberInput = z.input<typeof inviteMemberSchema>;

export const invitationIdSchema = z.object({ invitationId: idSchema });

/** The token of an invitation link, as it arrives from the URL. */
export const invitationTokenSchema = z.string().min(20).max(200);

export const acceptInvitationSchema = z.object({ token: invitationTokenSchema });

export const changeRoleSchema = z.object({
  membershipId: z.string().min(1),
  role: z.enum(ROLES, { error: "Choose a role." }),
});

export const removeMemberSchema = z.object({ membershipId: z.string().min(1) });
