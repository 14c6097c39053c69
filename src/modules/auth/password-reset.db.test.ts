import { randomBytes } from "node:crypto";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { hashToken } from "@/modules/orgs";
import {
  linkIn,
  startSmtpServer,
  withTestSmtp,
  type TestMailSettings,
  type TestSmtpServer,
} from "../../../tests/support/smtp";
import { describeSetPasswordToken, setPasswordWithToken, signUp } from "./accounts";
import { authenticate } from "./credentials";
import { RESET_PER_EMAIL } from "./limits";
import { requestPasswordReset, RESET_LINK_TTL_MS } from "./password-reset";
import { createSession } from "./sessions";

const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "a brand new passphrase";
let smtp: TestSmtpServer;
let mail: TestMailSettings;
withTestSmtp((server, settings) => {
  smtp = server;
  mail = settings;
});

async function account() {
  const email = `r-${randomBytes(4).toString("hex")}@example.com`;
  const { userId } = await signUp({ name: "Rita", email, password: PASSWORD, organizationName: "Resets" });
  return { userId, email };
}

const tokenOf = (link: string) => new URL(link).pathname.replace("/set-password/", "");

describe("password reset", () => {
  it("mails a one-time link, stored only as a hash, valid for an hour, that sets the password and ends every session", async () => {
    const { userId, email } = await account();
    const session = await createSession(userId);
    const before = smtp.mails.length;
    const { delivery } = await requestPasswordReset({ email: email.toUpperCase() }, { mail });
    await delivery;
    const received = await smtp.waitForMail(email, { after: before });
    expect(received.subject).toBe("Reset your Preflight password");
    const link = linkIn(received, "/set-password/");
    const token = tokenOf(link);
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16); // ≥ 128 random bits

    const rows = await db.passwordSetToken.findMany({ where: { userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const ttl = rows[0]!.expiresAt.getTime() - Date.now();
    expect(ttl).toBeGreaterThan(RESET_LINK_TTL_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(RESET_LINK_TTL_MS);

    expect(await describeSetPasswordToken(token)).toMatchObject({ email });
    await setPasswordWithToken({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(await db.session.count({ where: { id: session } })).toBe(0);
    await expect(authenticate({ email, password: NEW_PASSWORD })).resolves.toMatchObject({ email });
    await expect(
      setPasswordWithToken({ token, password: "yet another passphrase", confirmPassword: "yet another passphrase" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("answers an unknown address exactly like a known one, and sends nothing", async () => {
    const email = `nobody-${randomBytes(4).toString("hex")}@example.com`;
    const before = smtp.mails.length;
    const answer = await requestPasswordReset({ email }, { mail });
    await answer.delivery;
    expect(Object.keys(answer)).toEqual(["delivery"]);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.mails.slice(before).filter((m) => m.to.includes(email))).toEqual([]);
  });

  it("a new request replaces the earlier link: the old one stops working", async () => {
    const { email } = await account();
    const first = smtp.mails.length;
    await (
      await requestPasswordReset({ email }, { mail })
    ).delivery;
    const oldToken = tokenOf(linkIn(await smtp.waitForMail(email, { after: first }), "/set-password/"));
    const second = smtp.mails.length;
    await (
      await requestPasswordReset({ email }, { mail })
    ).delivery;
    const newToken = tokenOf(linkIn(await smtp.waitForMail(email, { after: second }), "/set-password/"));
    expect(newToken).not.toBe(oldToken);
    expect(await describeSetPasswordToken(oldToken)).toBeNull();
    expect(await describeSetPasswordToken(newToken)).toMatchObject({ email });
  });

  it("an expired link does nothing", async () => {
    const { userId, email } = await account();
    const token = randomBytes(32).toString("base64url");
    await db.passwordSetToken.create({
      data: { userId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(
      setPasswordWithToken({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", fieldErrors: { token: [expect.any(String)] } });
    await expect(authenticate({ email, password: PASSWORD })).resolves.toMatchObject({ email });
  });

  it("is limited per address asked about, and a bad address is a field error", async () => {
    const { email } = await account();
    for (let i = 0; i < RESET_PER_EMAIL.limit; i++) await (await requestPasswordReset({ email }, { mail })).delivery;
    await expect(requestPasswordReset({ email }, { mail })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    await expect(requestPasswordReset({ email: "not an email" }, { mail })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { email: [expect.any(String)] },
    });
  });

  it("a failed send is reported (rejected and logged), not swallowed", async () => {
    const { email } = await account();
    const closed = await startSmtpServer();
    await closed.close();
    const { delivery } = await requestPasswordReset(
      { email },
      { mail: { ...mail, smtpUrl: `smtp://127.0.0.1:${closed.port}` } },
    );
    await expect(delivery).rejects.toThrow(/Could not send mail/);
  });

  it("without SMTP the link lands in the outbox", async () => {
    const { email } = await account();
    const outboxDir = await mkdtemp(path.join(tmpdir(), "outbox-"));
    await (
      await requestPasswordReset({ email }, { mail: { from: "x@preflight.test", outboxDir } })
    ).delivery;
    expect(await readdir(outboxDir)).toHaveLength(1);
  });
});
