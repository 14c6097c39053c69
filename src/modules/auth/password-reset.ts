import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { enforceRateLimits } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";
import { passwordResetMail, sendMail, type MailConfig } from "@/modules/mail";
import { hashToken } from "@/modules/orgs";
import { RESET_PER_ADDRESS, RESET_PER_EMAIL } from "./limits";
import { forgotPasswordSchema } from "./schemas";

export const RESET_LINK_TTL_MS = 60 * 60_000;

/**
 * "Forgot password?": when the address has an account, mails it a one-time link (256 random
 * bits, stored only as its SHA-256 hash, valid 1 hour) to /set-password/{token}, which sets a new
 * password and ends every session of the account. A new request replaces the user's earlier
 * unused links. The caller's answer never depends on whether the account exists: the mail is
 * sent after the answer, and a failed send is logged (the requester cannot be told without
 * revealing that the account exists). `delivery` lets tests wait for the mail.
 */
export async function requestPasswordReset(
  input: unknown,
  options: { address?: string | null; mail?: MailConfig } = {},
): Promise<{ delivery: Promise<void> }> {
  const { email } = parseInput(forgotPasswordSchema, input);
  await enforceRateLimits([
    { policy: RESET_PER_EMAIL, subject: email },
    { policy: RESET_PER_ADDRESS, subject: options.address ?? null },
  ]);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true } });
  if (!user) return { delivery: Promise.resolve() };

  const token = randomBytes(32).toString("base64url");
  await db.$transaction([
    db.passwordSetToken.deleteMany({ where: { userId: user.id, usedAt: null } }),
    db.passwordSetToken.create({
      data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_LINK_TTL_MS) },
    }),
  ]);
  // After the transaction, never inside it; not awaited by the caller (see above).
  const delivery = sendMail(passwordResetMail(user.email, appUrl(`/set-password/${token}`)), options.mail).then(
    () => undefined,
    (error: unknown) => {
      console.error(`[preflight] password-reset mail not sent:`, error);
      throw error;
    },
  );
  return { delivery };
}
