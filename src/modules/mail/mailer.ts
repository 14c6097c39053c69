import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export interface Mail {
  to: string;
  subject: string;
  /** The plain-text part: says plainly what to do, with the link on a line of its own. */
  text: string;
  html: string;
}

export interface MailConfig {
  smtpUrl?: string;
  from: string;
  outboxDir: string;
}

export const mailConfig = (): MailConfig => ({
  smtpUrl: env.SMTP_URL,
  from: env.MAIL_FROM,
  // turbopackIgnore: the folder is chosen at run time; the build must not trace the project for it.
  outboxDir: path.resolve(/* turbopackIgnore: true */ process.cwd(), env.PREFLIGHT_DATA_DIR, "outbox"),
});

/** A mail written to the outbox folder (no SMTP server configured). */
export interface OutboxMail extends Mail {
  id: string;
  from: string;
  sentAt: string;
}

export class MailNotSentError extends Error {
  constructor(to: string, cause: unknown) {
    super(`Could not send mail to ${to}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "MailNotSentError";
  }
}

/**
 * Sends one mail: through SMTP_URL when set, else into the outbox folder (and the server log),
 * where a developer reads it at /dev/outbox. Never call this inside a database transaction: a
 * slow or failed send must not hold locks or roll back what was decided. A failure throws
 * MailNotSentError, for the caller to report.
 */
export async function sendMail(
  mail: Mail,
  config: MailConfig = mailConfig(),
): Promise<{ delivered: "smtp" | "outbox" }> {
  if (config.smtpUrl) {
    try {
      const transport = nodemailer.createTransport(config.smtpUrl);
      await transport.sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
      transport.close();
      return { delivered: "smtp" };
    } catch (error) {
      throw new MailNotSentError(mail.to, error);
    }
  }
  const stored: OutboxMail = {
    ...mail,
    id: `${Date.now()}-${randomBytes(4).toString("hex")}`,
    from: config.from,
    sentAt: new Date().toISOString(),
  };
  try {
    await mkdir(config.outboxDir, { recursive: true });
    await writeFile(path.join(config.outboxDir, `${stored.id}.json`), JSON.stringify(stored, null, 2), "utf8");
  } catch (error) {
    throw new MailNotSentError(mail.to, error);
  }
  console.log(
    `[preflight] mail (no SMTP_URL: kept in the outbox, see /dev/outbox)\n  to: ${mail.to}\n  subject: ${mail.subject}\n\n${mail.text}\n`,
  );
  return { delivered: "outbox" };
}

/** The outbox, newest first (the developer outbox page). */
export async function readOutbox(config: MailConfig = mailConfig(), limit = 50): Promise<OutboxMail[]> {
  let names: string[];
  try {
    names = (await readdir(config.outboxDir)).filter((n) => n.endsWith(".json"));
  } catch {
    return [];
  }
  names.sort().reverse();
  const mails = await Promise.all(
    names
      .slice(0, limit)
      .map(async (n) => JSON.parse(await readFile(path.join(config.outboxDir, n), "utf8")) as OutboxMail),
  );
  return mails;
}

/**
 * Whether the developer outbox page exists: only when no SMTP server is configured and this is
 * not a production deployment (NODE_ENV=production on an operator's PostgreSQL). `npm start` on
 * the embedded database is a local setup and has it.
 */
export function outboxPageEnabled(): boolean {
  if (env.SMTP_URL) return false;
  return env.NODE_ENV !== "production" || env.PREFLIGHT_EMBEDDED;
}
