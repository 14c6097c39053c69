import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";

/** How long a sign-in lasts; next-auth's cookie lives as long (auth-options.ts). */
export const SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;

/**
 * Records a new signed-in session and returns its id, which goes into the session cookie as
 * `sid`. The user's expired rows are removed on the way, so the table holds live sessions only.
 */
export async function createSession(userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.$transaction([
    db.session.deleteMany({ where: { userId, expiresAt: { lte: now } } }),
    db.session.create({ data: { id, userId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) } }),
  ]);
  return id;
}

/** Ends one session: its cookie stops working on the next request, on every server. */
export async function endSession(sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of the user except `keep` (the one asking, after a password change). */
export async function endUserSessions(userId: string, options: { keep?: string } = {}): Promise<number> {
  const { count } = await db.session.deleteMany({
    where: { userId, ...(options.keep ? { id: { not: options.keep } } : {}) },
  });
  return count;
}
