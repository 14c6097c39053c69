import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getSessionUser } from "@/modules/access";
import { hashToken } from "@/modules/orgs";
import { asUser, SESSION_COOKIE } from "../../../tests/support/session";
import { withRequest } from "../../../tests/support/next-headers";
import { encode } from "next-auth/jwt";
import { changePassword, setPasswordWithToken, signUp } from "./accounts";
import { changePasswordAction, signOutEverywhereAction } from "./actions";
import { authOptions } from "./auth-options";
import { authenticate } from "./credentials";
import { createSession, endSession } from "./sessions";

const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "a brand new passphrase";

async function account() {
  const email = `s-${randomBytes(4).toString("hex")}@example.com`;
  const { userId } = await signUp({ name: "Grace", email, password: PASSWORD, organizationName: "Compilers" });
  return { userId, email };
}

/** A cookie for a session that already exists (as the browser holds after signing in). */
async function cookieFor(userId: string, sid: string) {
  return encode({ token: { sub: userId, sid }, secret: process.env.NEXTAUTH_SECRET! });
}

async function whoIs(cookie: string) {
  const user = await withRequest({ cookies: { [SESSION_COOKIE]: cookie } }, getSessionUser);
  return user?.id ?? null;
}

describe("sessions", () => {
  it("signing in through next-auth records a session whose id the cookie carries", async () => {
    const { userId } = await account();
    const token = await authOptions.callbacks!.jwt!({
      token: {},
      user: { id: userId, email: "x", name: "x" },
      account: null,
      trigger: "signIn",
    } as never);
    expect(typeof token.sid).toBe("string");
    const row = await db.session.findUniqueOrThrow({ where: { id: token.sid as string } });
    expect(row.userId).toBe(userId);
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
    expect(await whoIs(await cookieFor(userId, row.id))).toBe(userId);
  });

  it("signing out deletes the session: the same cookie is nobody at once", async () => {
    const { userId } = await account();
    const sid = await createSession(userId);
    const cookie = await cookieFor(userId, sid);
    expect(await whoIs(cookie)).toBe(userId);
    await authOptions.events!.signOut!({ token: { sub: userId, sid }, session: null as never });
    expect(await db.session.count({ where: { id: sid } })).toBe(0);
    expect(await whoIs(cookie)).toBeNull();
  });

  it("a cookie without a session id, with an unknown one, with someone else's, or an expired one is nobody", async () => {
    const a = await account();
    const b = await account();
    const secret = process.env.NEXTAUTH_SECRET!;
    expect(await whoIs(await encode({ token: { sub: a.userId }, secret }))).toBeNull();
    expect(await whoIs(await cookieFor(a.userId, "no-such-session"))).toBeNull();
    const bSession = await createSession(b.userId);
    expect(await whoIs(await cookieFor(a.userId, bSession))).toBeNull();
    const old = await createSession(a.userId, new Date(Date.now() - 8 * 24 * 3600_000));
    expect(await whoIs(await cookieFor(a.userId, old))).toBeNull();
  });

  it("a new sign-in removes the user's expired session rows", async () => {
    const { userId } = await account();
    await createSession(userId, new Date(Date.now() - 8 * 24 * 3600_000));
    await createSession(userId);
    const rows = await db.session.findMany({ where: { userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("sign out everywhere ends every session of the user and no one else's", async () => {
    const a = await account();
    const b = await account();
    const [laptop, phone] = [await createSession(a.userId), await createSession(a.userId)];
    const bSession = await createSession(b.userId);
    const result = await withRequest({ cookies: { [SESSION_COOKIE]: await cookieFor(a.userId, laptop) } }, () =>
      signOutEverywhereAction({ confirm: "everywhere" }),
    );
    expect(result).toEqual({ ok: true, data: { endedSessions: 2 } });
    expect(await whoIs(await cookieFor(a.userId, laptop))).toBeNull();
    expect(await whoIs(await cookieFor(a.userId, phone))).toBeNull();
    expect(await whoIs(await cookieFor(b.userId, bSession))).toBe(b.userId);
  });

  it("sign out everywhere without its confirmation changes nothing", async () => {
    const a = await account();
    await createSession(a.userId);
    const before = await db.session.count({ where: { userId: a.userId } });
    const result = await asUser(a.userId, () => signOutEverywhereAction({}));
    expect(result).toMatchObject({ ok: false, code: "BAD_REQUEST", fieldErrors: { confirm: [expect.any(String)] } });
    expect(await db.session.count({ where: { userId: a.userId } })).toBe(before + 1); // + the one asUser signed in
  });

  it("changing the password keeps this session and ends the others", async () => {
    const { userId, email } = await account();
    const here = await createSession(userId);
    const elsewhere = await createSession(userId);
    const result = await withRequest({ cookies: { [SESSION_COOKIE]: await cookieFor(userId, here) } }, () =>
      changePasswordAction({ currentPassword: PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    );
    expect(result).toEqual({ ok: true, data: { endedSessions: 1 } });
    expect(await whoIs(await cookieFor(userId, here))).toBe(userId);
    expect(await whoIs(await cookieFor(userId, elsewhere))).toBeNull();
    await expect(authenticate({ email, password: NEW_PASSWORD })).resolves.toMatchObject({ email });
    await expect(authenticate({ email, password: PASSWORD })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("a wrong current password is a field error and changes nothing", async () => {
    const { userId, email } = await account();
    const here = await createSession(userId);
    const elsewhere = await createSession(userId);
    await expect(
      changePassword(
        { userId, sessionId: here },
        { currentPassword: "not my password", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      ),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", fieldErrors: { currentPassword: [expect.any(String)] } });
    expect(await whoIs(await cookieFor(userId, elsewhere))).toBe(userId);
    await expect(authenticate({ email, password: PASSWORD })).resolves.toMatchObject({ email });
  });

  it("setting a password through a one-time link ends every session of the account", async () => {
    const { userId } = await account();
    const sid = await createSession(userId);
    const token = randomBytes(32).toString("base64url");
    await db.passwordSetToken.create({
      data: { userId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 3600_000) },
    });
    await setPasswordWithToken({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(await whoIs(await cookieFor(userId, sid))).toBeNull();
    await endSession(sid); // already gone: ending it again is harmless
  });
});
