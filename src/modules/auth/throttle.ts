import "server-only";
import { db } from "@/lib/db";

/**
 * Slows down guessing: after FREE_ATTEMPTS failures for an email within WINDOW, each further
 * attempt must wait twice as long as the one before (capped). Kept in the database so the
 * limit holds across every web server; a successful sign-in clears it.
 */
const WINDOW_MS = 15 * 60_000;
const FREE_ATTEMPTS = 5;
const BASE_DELAY_MS = 15_000;
const MAX_DELAY_MS = 15 * 60_000;

export function requiredDelayMs(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS));
}

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
