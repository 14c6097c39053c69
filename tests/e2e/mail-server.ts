/**
 * The end-to-end suite's mail server: a real SMTP server (smtp-server) that the app under test
 * sends to (playwright.config.ts points SMTP_URL at it). Started once for the run by Playwright's
 * global setup (global-setup.ts); each mail it receives is written to .e2e-mail/ as JSON, where tests read it
 * (they run in another process).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { startSmtpServer, type ReceivedMail } from "../support/smtp";

export const MAIL_DIR = path.resolve(".e2e-mail");

export function e2eSmtpPort(): number {
  return Number(process.env.E2E_SMTP_PORT ?? Number(process.env.E2E_PORT ?? 3210) + 1000);
}

/** Starts the server; the returned function stops it. */
export async function startE2eMailServer(): Promise<() => Promise<void>> {
  rmSync(MAIL_DIR, { recursive: true, force: true });
  mkdirSync(MAIL_DIR, { recursive: true });
  const server = await startSmtpServer(e2eSmtpPort());
  let written = 0;
  const timer = setInterval(() => {
    for (; written < server.mails.length; written++) {
      const mail = server.mails[written]!;
      writeFileSync(path.join(MAIL_DIR, `${String(written).padStart(5, "0")}.json`), JSON.stringify(mail));
    }
  }, 50);
  return async () => {
    clearInterval(timer);
    await server.close();
  };
}

function readMails(): ReceivedMail[] {
  let names: string[] = [];
  try {
    names = readdirSync(MAIL_DIR).filter((n) => n.endsWith(".json"));
  } catch {
    return [];
  }
  return names.sort().map((n) => JSON.parse(readFileSync(path.join(MAIL_DIR, n), "utf8")) as ReceivedMail);
}

/** The newest mail to `to` whose subject matches, waiting for it to arrive. */
export async function waitForMail(to: string, subject: RegExp): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      () => {
        found = readMails()
          .filter((m) => m.to.includes(to.toLowerCase()) && subject.test(m.subject))
          .at(-1);
        return Boolean(found);
      },
      { message: `a mail to ${to} with subject ${subject}`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

/** How many mails to `to` have arrived so far. */
export function mailCount(to: string): number {
  return readMails().filter((m) => m.to.includes(to.toLowerCase())).length;
}
