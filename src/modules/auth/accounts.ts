import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { acceptInvitationIn, createOrganization, findUsableInvitation, hashToken } from "@/modules/orgs";
import { enforceRateLimits } from "@/lib/rate-limit";
import {
  CHANGE_PASSWORD_PER_ACCOUNT,
  INVITATION_SIGN_UP_PER_LINK,
  SET_PASSWORD_PER_ADDRESS,
  SET_PASSWORD_PER_LINK,
  SIGN_UP_PER_ADDRESS,
  SIGN_UP_PER_EMAIL,
} from "./limits";
import { hashPassword, verifyPassword } from "./password";
import { endUserSessions } from "./sessions";
import { changePasswordSchema, invitationSignUpSchema, setPasswordSchema, signUpSchema } from "./schemas";

const EMAIL_TAKEN = "An account with this email already exists. Sign in instead.";

/** Creates the user and their organisation, with the user as its owner. */
export async function signUp(
  input: unknown,
  { address = null }: { address?: string | null } = {},
): Promise<{ userId: string; organizationId: string; organizationSlug: string }> {
  const { name, email, password, organizationName } = parseInput(signUpSchema, input);
  // Limits and the cheap checks first: bcrypt is the expensive part and runs last.
  await enforceRateLimits([
    { policy: SIGN_UP_PER_EMAIL, subject: email },
    { policy: SIGN_UP_PER_ADDRESS, subject: address },
  ]);
  if (await db.user.findUnique({ where: { email }, select: { id: true } }))
    throw new AppError("BAD_REQUEST", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.user.findUnique({ where: { email }, select: { id: true } });
      if (existing) throw new AppError("BAD_REQUEST", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
      const user = await tx.user.create({ data: { name, email, passwordHash }, select: { id: true } });
      const org = await createOrganization(user.id, { name: organizationName }, tx);
      return { userId: user.id, organizationId: org.id, organizationSlug: org.slug };
    });
  } catch (error) {
    // Two sign-ups racing for one email: the unique index decides, the loser gets the same answer.
    if ((error as { code?: string }).code === "P2002")
      throw new AppError("BAD_REQUEST", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
    throw error;
  }
}

const SIGN_IN_TO_ACCEPT =
  "An account with this address already exists. Sign in with it to accept the invitation (or use Forgot password).";

/**
 * Creates the account on an invitation's page and joins the organisation, in one transaction.
 * The address is the invitation's: whoever opened the mailed link reads that mailbox, so the
 * account starts confirmed. An account someone registered with the address but never confirmed
 * is taken over (new name and password, every session of it ended), since its creator could not
 * prove the address and the person here just did; a confirmed account must sign in instead.
 */
export async function signUpWithInvitation(
  input: unknown,
  { address = null }: { address?: string | null } = {},
): Promise<{ email: string; organizationSlug: string; organizationName: string; tookOver: boolean }> {
  const { token, name, password } = parseInput(invitationSignUpSchema, input);
  await enforceRateLimits([
    { policy: INVITATION_SIGN_UP_PER_LINK, subject: hashToken(token) },
    { policy: SIGN_UP_PER_ADDRESS, subject: address },
  ]);
  // The cheap checks first: bcrypt is the expensive part.
  const { email } = await findUsableInvitation(db, token);
  const existing = await db.user.findUnique({ where: { email }, select: { emailVerifiedAt: true } });
  if (existing?.emailVerifiedAt) throw new AppError("BAD_REQUEST", SIGN_IN_TO_ACCEPT);
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const invitation = await findUsableInvitation(tx, token);
      const now = new Date();
      const current = await tx.user.findUnique({
        where: { email: invitation.email },
        select: { id: true, emailVerifiedAt: true },
      });
      if (current?.emailVerifiedAt) throw new AppError("BAD_REQUEST", SIGN_IN_TO_ACCEPT);
      let userId: string;
      if (current) {
        userId = current.id;
        await tx.user.update({ where: { id: userId }, data: { name, passwordHash, emailVerifiedAt: now } });
        // Whoever registered the address is out: their sessions and pending links end here.
        await tx.session.deleteMany({ where: { userId } });
        await tx.passwordSetToken.deleteMany({ where: { userId, usedAt: null } });
        await tx.emailVerificationToken.deleteMany({ where: { userId, usedAt: null } });
      } else {
        userId = (
          await tx.user.create({
            data: { name, email: invitation.email, passwordHash, emailVerifiedAt: now },
            select: { id: true },
          })
        ).id;
      }
      const joined = await acceptInvitationIn(tx, { id: userId, email: invitation.email }, token, now);
      return { email: invitation.email, ...joined, tookOver: Boolean(current) };
    });
  } catch (error) {
    // Two accounts created through one link at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw new AppError("BAD_REQUEST", SIGN_IN_TO_ACCEPT);
    throw error;
  }
}

const LINK_INVALID = "This link is invalid, has expired or was already used. Ask for a new one with Forgot password.";

export async function describeSetPasswordToken(token: string): Promise<{ email: string; name: string } | null> {
  const row = await db.passwordSetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { email: true, name: true } } },
  });
  if (!row || row.usedAt || row.expiresAt < new Date()) return null;
  return row.user;
}

/** Spends a one-time token to set the account's password; returns the email to sign in with. */
export async function setPasswordWithToken(
  input: unknown,
  { address = null }: { address?: string | null } = {},
): Promise<{ email: string }> {
  const { token, password } = parseInput(setPasswordSchema, input);
  await enforceRateLimits([
    { policy: SET_PASSWORD_PER_LINK, subject: hashToken(token) },
    { policy: SET_PASSWORD_PER_ADDRESS, subject: address },
  ]);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    // Marking it used in the same statement that checks it makes the token single-use under races.
    const spent = await tx.passwordSetToken.updateMany({
      where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (spent.count !== 1) throw new AppError("BAD_REQUEST", LINK_INVALID, { token: [LINK_INVALID] });
    const row = await tx.passwordSetToken.findUniqueOrThrow({
      where: { tokenHash: hashToken(token) },
      select: { userId: true },
    });
    const user = await tx.user.update({ where: { id: row.userId }, data: { passwordHash }, select: { email: true } });
    // A new password ends every session the account had: whoever held the old one is out.
    await tx.session.deleteMany({ where: { userId: row.userId } });
    return { email: user.email };
  });
}

const NOT_CURRENT = "That is not your current password.";

/**
 * Changes the signed-in user's password after checking the current one, and ends every other
 * session of the account (the one asking stays signed in).
 */
export async function changePassword(
  actor: { userId: string; sessionId: string },
  input: unknown,
): Promise<{ endedSessions: number }> {
  const { currentPassword, password } = parseInput(changePasswordSchema, input);
  await enforceRateLimits([{ policy: CHANGE_PASSWORD_PER_ACCOUNT, subject: actor.userId }]);
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!user?.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash)))
    throw new AppError("BAD_REQUEST", NOT_CURRENT, { currentPassword: [NOT_CURRENT] });
  const passwordHash = await hashPassword(password);
  const [, ended] = await db.$transaction([
    db.user.update({ where: { id: actor.userId }, data: { passwordHash }, select: { id: true } }),
    db.session.deleteMany({ where: { userId: actor.userId, id: { not: actor.sessionId } } }),
  ]);
  return { endedSessions: ended.count };
}

/** Ends every session of the user, this one included. */
export async function signOutEverywhere(userId: string): Promise<{ endedSessions: number }> {
  return { endedSessions: await endUserSessions(userId) };
}
