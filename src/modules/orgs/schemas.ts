import { z } from "zod";
import { emailSchema } from "@/modules/auth/schemas";
import { ROLES } from "./roles";

export const organizationNameSchema = z
  .string()
  .trim()
  .min(2, "Enter the organisation's name (at least 2 characters).")
  .max(120, "Use at most 120 characters.");

export const createOrganizationSchema = z.object({ name: organizationNameSchema });

export const addMemberSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(120, "Use at most 120 characters.").optional().default(""),
  role: z.enum(ROLES, { error: "Choose a role." }),
});
export type AddMemberInput = z.input<typeof addMemberSchema>;

export const changeRoleSchema = z.object({
  membershipId: z.string().min(1),
  role: z.enum(ROLES, { error: "Choose a role." }),
});

export const removeMemberSchema = z.object({ membershipId: z.string().min(1) });
