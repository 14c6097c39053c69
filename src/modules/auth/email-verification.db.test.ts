import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createAccount } from "@/modules/demo";
import { hashToken } from "@/modules/orgs";
import {
  linkIn,
  startSmtpServer,
  withTestSmtp,
  type TestMailSettings,
  type TestSmtpServer,
} from "../../../tests/support/smtp";
import {
  describeEmailVerificationToken,
  issueEmailVerification,
  verifyEmail,
  VERIFY_LINK_TTL_MS,
} from "./email-verification";

let smtp: TestSmtpServer;
let mail: TestMailSettings;
withTestSmtp((server, settings) => {
  smtp = server;
  mail = settings;
});

const tokenOf = (link: string) => new URL(link).pathname.replace("/verify-email/", "");

async function mailedToken(userId: string, email: string) {
  const before = smtp.mails.length;
  expect(await issueEmailVerification(userId, { mail })).toEqual({ sent: true });
  const received = await smtp.waitForMail(email, { after: before });
  expect(received.subject).toBe("Confirm your email address for Preflight");
  return tokenOf(linkIn(received, "/verify-email/"));
}

describe("email verification", () => {
  it("mails a single-use link (≥128 bits, stored hashed, 24 h) that confirms the address", async () => {
    const account = await createAccount({ verified: false });
    const token = await mailedToken(account.userId, account.email);
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16);
    const rows = await db.emailVerificationToken.findMany({ where: { userId: account.userId } });
    expect(rows.map((r) => r.tokenHash)).toEqual([hashToken(token)]);
    const ttl = rows[0]!.expiresAt.getTime() - Date.now();
    expect(ttl).toBeGreaterThan(VERIFY_LINK_TTL_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(VERIFY_LINK_TTL_MS);

    expect(await describeEmailVerificationToken(token)).toEqual({ email: account.email });
    await expect(verifyEmail({ token })).resolves.toEqual({ email: account.email });
    const user = await db.user.findUniqueOrThrow({ where: { id: account.userId } });
    expect(user.emailVerifiedAt).not.toBeNull();
    await expect(verifyEmail({ token })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { token: [expect.any(String)] },
    });
  });

  it("a new link replaces the old one; an expired one does nothing", async () => {
    const account = await createAccount({ verified: false });
    const first = await mailedToken(account.userId, account.email);
    const second = await mailedToken(account.userId, account.email);
    await expect(verifyEmail({ token: first })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await db.emailVerificationToken.updateMany({
      where: { tokenHash: hashToken(second) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(verifyEmail({ token: second })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await db.user.findUniqueOrThrow({ where: { id: account.userId } })).emailVerifiedAt).toBeNull();
  });

  it("a failed send is reported as not sent", async () => {
    const account = await createAccount({ verified: false });
    const closed = await startSmtpServer();
    await closed.close();
    await expect(
      issueEmailVerification(account.userId, { mail: { ...mail, smtpUrl: `smtp://127.0.0.1:${closed.port}` } }),
    ).resolves.toEqual({ sent: false });
  });
});
