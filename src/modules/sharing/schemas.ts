import { z } from "zod";
import { idSchema, isCleanText } from "@/lib/validation";

import { PASSCODE_MAX, PASSCODE_MIN, SHARE_DEFAULT_DAYS, SHARE_MAX_DAYS } from "./limits";

export { PASSCODE_MAX, PASSCODE_MIN, SHARE_DEFAULT_DAYS, SHARE_MAX_DAYS } from "./limits";

/** A share token: 32 random bytes in base64url (256 bits). Anything else names no link. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const SHARE_KINDS = ["PILOT_REPORT", "DASHBOARD"] as const;

export const createShareLinkSchema = z.object({
  kind: z.enum(SHARE_KINDS, { error: "Choose what to share." }),
  /** The pilot of a pilot report (required for PILOT_REPORT, checked by the service). */
  pilotId: idSchema.optional(),
  /** The dashboard's query string (`unit=Claims&stage=PILOT`): the view the link shows, fixed. */
  filters: z.string().max(4000, "The view is too long to share.").optional(),
  expiresInDays: z.coerce
    .number({ error: "Give the number of days." })
    .int("Give a whole number of days.")
    .min(1, "At least 1 day.")
    .max(SHARE_MAX_DAYS, `At most ${SHARE_MAX_DAYS} days (one year).`)
    .default(SHARE_DEFAULT_DAYS),
  passcode: z
    .string()
    .max(PASSCODE_MAX, `At most ${PASSCODE_MAX} characters.`)
    .refine((v) => v === "" || v.trim().length >= PASSCODE_MIN, `Use at least ${PASSCODE_MIN} characters, or none.`)
    .refine(isCleanText, "Remove the control characters.")
    .optional(),
});
export type CreateShareLinkInput = z.input<typeof createShareLinkSchema>;

export const revokeShareLinkSchema = z.object({ id: idSchema });

export const passcodeSchema = z.object({
  passcode: z.string().min(1, "Enter the passcode.").max(PASSCODE_MAX).refine(isCleanText),
});
