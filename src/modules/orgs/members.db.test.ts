import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setPasswordWithToken, authenticate } from "@/modules/auth";
import { createAccount, createMember, createTestPilot } from "@/modules/demo";
import { listPilots } from "@/modules/pilots";
import type { Actor } from "@/modules/access/shared";
import {
  ADD_MEMBER_PER_ORGANIZATION,
  addMember,
  changeMemberRole,
  hashToken,
  listMembers,
  removeMember,
} from "./service";

const NEW_PASSWORD = "a brand new passphrase";
const tokenOf = (path: string) => path.replace(/^\/set-password\//, "");

async function membershipOf(actor: Actor) {
  return db.membership.findUniqueOrThrow({
    where: { organizationId_userId: { organizationId: actor.organizationId, userId: actor.userId } },
    select: { id: true, role: true },
  });
}

describe("adding members", () => {
  it("creates an account for a new email with a one-time set-password link, storing only its hash", async () => {
    const owner = await createAccount();
    const result = await addMember(owner, { email: "New.Person@Example.com", name: "New Person", role: "EDITOR" });
    expect(result.createdAccount).toBe(true);
    expect(result.setPasswordPath).toMatch(/^\/set-password\/[\w-]{20,}$/);

    const user = await db.user.findUniqueOrThrow({
      where: { email: "new.person@example.com" },
      select: { id: true, passwordHash: true, passwordTokens: { select: { tokenHash: true, usedAt: true } } },
    });
    expect(user.passwordHash).toBeNull();
    const token = tokenOf(result.setPasswordPath!);
    expect(user.passwordTokens).toEqual([{ tokenHash: hashToken(token), usedAt: null }]);
    expect(user.passwordTokens[0]!.tokenHash).not.toBe(token);
    const membership = await db.membership.findUniqueOrThrow({ where: { id: result.membershipId } });
    expect(membership).toMatchObject({ organizationId: owner.organizationId, userId: user.id, role: "EDITOR" });
  });

  it("the link sets the password once; a second use fails", async () => {
    const owner = await createAccount();
    const { setPasswordPath } = await addMember(owner, { email: "once@example.com", role: "VIEWER" });
    const input = { token: tokenOf(setPasswordPath!), password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD };

    await expect(setPasswordWithToken(input)).resolves.toEqual({ email: "once@example.com" });
    await expect(authenticate({ email: "once@example.com", password: NEW_PASSWORD })).resolves.toMatchObject({
      email: "once@example.com",
    });

    await expect(
      setPasswordWithToken({ ...input, password: "someone else's pass", confirmPassword: "someone else's pass" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", fieldErrors: { token: [expect.any(String)] } });
    await expect(authenticate({ email: "once@example.com", password: NEW_PASSWORD })).resolves.toMatchObject({
      email: "once@example.com",
    });
  });

  it("an expired link fails and sets nothing", async () => {
    const owner = await createAccount();
    const { setPasswordPath } = await addMember(owner, { email: "late@example.com", role: "VIEWER" });
    const token = tokenOf(setPasswordPath!);
    await db.passwordSetToken.update({
      where: { tokenHash: hashToken(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(
      setPasswordWithToken({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const user = await db.user.findUniqueOrThrow({ where: { email: "late@example.com" } });
    expect(user.passwordHash).toBeNull();
  });

  it("adds an existing user as a member without a new account or token", async () => {
    const owner = await createAccount();
    const existing = await createAccount();
    const tokensBefore = await db.passwordSetToken.count();
    const result = await addMember(owner, { email: existing.email, role: "ADMIN" });
    expect(result).toMatchObject({ createdAccount: false, setPasswordPath: null });
    expect(await db.passwordSetToken.count()).toBe(tokensBefore);
    expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
    const membership = await db.membership.findUniqueOrThrow({ where: { id: result.membershipId } });
    expect(membership).toMatchObject({ organizationId: owner.organizationId, userId: existing.userId, role: "ADMIN" });
  });

  it("refuses a duplicate member with an error on the email field", async () => {
    const owner = await createAccount();
    const member = await createMember(owner, "EDITOR");
    const before = await db.membership.count({ where: { organizationId: owner.organizationId } });
    await expect(addMember(owner, { email: member.email, role: "VIEWER" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { email: ["This person is already a member."] },
    });
    await expect(addMember(owner, { email: owner.email, role: "VIEWER" })).rejects.toMatchObject({
      fieldErrors: { email: [expect.any(String)] },
    });
    expect(await db.membership.count({ where: { organizationId: owner.organizationId } })).toBe(before);
    expect((await membershipOf(member)).role).toBe("EDITOR");
  });
});

describe("the limit on adding members", () => {
  it("refuses with 429 once the organisation has added its hourly share, and adds nothing", async () => {
    const owner = await createAccount();
    await db.$executeRaw`INSERT INTO "RateLimit" ("key", "hits", "resetAt")
      VALUES (${`${ADD_MEMBER_PER_ORGANIZATION.name}:${owner.organizationId}`}, ${ADD_MEMBER_PER_ORGANIZATION.limit}, now() + interval '1 hour')`;
    const members = await db.membership.count({ where: { organizationId: owner.organizationId } });
    await expect(addMember(owner, { email: "one-too-many@example.com", role: "VIEWER" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      status: 429,
    });
    expect(await db.membership.count({ where: { organizationId: owner.organizationId } })).toBe(members);
    expect(await db.user.count({ where: { email: "one-too-many@example.com" } })).toBe(0);
    // Another organisation has its own allowance.
    const other = await createAccount();
    await expect(addMember(other, { email: "welcome@example.com", role: "VIEWER" })).resolves.toMatchObject({
      createdAccount: true,
    });
  });
});

describe("changing roles and removing members", () => {
  it("never removes or demotes the last owner", async () => {
    const owner = await createAccount();
    const { id } = await membershipOf(owner);
    await expect(removeMember(owner, { membershipId: id })).rejects.toMatchObject({ code: "CONFLICT", status: 409 });
    await expect(changeMemberRole(owner, { membershipId: id, role: "ADMIN" })).rejects.toMatchObject({
      code: "CONFLICT",
      status: 409,
    });
    expect((await membershipOf(owner)).role).toBe("OWNER");
  });

  it("lets an owner step down once there is another owner", async () => {
    const owner = await createAccount();
    const second = await createMember(owner, "OWNER");
    await changeMemberRole(owner, { membershipId: (await membershipOf(owner)).id, role: "ADMIN" });
    expect((await membershipOf(owner)).role).toBe("ADMIN");
    expect((await membershipOf(second)).role).toBe("OWNER");
  });

  it("an admin cannot remove or demote an owner, nor add or make one", async () => {
    const owner = await createAccount();
    const admin = await createMember(owner, "ADMIN");
    const other = await createMember(owner, "EDITOR");
    const ownerMembership = await membershipOf(owner);

    await expect(removeMember(admin, { membershipId: ownerMembership.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      status: 403,
    });
    await expect(changeMemberRole(admin, { membershipId: ownerMembership.id, role: "VIEWER" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(addMember(admin, { email: "would-be-owner@example.com", role: "OWNER" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      changeMemberRole(admin, { membershipId: (await membershipOf(other)).id, role: "OWNER" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect((await membershipOf(owner)).role).toBe("OWNER");
    expect((await membershipOf(other)).role).toBe("EDITOR");
    expect(await db.user.count({ where: { email: "would-be-owner@example.com" } })).toBe(0);
  });

  it("an admin manages editors and viewers", async () => {
    const owner = await createAccount();
    const admin = await createMember(owner, "ADMIN");
    const editor = await createMember(owner, "EDITOR");
    await changeMemberRole(admin, { membershipId: (await membershipOf(editor)).id, role: "VIEWER" });
    expect((await membershipOf(editor)).role).toBe("VIEWER");
    await addMember(admin, { email: "added-by-admin@example.com", role: "EDITOR" });
    expect((await listMembers(admin)).map((m) => m.user.email)).toContain("added-by-admin@example.com");
  });

  it("answers another organisation's membership id with not found and changes nothing", async () => {
    const a = await createAccount();
    const b = await createAccount();
    const bMember = await createMember(b, "EDITOR");
    const { id } = await membershipOf(bMember);

    await expect(changeMemberRole(a, { membershipId: id, role: "VIEWER" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      status: 404,
    });
    await expect(removeMember(a, { membershipId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await membershipOf(bMember)).role).toBe("EDITOR");
  });

  it("removing a member deletes their membership, so they lose access at once", async () => {
    const owner = await createAccount();
    const member = await createMember(owner, "EDITOR");
    await createTestPilot(owner);
    expect((await listPilots(member)).items).toHaveLength(1);

    await removeMember(owner, { membershipId: (await membershipOf(member)).id });

    // Every request rebuilds the actor from the user's memberships, so with the row gone no context exists.
    expect(await db.membership.count({ where: { organizationId: owner.organizationId, userId: member.userId } })).toBe(
      0,
    );
    expect(await db.user.count({ where: { id: member.userId } })).toBe(1);
    expect((await listMembers(owner)).map((m) => m.user.id)).not.toContain(member.userId);
  });

  it("an editor or viewer cannot manage members", async () => {
    const owner = await createAccount();
    const editor = await createMember(owner, "EDITOR");
    const viewer = await createMember(owner, "VIEWER");
    const target = (await membershipOf(viewer)).id;
    for (const actor of [editor, viewer]) {
      await expect(addMember(actor, { email: "nope@example.com", role: "VIEWER" })).rejects.toMatchObject({
        code: "FORBIDDEN",
        status: 403,
      });
      await expect(changeMemberRole(actor, { membershipId: target, role: "EDITOR" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(removeMember(actor, { membershipId: target })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db.user.count({ where: { email: "nope@example.com" } })).toBe(0);
    expect((await membershipOf(viewer)).role).toBe("VIEWER");
  });
});

describe("a user in several organisations", () => {
  it("sees only the active organisation's pilots in each", async () => {
    const consultant = await createAccount({ organizationName: "Consultancy" });
    const client = await createAccount({ organizationName: "Client" });
    await addMember(client, { email: consultant.email, role: "EDITOR" });
    const asClientEditor: Actor = { userId: consultant.userId, organizationId: client.organizationId, role: "EDITOR" };

    await createTestPilot(consultant, { name: "Consultancy's own pilot" });
    await createTestPilot(client, { name: "Client pilot" });
    await createTestPilot(asClientEditor, { name: "Registered for the client" });

    expect((await listPilots(consultant)).items.map((p) => p.name)).toEqual(["Consultancy's own pilot"]);
    expect((await listPilots(asClientEditor)).items.map((p) => p.name).sort()).toEqual([
      "Client pilot",
      "Registered for the client",
    ]);
    expect((await listPilots(client)).items.map((p) => p.name).sort()).toEqual([
      "Client pilot",
      "Registered for the client",
    ]);
  });
});
