import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAccount } from "@/modules/demo";
import { createSession } from "./sessions";
import { userForSso, verifiedSsoEmail } from "./sso";

const email = () => `sso-${randomBytes(4).toString("hex")}@example.com`;

describe("single sign-on users", () => {
  it("accepts only an email the provider marks as verified", () => {
    expect(verifiedSsoEmail({ email: "A@Example.com", email_verified: true })).toBe("a@example.com");
    expect(verifiedSsoEmail({ email: "a@example.com", email_verified: false })).toBeNull();
    expect(verifiedSsoEmail({ email: "a@example.com", email_verified: "true" })).toBeNull();
    expect(verifiedSsoEmail({ email: "a@example.com" })).toBeNull();
    expect(verifiedSsoEmail({ email_verified: true })).toBeNull();
    expect(verifiedSsoEmail(undefined)).toBeNull();
  });

  it("creates a confirmed account without a password for a new address", async () => {
    const address = email();
    const id = await userForSso({ sub: "s1", email: address, email_verified: true, name: "Sue Sso" });
    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ email: address, name: "Sue Sso", passwordHash: null });
    expect(user.emailVerifiedAt).not.toBeNull();
  });

  it("links a confirmed account by its email, keeping its password and sessions", async () => {
    const account = await createAccount();
    const session = await createSession(account.userId);
    expect(await userForSso({ sub: "s2", email: account.email.toUpperCase(), email_verified: true })).toBe(
      account.userId,
    );
    const user = await db.user.findUniqueOrThrow({ where: { id: account.userId } });
    expect(user.passwordHash).not.toBeNull();
    expect(await db.session.count({ where: { id: session } })).toBe(1);
  });

  it("takes an unconfirmed account over for the mailbox's owner: password removed, sessions ended", async () => {
    const squatter = await createAccount({ verified: false });
    const session = await createSession(squatter.userId);
    expect(await userForSso({ sub: "s3", email: squatter.email, email_verified: true })).toBe(squatter.userId);
    const user = await db.user.findUniqueOrThrow({ where: { id: squatter.userId } });
    expect(user.passwordHash).toBeNull();
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await db.session.count({ where: { id: session } })).toBe(0);
  });

  it("refuses a profile without a verified email", async () => {
    const address = email();
    await expect(userForSso({ sub: "s4", email: address, email_verified: false })).rejects.toThrow();
    expect(await db.user.count({ where: { email: address } })).toBe(0);
  });
});
