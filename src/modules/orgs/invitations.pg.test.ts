/**
 * Accepting one invitation many times at once, on PostgreSQL, where the pool really runs the
 * transactions in parallel (PGlite serialises them and would hide a race).
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signUpWithInvitation } from "@/modules/auth";
import { createAccount } from "@/modules/demo";
import { acceptInvitation, inviteMember } from "./invitations";

const databaseUrl = (globalThis as { __testDatabaseUrl?: string }).__testDatabaseUrl;
if (!databaseUrl) throw new Error("*.pg.test.ts files run on PostgreSQL only (TEST_DATABASE_URL)");

async function outbox() {
  return { from: "Preflight <no-reply@preflight.test>", outboxDir: await mkdtemp(path.join(tmpdir(), "outbox-")) };
}
const tokenOf = (link: string | null) => new URL(link!).pathname.replace("/invite/", "");

describe("accepting an invitation under concurrency", () => {
  it("20 parallel accepts of one link: exactly one succeeds, one membership", async () => {
    const owner = await createAccount();
    const invitee = await createAccount();
    const { link } = await inviteMember(owner, { email: invitee.email, role: "EDITOR" }, { mail: await outbox() });
    const token = tokenOf(link);

    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => acceptInvitation({ id: invitee.userId, email: invitee.email }, { token })),
    );
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "OK"));
    expect(codes.filter((c) => c === "OK")).toHaveLength(1);
    expect(codes.filter((c) => c === "BAD_REQUEST")).toHaveLength(19);
    expect(await db.membership.count({ where: { organizationId: owner.organizationId, userId: invitee.userId } })).toBe(
      1,
    );
  });

  it("5 parallel account creations through one link: one account, one membership", async () => {
    const owner = await createAccount();
    const email = `pg-newcomer-${Date.now().toString(36)}@example.com`;
    const { link } = await inviteMember(owner, { email, role: "VIEWER" }, { mail: await outbox() });
    const token = tokenOf(link);

    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        signUpWithInvitation({ token, name: `Racer ${i}`, password: "a sturdy passphrase 2026" }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results)
      if (r.status === "rejected") expect((r.reason as { code: string }).code).toBe("BAD_REQUEST");
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(await db.membership.count({ where: { organizationId: owner.organizationId, user: { email } } })).toBe(1);
  });

  it("inviting one address from two admins at once leaves one invitation", async () => {
    const owner = await createAccount();
    const email = `pg-twice-${Date.now().toString(36)}@example.com`;
    const mail = await outbox();
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => inviteMember(owner, { email, role: "VIEWER" }, { mail })),
    );
    // The unique index decides; the losers update the winner's row (the last link is the one that works).
    expect(results.map((r) => r.status)).toEqual(Array(5).fill("fulfilled"));
    expect(await db.invitation.count({ where: { organizationId: owner.organizationId, email } })).toBe(1);
  });
});
