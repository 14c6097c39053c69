import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAccount, createMember, createTestPilot } from "@/modules/demo";
import { listPilots } from "@/modules/pilots";
import type { Actor } from "@/modules/access/shared";
import { acceptInvitation, inviteMember } from "./invitations";
import { changeMemberRole, listMembers, removeMember } from "./service";

async function membershipOf(actor: Actor) {
  return db.membership.findUniqueOrThrow({
    where: { organizationId_userId: { organizationId: actor.organizationId, userId: actor.userId } },
    select: { id: true, role: true },
  });
}

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

  it("an admin cannot remove or demote an owner, nor make one", async () => {
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
    await expect(
      changeMemberRole(admin, { membershipId: (await membershipOf(other)).id, role: "OWNER" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    expect((await membershipOf(owner)).role).toBe("OWNER");
    expect((await membershipOf(other)).role).toBe("EDITOR");
  });

  it("an admin manages editors and viewers", async () => {
    const owner = await createAccount();
    const admin = await createMember(owner, "ADMIN");
    const editor = await createMember(owner, "EDITOR");
    await changeMemberRole(admin, { membershipId: (await membershipOf(editor)).id, role: "VIEWER" });
    expect((await membershipOf(editor)).role).toBe("VIEWER");
    await removeMember(admin, { membershipId: (await membershipOf(editor)).id });
    expect((await listMembers(admin)).map((m) => m.user.email)).not.toContain(editor.email);
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
      await expect(changeMemberRole(actor, { membershipId: target, role: "EDITOR" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(removeMember(actor, { membershipId: target })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await membershipOf(viewer)).role).toBe("VIEWER");
  });
});

describe("a user in several organisations", () => {
  it("sees only the active organisation's pilots in each", async () => {
    const consultant = await createAccount({ organizationName: "Consultancy" });
    const client = await createAccount({ organizationName: "Client" });
    // No SMTP server: the mail goes to an outbox folder and the admin gets the link to hand over.
    const outbox = {
      from: "Preflight <no-reply@preflight.test>",
      outboxDir: await mkdtemp(path.join(tmpdir(), "outbox-")),
    };
    const { link } = await inviteMember(client, { email: consultant.email, role: "EDITOR" }, { mail: outbox });
    await acceptInvitation({ id: consultant.userId, email: consultant.email }, { token: link!.split("/invite/")[1] });
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
