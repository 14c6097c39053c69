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
  const known = decoded.get(token);
  if (known && known.expiresAt > Date.now()) return known.claims;
  try {
    const payload = await decode({ token, secret: env.NEXTAUTH_SECRET });
    const userId = payload?.sub;
    const sessionId = payload?.sid;
    const claims = typeof userId === "string" && typeof sessionId === "string" ? { userId, sessionId } : null;
    if (claims && typeof payload?.exp === "number") remember(token, claims, payload.exp * 1000);
    return claims;
  } catch {
    return null; // tampered, expired or signed with another secret: simply not signed in
  }
}

/**
 * Decoded cookies, by their exact text, until the token's own expiry. Decoding derives the key
 * (HKDF) and decrypts the JWE on every request, about a millisecond of CPU per page; a token's
 * claims never change, so they are kept. This caches only what the token says: whether its
 * session is still live is checked against the `Session` row on every request all the same,
 * so signing out still ends it at once. Bounded: the oldest entries go first.
 */
const decoded = new Map<string, { claims: SessionClaims; expiresAt: number }>();
const DECODED_MAX = 5000;

function remember(token: string, claims: SessionClaims, expiresAt: number) {
  if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
  decoded.set(token, { claims, expiresAt });
}
