import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { verifyAgainstNothing, verifyPassword } from "./password";
import { signInSchema } from "./schemas";
import { clearSignInFailures, recordSignInFailure, signInWaitMs } from "./throttle";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
}

/** Checks an email and password; throws AppError with a message fit to show. */
export async function authenticate(input: unknown): Promise<AuthenticatedUser> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "Enter your email address and password.");
  const { email, password } = parsed.data;

  const waitMs = await signInWaitMs(email);
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new AppError("TOO_MANY_REQUESTS", `Too many failed attempts. Try again in ${seconds} seconds.`);
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const ok = user?.passwordHash
    ? await verifyPassword(password, user.passwordHash)
    : await verifyAgainstNothing(password);
  if (!user || !ok) {
    await recordSignInFailure(email);
    throw new AppError("UNAUTHENTICATED", "That email and password do not match an account.");
  }
  await clearSignInFailures(email);
  return { id: user.id, email: user.email, name: user.name };
}
