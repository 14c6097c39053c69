import { z } from "zod";
import { emailSchema } from "@/lib/validation";
import { PASSWORD_MIN_LENGTH } from "./password-rules";

export { emailSchema };

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(200, "Use at most 200 characters.");

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(120, "Use at most 120 characters."),
  email: emailSchema,
  password: newPasswordSchema,
  organizationName: z
    .string()
    .trim()
    .min(2, "Enter your organisation's name (at least 2 characters).")
    .max(120, "Use at most 120 characters."),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(200),
});

const passwordsMatch = (v: { password: string; confirmPassword: string }) => v.password === v.confirmPassword;
const mismatch = { path: ["confirmPassword"], message: "The two passwords do not match." };

/** What the person types; the server's schema adds the one-time token. */
export const setPasswordFormSchema = z
  .object({ password: newPasswordSchema, confirmPassword: z.string() })
  .refine(passwordsMatch, mismatch);

export const setPasswordSchema = z
  .object({ token: z.string().min(20).max(200), password: newPasswordSchema, confirmPassword: z.string() })
  .refine(passwordsMatch, mismatch);

/** Changing the password while signed in: the current one proves it is really the account's owner. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(200, "Use at most 200 characters."),
    password: newPasswordSchema,
    confirmPassword: z.string().max(200, "Use at most 200 characters."),
  })
  .refine(passwordsMatch, mismatch);

/** "Sign out everywhere" sends a fixed confirmation, so a stray call with no body does nothing. */
export const signOutEverywhereSchema = z.object({
  confirm: z.literal("everywhere", { error: "Confirm signing out everywhere." }),
});

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const verifyEmailSchema = z.object({ token: z.string().min(20).max(200) });

/** Sending the confirmation mail again carries a fixed word, like sign out everywhere. */
export const resendVerificationSchema = z.object({
  confirm: z.literal("resend", { error: "Confirm sending the mail again." }),
});

/** Creating the account on an invitation's page: the address is the invitation's, not typed. */
export const invitationSignUpFormSchema = z.object({
  name: signUpSchema.shape.name,
  password: newPasswordSchema,
});

export const invitationSignUpSchema = invitationSignUpFormSchema.extend({ token: z.string().min(20).max(200) });
