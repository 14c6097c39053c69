import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { env } from "@/lib/env";

/** next-auth's session cookie: the `__Secure-` name is used when the app is served over https. */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/**
 * The signed-in user's id from the session cookie, or null. The cookie is a JWT that
 * next-auth signed and encrypted with NEXTAUTH_SECRET; decoding also checks its expiry.
 * Reading it here (rather than through getServerSession) keeps every entry point on one
 * code path that needs nothing but the request's cookies.
 */
export async function readSessionUserId(): Promise<string | null> {
  const jar = await cookies();
  const token = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!token || !env.NEXTAUTH_SECRET) return null;
  try {
    const payload = await decode({ token, secret: env.NEXTAUTH_SECRET });
    return typeof payload?.sub === "string" ? payload.sub : null;
  } catch {
    return null; // tampered, expired or signed with another secret: simply not signed in
  }
}
