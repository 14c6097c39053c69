import "server-only";
import { randomBytes } from "node:crypto";
import type { Role } from "@/generated/prisma/enums";
import { db, type Prisma } from "@/lib/db";
import { appUrl } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { enforceRateLimits } from "@/lib/rate-limit";
import { parseInput } from "@/lib/validation";
import { assertCan, ROLE_DESCRIPTIONS, roleLabel, type Actor } from "@/modules/access/shared";
import { invitationMail, sendMail, type MailConfig } from "@/modules/mail";
import { INVITE_PER_ACCOUNT, INVITE_PER_ADDRESS, INVITE_PER_RECIPIENT } from "./limits";
import { acceptInvitationSchema, invitationIdSchema, invitationTokenSchema, inviteMemberSchema } from "./schemas";
import { hashToken } from "./service";

/**
 * Invitations: the only way into someone else's organisation. The admin names an address and a
 * role; the address gets a link; the person joins only by opening it and accepting while signed
 * in as that address (or by creating the account there, see auth's signUpWithInvitation). So an
 * existing account is never joined without its owner, and an account someone else registered
 * with the address (never confirmed) cannot join either: joining needs the link from the mailbox.
 * The admin's answer is the same whether the address has an account or not.
 * See docs/decisions/0005-invitations.md.
 */

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

/** One answer for every link that cannot be used, so a link says nothing about why. */
export const INVITATION_INVALID =
  "This invitation link is invalid, has expired, was replaced by a newer one, was withdrawn or was already used. Ask the person who invited you for a new one.";

const ALREADY_MEMBER = "This person is already a member.";

export interface InvitationSent {
  invitationId: string;
  email: string;
  /** Whether the mail left (through SMTP, or into the outbox when there is none). */
  sent: boolean;
  /**
   * The link itself, only when no SMTP server is configured (the mail went to the outbox): the
   * admin then hands it over. With SMTP the link exists only in the mail.
   */
  link: string | null;
}

interface SendOptions {
  /** The client's address, for the per-network limit (null when unknown). */
  address?: string | null;
  mail?: MailConfig;
}

/** Only an owner may invite an owner, or manage an owner's invitation. */
function assertMayGrant(actor: Actor, role: Role) {
  if (role === "OWNER" && actor.role !== "OWNER")
    throw new AppError("FORBIDDEN", "Only an owner can invite another owner.");
}

async function countSend(actor: Actor, email: string, address: string | null | undefined) {
  await enforceRateLimits([
    { policy: INVITE_PER_ACCOUNT, subject: actor.userId },
    { policy: INVITE_PER_RECIPIENT, subject: `${actor.organizationId}:${email}` },
    { policy: INVITE_PER_ADDRESS, subject: address ?? null },
  ]);
}

const newToken = () => randomBytes(32).toString("base64url");

/**
 * Mails the invitation (after its transaction committed, never inside it). A failed send is
 * logged and reported to the admin (`sent: false`), who can resend.
 */
async function mailInvitation(
  actor: Actor,
  invitation: { id: string; email: string; role: Role; expiresAt: Date },
  token: string,
  mail: MailConfig | undefined,
): Promise<InvitationSent> {
  const [org, inviter] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { name: true } }),
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, email: true } }),
  ]);
  const link = appUrl(`/invite/${token}`);
  try {
    const { delivered } = await sendMail(
      invitationMail(invitation.email, {
        organizationName: org.name,
        inviterName: inviter.name,
        inviterEmail: inviter.email,
        roleLabel: roleLabel(invitation.role),
        roleDescription: ROLE_DESCRIPTIONS[invitation.role],
        link,
        expiresAt: invitation.expiresAt,
      }),
      mail,
    );
    return {
      invitationId: invitation.id,
      email: invitation.email,
      sent: true,
      link: delivered === "outbox" ? link : null,
    };
  } catch (error) {
    console.error("[preflight] invitation mail not sent:", error);
    return { invitationId: invitation.id, email: invitation.email, sent: false, link: null };
  }
}

/**
 * Invites `email` with `role` to the actor's organisation. Nothing about the address's account
 * is looked at or revealed: the answer is the same whether it has one or not. Inviting an
 * address that already has a pending invitation refreshes it (new role, new link, new expiry;
 * the old link stops working). Refused: a role above the actor's own (403), an address that is
 * already a member (400: admins see the member list anyway, so this reveals nothing).
 */
export async function inviteMember(actor: Actor, input: unknown, options: SendOptions = {}): Promise<InvitationSent> {
  assertCan(actor, "member:manage");
  const { email, role } = parseInput(inviteMemberSchema, input);
  assertMayGrant(actor, role);
  await countSend(actor, email, options.address);

  const member = await db.membership.findFirst({
    where: { organizationId: actor.organizationId, user: { email } },
    select: { id: true },
  });
  if (member) throw new AppError("BAD_REQUEST", ALREADY_MEMBER, { email: [ALREADY_MEMBER] });

  const token = newToken();
  const now = new Date();
  const fresh = {
    role,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    invitedById: actor.userId,
    sentAt: now,
    acceptedAt: null,
    acceptedById: null,
    revokedAt: null,
  };
  // One row per organisation and address: a second invitation (or one after a revoked or
  // accepted one) takes the row over; the unique index decides between two at once.
  const upsert = () =>
    db.invitation.upsert({
      where: { organizationId_email: { organizationId: actor.organizationId, email } },
      create: { organizationId: actor.organizationId, email, createdAt: now, ...fresh },
      update: { createdAt: now, ...fresh },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
  // Two inserts at once: the loser meets the winner's row and updates it on a second try.
  const invitation = await upsert().catch((error: unknown) => {
    if ((error as { code?: string }).code === "P2002") return upsert();
    throw error;
  });
  return mailInvitation(actor, invitation, token, options.mail);
}

/** A pending invitation of the actor's organisation, or 404 (another organisation's id included). */
async function findPending(actor: Actor, invitationId: string) {
  const invitation = await db.invitation.findFirst({
    where: { id: invitationId, organizationId: actor.organizationId, acceptedAt: null, revokedAt: null },
    select: { id: true, email: true, role: true, tokenHash: true },
  });
  if (!invitation) throw notFound("Invitation not found.");
  return invitation;
}

/** A new link for a pending invitation (expired ones too): the old link stops working, the week starts again. */
export async function resendInvitation(
  actor: Actor,
  input: unknown,
  options: SendOptions = {},
): Promise<InvitationSent> {
  assertCan(actor, "member:manage");
  const { invitationId } = parseInput(invitationIdSchema, input);
  const pending = await findPending(actor, invitationId);
  assertMayGrant(actor, pending.role);
  await countSend(actor, pending.email, options.address);

  const token = newToken();
  const now = new Date();
  // Only the row as it was read: a link accepted, revoked or resent meanwhile is not revived.
  const changed = await db.invitation.updateMany({
    where: {
      id: pending.id,
      organizationId: actor.organizationId,
      tokenHash: pending.tokenHash,
      acceptedAt: null,
      revokedAt: null,
    },
    data: {
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      sentAt: now,
      invitedById: actor.userId,
    },
  });
  if (changed.count !== 1) throw notFound("Invitation not found.");
  const invitation = await db.invitation.findUniqueOrThrow({
    where: { id: pending.id },
    select: { id: true, email: true, role: true, expiresAt: true },
  });
  return mailInvitation(actor, invitation, token, options.mail);
}

/** Withdraws a pending invitation: its link stops working at once. */
export async function revokeInvitation(actor: Actor, input: unknown): Promise<void> {
  assertCan(actor, "member:manage");
  const { invitationId } = parseInput(invitationIdSchema, input);
  const pending = await findPending(actor, invitationId);
  assertMayGrant(actor, pending.role);
  const changed = await db.invitation.updateMany({
    where: { id: pending.id, organizationId: actor.organizationId, acceptedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (changed.count !== 1) throw notFound("Invitation not found.");
}

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  sentAt: Date;
  expiresAt: Date;
  expired: boolean;
}

/** The organisation's invitations nobody has accepted or withdrawn, expired ones included (they can be resent). */
export async function listPendingInvitations(actor: Actor, now = new Date()): Promise<PendingInvitation[]> {
  assertCan(actor, "member:manage");
  const rows = await db.invitation.findMany({
    where: { organizationId: actor.organizationId, acceptedAt: null, revokedAt: null },
    select: {
      id: true,
      email: true,
      role: true,
      sentAt: true,
      expiresAt: true,
      invitedBy: { select: { name: true } },
    },
    orderBy: [{ sentAt: "desc" }, { email: "asc" }],
  });
  return rows.map(({ invitedBy, ...row }) => ({
    ...row,
    invitedBy: invitedBy?.name ?? null,
    expired: row.expiresAt <= now,
  }));
}

/** Whether the invited address has an account, and whether its owner ever confirmed it. */
export type InvitedAccount = "none" | "unconfirmed" | "confirmed";

export interface InvitationView {
  email: string;
  role: Role;
  organizationName: string;
  organizationSlug: string;
  inviterName: string | null;
  expiresAt: Date;
  /** Shown only to whoever holds the link, i.e. reads the invited mailbox. */
  account: InvitedAccount;
}

const usable = (now: Date) => ({ acceptedAt: null, revokedAt: null, expiresAt: { gt: now } });

/** What the invitation page shows for a link; null for every link that cannot be used. */
export async function describeInvitation(token: string, now = new Date()): Promise<InvitationView | null> {
  if (!invitationTokenSchema.safeParse(token).success) return null;
  const row = await db.invitation.findFirst({
    where: { tokenHash: hashToken(token), ...usable(now) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      organization: { select: { name: true, slug: true } },
      invitedBy: { select: { name: true } },
    },
  });
  if (!row) return null;
  const user = await db.user.findUnique({ where: { email: row.email }, select: { emailVerifiedAt: true } });
  return {
    email: row.email,
    role: row.role,
    organizationName: row.organization.name,
    organizationSlug: row.organization.slug,
    inviterName: row.invitedBy?.name ?? null,
    expiresAt: row.expiresAt,
    account: !user ? "none" : user.emailVerifiedAt ? "confirmed" : "unconfirmed",
  };
}

/** The usable invitation of a link (for the account's email), inside the caller's transaction. */
export async function findUsableInvitation(tx: Prisma.TransactionClient, token: string, now = new Date()) {
  const row = await tx.invitation.findFirst({
    where: { tokenHash: hashToken(token), ...usable(now) },
    select: { id: true, email: true },
  });
  if (!row) throw new AppError("BAD_REQUEST", INVITATION_INVALID, { token: [INVITATION_INVALID] });
  return row;
}

/**
 * Spends the link and makes `user` a member with the invited role, in the caller's transaction
 * (auth's signUpWithInvitation creates the account in the same one). The link must be usable and
 * the account's email the invited one. The check and the spending are one UPDATE, so of two
 * accepts at once exactly one succeeds; the membership's unique index keeps a second row out in
 * any case, and a person who is already a member keeps the role they have. Opening the mailed
 * link proves the address, so it counts as confirmed from now on.
 */
export async function acceptInvitationIn(
  tx: Prisma.TransactionClient,
  user: { id: string; email: string },
  token: string,
  now = new Date(),
): Promise<{ organizationSlug: string; organizationName: string }> {
  const tokenHash = hashToken(token);
  const invitation = await tx.invitation.findFirst({
    where: { tokenHash, ...usable(now) },
    select: { id: true, email: true, role: true, organizationId: true },
  });
  if (!invitation) throw new AppError("BAD_REQUEST", INVITATION_INVALID, { token: [INVITATION_INVALID] });
  if (invitation.email !== user.email.toLowerCase())
    throw new AppError(
      "FORBIDDEN",
      `This invitation is for ${invitation.email}. Sign out and sign in as that address (or create its account) to accept it.`,
    );
  const spent = await tx.invitation.updateMany({
    where: { id: invitation.id, tokenHash, ...usable(now) },
    data: { acceptedAt: now, acceptedById: user.id },
  });
  if (spent.count !== 1) throw new AppError("BAD_REQUEST", INVITATION_INVALID, { token: [INVITATION_INVALID] });
  await tx.membership.createMany({
    data: [{ organizationId: invitation.organizationId, userId: user.id, role: invitation.role }],
    skipDuplicates: true,
  });
  await tx.user.updateMany({ where: { id: user.id, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
  return tx.organization
    .findUniqueOrThrow({
      where: { id: invitation.organizationId },
      select: { slug: true, name: true },
    })
    .then((o) => ({ organizationSlug: o.slug, organizationName: o.name }));
}

/** Accepts an invitation as the signed-in user (who must be signed in as the invited address). */
export async function acceptInvitation(
  user: { id: string; email: string },
  input: unknown,
): Promise<{ organizationSlug: string; organizationName: string }> {
  const { token } = parseInput(acceptInvitationSchema, input);
  return db.$transaction((tx) => acceptInvitationIn(tx, user, token));
}
