import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/modules/access/shared";
import { authenticate, createSession, signUpWithInvitation } from "@/modules/auth";
import { createAccount, createMember } from "@/modules/demo";
import { readOutbox } from "@/modules/mail";
import {
  linkIn,
  startSmtpServer,
  withTestSmtp,
  type TestMailSettings,
  type TestSmtpServer,
} from "../../../tests/support/smtp";
import {
  acceptInvitation,
  describeInvitation,
  INVITATION_INVALID,
  INVITATION_TTL_MS,
  inviteMember,
  listPendingInvitations,
  resendInvitation,
  revokeInvitation,
} from "./invitations";
import { INVITE_PER_ACCOUNT, INVITE_PER_RECIPIENT } from "./limits";
import { hashToken } from "./service";

let smtp: TestSmtpServer;
let mail: TestMailSettings;
withTestSmtp((server, settings) => {
  smtp = server;
  mail = settings;
});

let counter = 0;
const address = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${counter++}@example.com`;
const tokenOf = (link: string) => new URL(link).pathname.replace("/invite/", "");
const PASSWORD = "a sturdy passphrase 2026";

/** Invites through the real SMTP server and returns the token from the mail that arrived. */
async function invite(actor: Actor, email: string, role: "OWNER" | "ADMIN" | "EDITOR" | "VIEWER" = "EDITOR") {
  const before = smtp.mails.length;
  const result = await inviteMember(actor, { email, role }, { mail });
  const received = await smtp.waitForMail(email, { after: before });
  return { result, received, token: tokenOf(linkIn(received, "/invite/")) };
}

async function resend(actor: Actor, invitationId: string, email: string) {
  const before = smtp.mails.length;
  const result = await resendInvitation(actor, { invitationId }, { mail });
  const received = await smtp.waitForMail(email, { after: before });
  return { result, token: tokenOf(linkIn(received, "/invite/")) };
}

const membershipsIn = (organizationId: string, email: string) =>
  db.membership.count({ where: { organizationId, user: { email } } });

async function refusedAsInvalid(user: { id: string; email: string }, token: string) {
  await expect(acceptInvitation(user, { token })).rejects.toMatchObject({
    code: "BAD_REQUEST",
    fieldErrors: { token: [INVITATION_INVALID] },
  });
  expect(await describeInvitation(token)).toBeNull();
}

describe("inviting", () => {
  it("makes a pending invitation and mails a link (≥128 bits, stored hashed, 7 days); nobody joins yet", async () => {
    const owner = await createAccount({ name: "Olivia Owner", organizationName: "Invite Test Co" });
    const existing = await createAccount();
    const { result, received, token } = await invite(owner, existing.email, "EDITOR");

    expect(result).toEqual({ invitationId: expect.any(String), email: existing.email, sent: true, link: null });
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: result.invitationId } });
    expect(row).toMatchObject({
      organizationId: owner.organizationId,
      email: existing.email,
      role: "EDITOR",
      tokenHash: hashToken(token),
      invitedById: owner.userId,
      acceptedAt: null,
      revokedAt: null,
    });
    const ttl = row.expiresAt.getTime() - Date.now();
    expect(ttl).toBeGreaterThan(INVITATION_TTL_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(INVITATION_TTL_MS);

    // The mail: text and HTML, who invited them to what, with which role, until when.
    expect(received.subject).toBe("Olivia Owner invited you to Invite Test Co on Preflight");
    expect(received.raw).toMatch(/Content-Type: text\/plain/i);
    expect(received.raw).toMatch(/Content-Type: text\/html/i);
    const body = received.body.replace(/\s+/g, " ");
    expect(body).toContain(`Olivia Owner (${owner.email}) invited you to join Invite Test Co on Preflight`);
    expect(body).toContain("the role Editor (registers and assesses pilots)");
    expect(body).toMatch(/expires on \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC/);

    // An invitation is not a membership: the existing account is not in the organisation.
    expect(await membershipsIn(owner.organizationId, existing.email)).toBe(0);
    expect((await listPendingInvitations(owner)).map((i) => [i.email, i.role, i.invitedBy, i.expired])).toEqual([
      [existing.email, "EDITOR", "Olivia Owner", false],
    ]);
  });

  it("answers the same whether the address has a confirmed account, an unconfirmed one or none, and creates no account", async () => {
    const owner = await createAccount();
    const confirmed = await createAccount();
    const unconfirmed = await createAccount({ verified: false });
    const nobody = address("nobody");
    const answers = [];
    for (const email of [confirmed.email, unconfirmed.email, nobody]) {
      const { result, received } = await invite(owner, email, "VIEWER");
      answers.push({ ...result, invitationId: "x", email: "x" });
      expect(received.subject).toMatch(/invited you to/);
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    expect(await db.user.count({ where: { email: nobody } })).toBe(0);
    for (const email of [confirmed.email, unconfirmed.email])
      expect(await membershipsIn(owner.organizationId, email)).toBe(0);
  });

  it("refuses an address that is already a member, on the email field", async () => {
    const owner = await createAccount();
    const member = await createMember(owner, "EDITOR");
    await expect(
      inviteMember(owner, { email: member.email.toUpperCase(), role: "VIEWER" }, { mail }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { email: ["This person is already a member."] },
    });
    expect(await db.invitation.count({ where: { organizationId: owner.organizationId } })).toBe(0);
  });

  it("refuses bad input with field errors and saves nothing", async () => {
    const owner = await createAccount();
    await expect(inviteMember(owner, { email: "not an address", role: "CAPTAIN" }, { mail })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { email: [expect.any(String)], role: [expect.any(String)] },
    });
    expect(await db.invitation.count({ where: { organizationId: owner.organizationId } })).toBe(0);
  });

  it("a failed send is reported to the admin, and the invitation stays pending for a resend", async () => {
    const owner = await createAccount();
    const closed = await startSmtpServer();
    await closed.close();
    const email = address("unlucky");
    const result = await inviteMember(
      owner,
      { email, role: "VIEWER" },
      { mail: { ...mail, smtpUrl: `smtp://127.0.0.1:${closed.port}` } },
    );
    expect(result).toMatchObject({ email, sent: false, link: null });
    expect((await listPendingInvitations(owner)).map((i) => i.email)).toEqual([email]);
    const { token } = await resend(owner, result.invitationId, email);
    expect(await describeInvitation(token)).toMatchObject({ email });
  });

  it("without SMTP the mail goes to the outbox and the admin gets the link to hand over", async () => {
    const owner = await createAccount();
    const outbox = { from: mail.from, outboxDir: await mkdtemp(path.join(tmpdir(), "outbox-")) };
    const email = address("by-hand");
    const result = await inviteMember(owner, { email, role: "VIEWER" }, { mail: outbox });
    expect(result).toMatchObject({ email, sent: true, link: expect.stringMatching(/\/invite\/[\w-]{40,}$/) });
    const [kept] = await readOutbox(outbox);
    expect(kept).toMatchObject({ to: email });
    expect(kept!.text).toContain(result.link);
    expect(await describeInvitation(tokenOf(result.link!))).toMatchObject({ email, role: "VIEWER" });
  });
});

describe("accepting", () => {
  it("the invited account joins with the role once it accepts; the link then stops working", async () => {
    const owner = await createAccount({ organizationName: "Joinable" });
    const invitee = await createAccount({ verified: false });
    const { result, token } = await invite(owner, invitee.email, "EDITOR");
    expect(await describeInvitation(token)).toMatchObject({
      email: invitee.email,
      role: "EDITOR",
      organizationName: "Joinable",
      organizationSlug: owner.organizationSlug,
      account: "unconfirmed",
    });

    const user = { id: invitee.userId, email: invitee.email.toUpperCase() };
    await expect(acceptInvitation(user, { token })).resolves.toEqual({
      organizationSlug: owner.organizationSlug,
      organizationName: "Joinable",
    });
    const membership = await db.membership.findUniqueOrThrow({
      where: { organizationId_userId: { organizationId: owner.organizationId, userId: invitee.userId } },
    });
    expect(membership.role).toBe("EDITOR");
    const row = await db.invitation.findUniqueOrThrow({ where: { id: result.invitationId } });
    expect(row).toMatchObject({ acceptedById: invitee.userId, acceptedAt: expect.any(Date) });
    // Opening the mailed link proved the address.
    expect((await db.user.findUniqueOrThrow({ where: { id: invitee.userId } })).emailVerifiedAt).not.toBeNull();
    expect(await listPendingInvitations(owner)).toEqual([]);

    await refusedAsInvalid(user, token);
    expect(await membershipsIn(owner.organizationId, invitee.email)).toBe(1);
  });

  it("another account cannot accept it, and the invitation stays usable for the right one", async () => {
    const owner = await createAccount();
    const invitee = await createAccount();
    const intruder = await createAccount();
    const { token } = await invite(owner, invitee.email);
    await expect(acceptInvitation({ id: intruder.userId, email: intruder.email }, { token })).rejects.toMatchObject({
      code: "FORBIDDEN",
      status: 403,
    });
    expect(await membershipsIn(owner.organizationId, intruder.email)).toBe(0);
    expect(await describeInvitation(token)).not.toBeNull();
    await acceptInvitation({ id: invitee.userId, email: invitee.email }, { token });
    expect(await membershipsIn(owner.organizationId, invitee.email)).toBe(1);
  });

  it("an expired, revoked or replaced link is refused with the same message, and joins nobody", async () => {
    const owner = await createAccount();
    const [late, withdrawn, replaced] = await Promise.all([createAccount(), createAccount(), createAccount()]);

    const expired = await invite(owner, late.email);
    await db.invitation.update({
      where: { id: expired.result.invitationId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await refusedAsInvalid({ id: late.userId, email: late.email }, expired.token);
    expect((await listPendingInvitations(owner)).find((i) => i.email === late.email)).toMatchObject({ expired: true });

    const revoked = await invite(owner, withdrawn.email);
    await revokeInvitation(owner, { invitationId: revoked.result.invitationId });
    await refusedAsInvalid({ id: withdrawn.userId, email: withdrawn.email }, revoked.token);
    expect((await listPendingInvitations(owner)).map((i) => i.email)).not.toContain(withdrawn.email);
    await expect(revokeInvitation(owner, { invitationId: revoked.result.invitationId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const first = await invite(owner, replaced.email, "VIEWER");
    const second = await resend(owner, first.result.invitationId, replaced.email);
    expect(second.token).not.toBe(first.token);
    await refusedAsInvalid({ id: replaced.userId, email: replaced.email }, first.token);

    for (const who of [late, withdrawn, replaced]) expect(await membershipsIn(owner.organizationId, who.email)).toBe(0);
    // The new link works, and an unknown or malformed one is just as invalid.
    await acceptInvitation({ id: replaced.userId, email: replaced.email }, { token: second.token });
    expect(await membershipsIn(owner.organizationId, replaced.email)).toBe(1);
    await refusedAsInvalid({ id: late.userId, email: late.email }, "x".repeat(43));
    for (const hostile of ["short", "a\u0000b".repeat(10), "x".repeat(1_000_000), "%2e%2e/".repeat(10)])
      expect(await describeInvitation(hostile)).toBeNull();
  });

  it("resending an expired invitation gives a new week; inviting the address again refreshes the same invitation", async () => {
    const owner = await createAccount();
    const email = address("again");
    const first = await invite(owner, email, "VIEWER");
    await db.invitation.update({
      where: { id: first.result.invitationId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const resent = await resend(owner, first.result.invitationId, email);
    const row = await db.invitation.findUniqueOrThrow({ where: { id: first.result.invitationId } });
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + INVITATION_TTL_MS - 60_000);
    expect(row.tokenHash).toBe(hashToken(resent.token));

    const again = await invite(owner, email, "ADMIN");
    expect(again.result.invitationId).toBe(first.result.invitationId);
    expect(await db.invitation.count({ where: { organizationId: owner.organizationId, email } })).toBe(1);
    expect(await describeInvitation(resent.token)).toBeNull();
    expect(await describeInvitation(again.token)).toMatchObject({ role: "ADMIN", account: "none" });
  });
});

describe("creating the account through the invitation", () => {
  it("a new address gets a confirmed account, joins, and can sign in", async () => {
    const owner = await createAccount();
    const email = address("newcomer");
    const { token } = await invite(owner, email, "VIEWER");
    expect(await describeInvitation(token)).toMatchObject({ account: "none" });
    await expect(signUpWithInvitation({ token, name: "New Comer", password: PASSWORD })).resolves.toEqual({
      email,
      organizationSlug: owner.organizationSlug,
      organizationName: expect.any(String),
      tookOver: false,
    });
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user).toMatchObject({ name: "New Comer", emailVerifiedAt: expect.any(Date) });
    // Only the organisation it was invited to: no organisation of its own.
    expect(user.memberships.map((m) => [m.organizationId, m.role])).toEqual([[owner.organizationId, "VIEWER"]]);
    await expect(authenticate({ email, password: PASSWORD })).resolves.toMatchObject({ email });
    await expect(signUpWithInvitation({ token, name: "Second Go", password: PASSWORD })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { token: [INVITATION_INVALID] },
    });
  });

  it("an unconfirmed account someone registered with the address is taken over: its sessions end, its password no longer works", async () => {
    const owner = await createAccount();
    const squatter = await createAccount({ verified: false, password: "the squatter's passphrase" });
    const session = await createSession(squatter.userId);
    const { token } = await invite(owner, squatter.email);
    await expect(signUpWithInvitation({ token, name: "Real Person", password: PASSWORD })).resolves.toMatchObject({
      tookOver: true,
    });
    expect(await db.session.count({ where: { id: session } })).toBe(0);
    await expect(authenticate({ email: squatter.email, password: "the squatter's passphrase" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(authenticate({ email: squatter.email, password: PASSWORD })).resolves.toMatchObject({
      id: squatter.userId,
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: squatter.userId } });
    expect(user).toMatchObject({ name: "Real Person", emailVerifiedAt: expect.any(Date) });
    expect(await membershipsIn(owner.organizationId, squatter.email)).toBe(1);
  });

  it("a confirmed account must sign in instead: nothing changes", async () => {
    const owner = await createAccount();
    const confirmed = await createAccount({ password: "the owner's own passphrase" });
    const { token } = await invite(owner, confirmed.email);
    await expect(signUpWithInvitation({ token, name: "Hijacker", password: PASSWORD })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Sign in"),
    });
    await expect(
      authenticate({ email: confirmed.email, password: "the owner's own passphrase" }),
    ).resolves.toMatchObject({
      id: confirmed.userId,
    });
    expect(await membershipsIn(owner.organizationId, confirmed.email)).toBe(0);
    expect(await describeInvitation(token)).toMatchObject({ account: "confirmed" });
  });
});

describe("who may invite", () => {
  it("viewers and editors cannot invite, resend, revoke or list (403)", async () => {
    const owner = await createAccount();
    const pending = await invite(owner, address("pending"));
    for (const role of ["VIEWER", "EDITOR"] as const) {
      const actor = await createMember(owner, role);
      await expect(inviteMember(actor, { email: address("nope"), role: "VIEWER" }, { mail })).rejects.toMatchObject({
        code: "FORBIDDEN",
        status: 403,
      });
      const id = { invitationId: pending.result.invitationId };
      await expect(resendInvitation(actor, id, { mail })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(revokeInvitation(actor, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listPendingInvitations(actor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.invitation.count({ where: { organizationId: owner.organizationId } })).toBe(1);
    expect(await describeInvitation(pending.token)).not.toBeNull();
  });

  it("an admin cannot invite an owner, nor resend or revoke an owner's invitation; an owner can", async () => {
    const owner = await createAccount();
    const admin = await createMember(owner, "ADMIN");
    await expect(inviteMember(admin, { email: address("owner"), role: "OWNER" }, { mail })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const ownerInvite = await invite(owner, address("co-owner"), "OWNER");
    const id = { invitationId: ownerInvite.result.invitationId };
    await expect(resendInvitation(admin, id, { mail })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(revokeInvitation(admin, id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await describeInvitation(ownerInvite.token)).toMatchObject({ role: "OWNER" });
    // Admins invite admins and below.
    await expect(invite(admin, address("admin"), "ADMIN")).resolves.toBeDefined();
    await revokeInvitation(owner, id);
  });

  it("another organisation's invitation id is not found (404) and stays as it was", async () => {
    const a = await createAccount();
    const b = await createAccount();
    const theirs = await invite(b, address("theirs"));
    const id = { invitationId: theirs.result.invitationId };
    await expect(resendInvitation(a, id, { mail })).rejects.toMatchObject({ code: "NOT_FOUND", status: 404 });
    await expect(revokeInvitation(a, id)).rejects.toMatchObject({ code: "NOT_FOUND", status: 404 });
    expect(await listPendingInvitations(a)).toEqual([]);
    expect(await describeInvitation(theirs.token)).not.toBeNull();
  });
});

describe("the limits on sending invitations", () => {
  async function fill(key: string, hits: number) {
    await db.$executeRaw`INSERT INTO "RateLimit" ("key", "hits", "resetAt") VALUES (${key}, ${hits}, now() + interval '1 hour')
      ON CONFLICT ("key") DO UPDATE SET "hits" = EXCLUDED."hits", "resetAt" = EXCLUDED."resetAt"`;
  }

  it("refuses with 429 once the inviting account has sent its hourly share, and sends nothing", async () => {
    const owner = await createAccount();
    await fill(`${INVITE_PER_ACCOUNT.name}:${owner.userId}`, INVITE_PER_ACCOUNT.limit);
    const email = address("one-too-many");
    const before = smtp.mails.length;
    await expect(inviteMember(owner, { email, role: "VIEWER" }, { mail })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      status: 429,
      message: expect.stringContaining("too many invitations"),
    });
    expect(await db.invitation.count({ where: { organizationId: owner.organizationId } })).toBe(0);
    // Another admin of the same organisation has their own allowance.
    const admin = await createMember(owner, "ADMIN");
    await expect(inviteMember(admin, { email, role: "VIEWER" }, { mail })).resolves.toMatchObject({ sent: true });
    expect(smtp.mails.slice(before).filter((m) => m.to.includes(email))).toHaveLength(1);
  });

  it("one address gets at most a handful of invitations an hour from one organisation (resends count)", async () => {
    const owner = await createAccount();
    const email = address("flooded");
    const first = await invite(owner, email);
    for (let i = 1; i < INVITE_PER_RECIPIENT.limit; i++) await resend(owner, first.result.invitationId, email);
    const current = await db.invitation.findUniqueOrThrow({ where: { id: first.result.invitationId } });
    await expect(resendInvitation(owner, { invitationId: first.result.invitationId }, { mail })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    // The refused resend changed nothing: the last link still works.
    expect((await db.invitation.findUniqueOrThrow({ where: { id: first.result.invitationId } })).tokenHash).toBe(
      current.tokenHash,
    );
    // Another organisation may still invite the address.
    const other = await createAccount();
    await expect(invite(other, email)).resolves.toBeDefined();
  });
});
