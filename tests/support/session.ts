/**
 * Real next-auth session cookies for tests: minted with next-auth's own `encode` and the
 * secret the db test project sets (vitest.config.ts), so the app's real decode path runs.
 */
import { encode } from "next-auth/jwt";
import { createSession } from "@/modules/auth";
import { withRequest } from "./next-headers";

export const SESSION_COOKIE = "next-auth.session-token";

/** The value of a session cookie for `userId`, for a new recorded session (as signing in makes). */
export async function sessionCookieFor(userId: string): Promise<string> {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set for this test project.");
  const sid = await createSession(userId);
  return encode({ token: { sub: userId, sid }, secret });
}

const minted = new Map<string, Promise<string>>();

/** One cookie per user for the whole file: minting is the slow part of a knock. */
function cookieFor(userId: string): Promise<string> {
  let cookie = minted.get(userId);
  if (!cookie) minted.set(userId, (cookie = sessionCookieFor(userId)));
  return cookie;
}

/** Runs `fn` as a request from `userId` (null: signed out), through the real cookie path. */
export async function asUser<T>(userId: string | null, fn: () => Promise<T>): Promise<T> {
  const cookies: Record<string, string> = userId ? { [SESSION_COOKIE]: await cookieFor(userId) } : {};
  return withRequest({ cookies }, fn);
}
