import "server-only";
import { db } from "@/lib/db";
import { WINDOW_MS, requiredDelayMs } from "./throttle-policy";

// Slows down guessing (policy in throttle-policy.ts). Failures are kept in the database so the
// limit holds across every web server; a successful sign-in clears them.

/** Milliseconds this email must still wait before another attempt is checked (0 = go ahead). */
export async function signInWaitMs(email: string, now = new Date()): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const [count, latest] = await Promise.all([
    db.signInFailure.count({ where: { email, createdAt: { gte: since } } }),
    db.signInFailure.findFirst({
      where: { email, createdAt: { gte: since } },
      orderBy: { createdAt: "desc" },
      select: { createdAt: true },
    }),
  ]);
  if (!latest) return 0;
  const readyAt = latest.createdAt.getTime() + requiredDelayMs(count);
  return Math.max(0, readyAt - now.getTime());
}

export async function recordSignInFailure(email: string): Promise<void> {
  await db.signInFailure.create({ data: { email } });
}

export async function clearSignInFailures(email: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { email } });
}
