/**
 * A real SMTP server for tests (the `smtp-server` package): the app sends through nodemailer
 * over TCP exactly as in production, and the test reads what arrived.
 */
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll } from "vitest";

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  /** The message body with quoted-printable soft breaks and escapes undone (enough to find links). */
  body: string;
}

function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export interface TestSmtpServer {
  port: number;
  mails: ReceivedMail[];
  /** Resolves with the first mail to `to` (newer than `after` mails) or fails after `timeoutMs`. */
  waitForMail(to: string, options?: { after?: number; timeoutMs?: number }): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          raw,
          subject: /^Subject: (.*)$/im.exec(raw)?.[1]?.trim() ?? "",
          body: decodeQuotedPrintable(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    port: actualPort,
    mails,
    async waitForMail(to, { after = 0, timeoutMs = 10_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = mails.slice(after).find((m) => m.to.includes(to.toLowerCase()));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No mail to ${to} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The first link to `path` in a received mail. */
export function linkIn(mail: ReceivedMail, path: string): string {
  const match = new RegExp(`https?://[^\\s"<>]*${path.replace(/[/]/g, "\\/")}[^\\s"<>]*`).exec(mail.body);
  if (!match) throw new Error(`No link to ${path} in the mail "${mail.subject}"`);
  return match[0];
}

/** How a service under test is told to send: through the test server, never to the outbox. */
export interface TestMailSettings {
  smtpUrl: string;
  from: string;
  outboxDir: string;
}

/**
 * Starts a test SMTP server for the whole file (beforeAll) and stops it after (afterAll);
 * `ready` receives the server and the mail settings that send through it.
 */
export function withTestSmtp(ready: (smtp: TestSmtpServer, mail: TestMailSettings) => void): void {
  let server: TestSmtpServer | undefined;
  beforeAll(async () => {
    server = await startSmtpServer();
    ready(server, {
      smtpUrl: `smtp://127.0.0.1:${server.port}`,
      from: "Preflight <no-reply@preflight.test>",
      outboxDir: "/nonexistent",
    });
  });
  afterAll(() => server?.close());
}
