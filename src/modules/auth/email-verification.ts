import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { enforceRateLimits } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";
import { emailVerificationMail, sendMail, type MailConfig } from "@/modules/mail";
import { hashToken } from "@/modules/orgs";
import { VERIFY_PER_ADDRESS, VERIFY_PER_LINK } from "./limits";
import { verifyEmailSchema } from "./schemas";

export const VERIFY_LINK_TTL_MS = 24 * 60 * 60_000;

/**
 * Mails the user a link that confirms their address: 256 random bits, only the hash stored,
 * valid 24 hours, single use; an earlier unused link stops working. The mail is sent after the
 * token is committed (never inside the transaction). `sent: false` means the send failed: it is
 * logged, and the caller tells the person (they can send it again from their account page).
 */
export async function issueEmailVerification(
  userId: string,
  options: { mail?: MailConfig } = {},
): Promise<{ sent: boolean }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } });
  if (!user || user.emailVerifiedAt) return { sent: false };
  const token = randomBytes(32).toString("base64url");
  await db.$transaction([
    db.emailVerificationToken.deleteMany({ where: { userId, usedAt: null } }),
    db.emailVerificationToken.create({
      data: { userId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + VERIFY_LINK_TTL_MS) },
    }),
  ]);
  try {
    await sendMail(emailVerificationMail(user.email, appUrl(`/verify-email/${token}`)), options.mail);
    return { sent: true };
  } catch (error) {
    console.error("[preflight] verification mail not sent:", error);
    return { sent: false };
  }
}

export async function describeEmailVerificationToken(token: string): Promise<{ email: string } | null> {
  if (token.length < 20 || token.length > 200) return null;
  const row = await db.emailVerificationToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { email: true } } },
  });
  if (!row || row.usedAt || row.expiresAt < new Date()) return null;
  return { email: row.user.email };
}

const LINK_INVALID = "This link is invalid, has expired or was already used. Send a new one from your account page.";

/** Spends a verification link and marks the address as confirmed. */
export async function verifyEmail(input: unknown, { address = null }: { address?: string | null } = {}) {
  const { token } = parseInput(verifyEmailSchema, input);
  const tokenHash = hashToken(token);
  await enforceRateLimits([
    { policy: VERIFY_PER_LINK, subject: tokenHash },
    { policy: VERIFY_PER_ADDRESS, subject: address },
  ]);
  return db.$transaction(async (tx) => {
    // Checked and spent in one statement: single use under races.
    const spent = await tx.emailVerificationToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (spent.count !== 1) throw new AppError("BAD_REQUEST", LINK_INVALID, { token: [LINK_INVALID] });
    const row = await tx.emailVerificationToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
    const user = await tx.user.update({
      where: { id: row.userId },
      data: { emailVerifiedAt: new Date() },
      select: { email: true },
    });
    return { email: user.email };
  });
}
