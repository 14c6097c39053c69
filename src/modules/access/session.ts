import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";

/** next-auth's session cookie: the `__Secure-` name is used when the app is served over https. */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

export interface SessionClaims {
  userId: string;
  /** The `Session` row this cookie belongs to: the cookie is only good while the row exists. */
  sessionId: string;
}

/**
 * The user id and session id from the session cookie, or null. The cookie is a JWT that
 * next-auth signed and encrypted with NEXTAUTH_SECRET; decoding also checks its expiry.
 * Whether the session is still live is checked by getSessionUser against the `Session` row,
 * in the same query that loads the user. A cookie without a session id (issued before
 * sessions were recorded) is nobody.
 */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!token || !env.NEXTAUTH_SECRET) return null;
  try {
    const payload = await decode({ token, secret: env.NEXTAUTH_SECRET });
    const userId = payload?.sub;
    const sessionId = payload?.sid;
    return typeof userId === "string" && typeof sessionId === "string" ? { userId, sessionId } : null;
  } catch {
    return null; // tampered, expired or signed with another secret: simply not signed in
  }
}
