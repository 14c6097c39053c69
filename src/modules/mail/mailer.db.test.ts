import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, startSmtpServer, type TestSmtpServer } from "../../../tests/support/smtp";
import { MailNotSentError, readOutbox, sendMail } from "./mailer";
import { passwordResetMail } from "./templates";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

const LINK = "http://localhost:3000/set-password/abcDEF123_-abcDEF123_-abcDEF123_-abcDEF";

describe("sendMail", () => {
  it("delivers through SMTP with a plain-text and an HTML part that carry the link", async () => {
    const outboxDir = await mkdtemp(path.join(tmpdir(), "outbox-"));
    const result = await sendMail(passwordResetMail("ada@example.com", LINK), {
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      from: "Preflight <no-reply@preflight.test>",
      outboxDir,
    });
    expect(result).toEqual({ delivered: "smtp" });
    const mail = await smtp.waitForMail("ada@example.com");
    expect(mail.from).toBe("no-reply@preflight.test");
    expect(mail.subject).toBe("Reset your Preflight password");
    expect(mail.raw).toMatch(/Content-Type: text\/plain/i);
    expect(mail.raw).toMatch(/Content-Type: text\/html/i);
    expect(mail.body).toContain("open this link within 1 hour");
    expect(linkIn(mail, "/set-password/")).toBe(LINK);
    expect(await readdir(outboxDir)).toEqual([]); // sent, so nothing kept
  });

  it("reports a failed send instead of swallowing it", async () => {
    const closed = await startSmtpServer();
    const port = closed.port;
    await closed.close();
    await expect(
      sendMail(passwordResetMail("bob@example.com", LINK), {
        smtpUrl: `smtp://127.0.0.1:${port}`,
        from: "x@preflight.test",
        outboxDir: "/nonexistent",
      }),
    ).rejects.toBeInstanceOf(MailNotSentError);
  });

  it("without SMTP keeps the mail in the outbox folder, newest first", async () => {
    const config = {
      from: "Preflight <no-reply@preflight.test>",
      outboxDir: await mkdtemp(path.join(tmpdir(), "outbox-")),
    };
    expect(await sendMail(passwordResetMail("first@example.com", LINK), config)).toEqual({ delivered: "outbox" });
    await new Promise((r) => setTimeout(r, 5));
    await sendMail(passwordResetMail("second@example.com", LINK), config);
    const mails = await readOutbox(config);
    expect(mails.map((m) => m.to)).toEqual(["second@example.com", "first@example.com"]);
    expect(mails[0]).toMatchObject({ subject: "Reset your Preflight password", from: config.from });
    expect(mails[0]!.text).toContain(LINK);
  });
});
