import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deleteExpiredRateLimits, enforceRateLimits, resetRateLimit } from "@/lib/rate-limit";
import { SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ADDRESS } from "./limits";
import { verifyAgainstNothing, verifyPassword } from "./password";
import { signInSchema } from "./schemas";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
}

/**
 * Checks an email and password; throws AppError with a message fit to show. Every attempt is
 * counted *before* the password is checked, in one atomic statement per limit, so parallel
 * guesses cannot slip past the limit: at most SIGN_IN_PER_ACCOUNT.limit passwords are ever
 * checked per account and window. `address` is the client's, when known (client-address.ts).
 */
export async function authenticate(
  input: unknown,
  { address = null }: { address?: string | null } = {},
): Promise<AuthenticatedUser> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "Enter your email address and password.");
  const { email, password } = parsed.data;

  await enforceRateLimits([
    { policy: SIGN_IN_PER_ACCOUNT, subject: email },
    { policy: SIGN_IN_PER_ADDRESS, subject: address },
  ]);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const ok = user?.passwordHash
    ? await verifyPassword(password, user.passwordHash)
    : await verifyAgainstNothing(password);
  if (!user || !ok) throw new AppError("UNAUTHENTICATED", "That email and password do not match an account.");
  await Promise.all([resetRateLimit(SIGN_IN_PER_ACCOUNT, email), cleanUpExpired()]);
  return { id: user.id, email: user.email, name: user.name };
}

/** Opportunistic housekeeping on each successful sign-in: counters and links past their time. */
async function cleanUpExpired(): Promise<void> {
  const now = new Date();
  await Promise.all([
    deleteExpiredRateLimits(),
    db.passwordSetToken.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { usedAt: { not: null } }] } }),
    db.session.deleteMany({ where: { expiresAt: { lte: now } } }),
  ]);
}
