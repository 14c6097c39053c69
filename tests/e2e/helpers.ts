import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { expect, type Locator, type Page } from "@playwright/test";
import { linkIn } from "../support/smtp";
import { mailCount, waitForMail } from "./mail-server";

export const PASSWORD = "a sturdy passphrase 2026";

/** The demo organisation seeded on the first run (demo@ and exec@preflight.test are members). */
export const DEMO_ORG_SLUG = "meridian-insurance-group";

/** The heading of the "not found" page (the app's own, or Next's default). */
export const NOT_FOUND_HEADING = /could not find that page|could not be found/i;

/** Any page of an organisation: `/o/{slug}/…`. */
export const ORG_PATH = /\/o\/[a-z0-9-]+\//;

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.com`;
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Saves a full-page screenshot of what the user sees (not committed). */
export async function snap(page: Page, name: string) {
  mkdirSync("screenshots", { recursive: true });
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
}

/** The slug of the organisation in the page's current URL (`/o/{slug}/…`). */
export function orgSlugOf(page: Page): string {
  const match = /^\/o\/([a-z0-9-]+)(?:\/|$)/.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`Not on an organisation's page: ${page.url()}`);
  return match[1]!;
}

/** A path inside the organisation of the page's current URL: `orgUrl(page, "/pilots")` → `/o/acme/pilots`. */
export function orgUrl(page: Page, path = "/dashboard"): string {
  return `/o/${orgSlugOf(page)}${path.startsWith("/") ? path : `/${path}`}`;
}

/** The JSON API of the organisation of the page's current URL: `orgApiUrl(page, "/pilots")` → `/api/o/acme/pilots`. */
export function orgApiUrl(page: Page, path: string): string {
  return `/api${orgUrl(page, path)}`;
}

/** A RegExp matching exactly `/o/{slug}{path}` (plus an optional query string when `query` is true). */
export function orgUrlPattern(slug: string, path: string, { query = false } = {}): RegExp {
  return new RegExp(`/o/${escapeRegExp(slug)}${escapeRegExp(path)}${query ? "(\\?.*)?" : ""}$`);
}

/**
 * Signs up (which creates an organisation), confirms the email address with the link that
 * arrives at the test's mail server (as a person would; unless `verify: false`), and returns the
 * new organisation's slug, back on its dashboard.
 */
export async function signUp(
  page: Page,
  { name, email, organization, verify = true }: { name: string; email: string; organization: string; verify?: boolean },
): Promise<string> {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Organisation name").fill(organization);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/o\/[a-z0-9-]+\/dashboard$/);
  const slug = orgSlugOf(page);
  // Slugs are readable: taken from the organisation's name ("Acme Co" → acme-co, then acme-co-2 …).
  expect(slug).toMatch(
    new RegExp(
      `^${organization
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "")}(-\\d+)?$`,
    ),
  );
  if (verify) {
    await confirmEmail(page, email);
    await page.goto(`/o/${slug}/dashboard`);
  }
  return slug;
}

/** Opens the confirmation link mailed to `email` and confirms the address. */
export async function confirmEmail(page: Page, email: string) {
  const mail = await waitForMail(email, /Confirm your email address/);
  await page.goto(linkIn(mail, "/verify-email/"));
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(page.getByRole("heading", { name: "Your email address is confirmed" })).toBeVisible();
}

/**
 * From Settings → Members of organisation `slug`, invites `email` with `role` (a Role value, e.g.
 * "VIEWER") and returns the invitation link that arrives at the test's mail server.
 */
export async function inviteMember(page: Page, slug: string, email: string, role: string): Promise<string> {
  const before = mailCount(email);
  await page.goto(`/o/${slug}/settings`);
  const form = page.getByRole("form", { name: "Invite a member" });
  await form.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await form.getByRole("combobox", { name: "Role", exact: true }).selectOption(role);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByRole("status")).toContainText(`Invitation sent to ${email}.`);
  return newInvitationLink(email, before);
}

/** The link of the invitation mailed to `email` after it had received `before` mails. */
export async function newInvitationLink(email: string, before: number): Promise<string> {
  await expect
    .poll(() => mailCount(email), { message: `a new mail to ${email}`, timeout: 15_000 })
    .toBeGreaterThan(before);
  return linkIn(await waitForMail(email, /invited you to/), "/invite/");
}

/** Opens an invitation link signed out and creates the account there; lands in the organisation. */
export async function acceptAsNewAccount(page: Page, link: string, name: string) {
  await page.goto(link);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: /and join$/ }).click();
  await expect(page).toHaveURL(/\/o\/[a-z0-9-]+\/dashboard$/);
}

/** Opens an invitation link as the signed-in invited account and joins. */
export async function acceptSignedIn(page: Page, link: string, organization: string) {
  await page.goto(link);
  await page.getByRole("button", { name: `Join ${organization}` }).click();
  await expect(page).toHaveURL(/\/o\/[a-z0-9-]+\/dashboard$/);
}

/** Signs in from /signin and returns the slug of the organisation the app opened. */
export async function signIn(page: Page, email: string, password = PASSWORD): Promise<string> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/o\/[a-z0-9-]+\/dashboard$/);
  return orgSlugOf(page);
}

/** Registers a pilot in the organisation of the page's current URL and returns its id. */
export async function registerPilot(page: Page, name: string): Promise<string> {
  const slug = orgSlugOf(page);
  await page.goto(`/o/${slug}/pilots/new`);
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByLabel("One-line summary").fill("Drafts replies to supplier emails");
  await page.getByLabel("Workflow it changes").fill("Buyers answer supplier emails by hand");
  await page.getByLabel("Measurable outcome it targets").fill("Answer 80% of supplier emails within an hour");
  await page.getByLabel("Business unit").fill("Procurement");
  await page.getByLabel("Owning team").fill("Procurement Ops");
  await page.getByRole("button", { name: "Register pilot" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/o/${escapeRegExp(slug)}/pilots/[^/?]+(\\?.*)?$`));
  return new URL(page.url()).pathname.split("/pilots/")[1]!;
}

/** Creates another organisation from Settings (the user owns it) and returns its slug; the app opens it. */
export async function createOrganization(page: Page, name: string): Promise<string> {
  const from = orgSlugOf(page);
  await page.goto(`/o/${from}/settings`);
  await page.getByLabel("New organisation's name").fill(name);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).not.toHaveURL(orgUrlPattern(from, "/settings"));
  await expect(page).toHaveURL(/\/o\/[a-z0-9-]+\/dashboard$/);
  return orgSlugOf(page);
}

/** The organisation switcher in the header (a <select>; shown when the user has several). */
export function orgSwitcher(page: Page) {
  return page.getByRole("combobox", { name: "Organisation", exact: true });
}

/** Clicks a button that asks for confirmation first, then confirms in the dialog it opens. */
export async function clickAndConfirm(page: Page, trigger: Locator, confirmLabel: string | RegExp) {
  await trigger.click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: confirmLabel }).click();
  await expect(dialog).toHaveCount(0);
}

/** Ticks one choice of a multi-choice filter (a group of checkboxes in a disclosure, named by its legend). */
export async function chooseFilter(form: Locator, group: string, choice: string) {
  const fieldset = form.getByRole("group", { name: group, exact: true });
  const box = fieldset.getByRole("checkbox", { name: choice, exact: true });
  const summary = fieldset.locator("summary");
  if (!(await box.isVisible())) await summary.click();
  await box.check();
  // Close the list again, as a person would: open, it covers the controls below it.
  await summary.click();
  await expect(box).toBeHidden();
}

/** A phone's viewport (an iPhone 12–15 in portrait). */
export const PHONE = { width: 390, height: 844 } as const;
/** A wide desktop viewport, for screenshots. */
export const DESKTOP = { width: 1440, height: 900 } as const;

/**
 * How wide the page is against the viewport, and the elements that stick out past its right edge
 * (innermost first, at most 5), to say what makes a page scroll sideways. An element inside a
 * region that scrolls or clips on its own is left out — unless it is positioned absolutely
 * against something outside that region (an `sr-only` text in a scrolling table escapes it).
 */
export async function pageWidth(page: Page): Promise<{ scrollWidth: number; viewport: number; wide: string[] }> {
  return page.evaluate(() => {
    const viewport = document.documentElement.clientWidth;
    /** True when an ancestor that clips overflow applies to the element (from its containing block up). */
    const clipped = (el: HTMLElement) => {
      const position = getComputedStyle(el).position;
      if (position === "fixed") return false;
      const from = position === "absolute" ? el.offsetParent : el.parentElement;
      for (let a = from; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== "visible") return true;
      }
      return false;
    };
    const wide: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
      const box = el.getBoundingClientRect();
      if ((box.width === 0 && box.height === 0) || box.right <= viewport + 0.5 || clipped(el)) continue;
      const classes = String(el.getAttribute("class") ?? "")
        .split(" ")
        .slice(0, 4)
        .join(".");
      const text = (el.textContent ?? "").trim().slice(0, 30);
      wide.push(
        `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${classes ? `.${classes}` : ""}> "${text}" → ${Math.round(box.right)}px`,
      );
    }
    return { scrollWidth: document.documentElement.scrollWidth, viewport, wide: wide.reverse().slice(0, 5) };
  });
}

/** Screenshots of the page at a desktop and a phone width (`name-1440`, `name-390`); the viewport is restored. */
export async function snapWidths(page: Page, name: string) {
  const before = page.viewportSize();
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await snap(page, `${name}-${size.width}`);
  }
  if (before) await page.setViewportSize(before);
}

/**
 * Prints the page to an A4 PDF as a person would (print media, the page's own @page rules), saves
 * it as `screenshots/{name}.pdf` with a PNG of each page (`{name}-1.png`…, at 60 dpi, to look at),
 * and returns its text (Poppler's pdftotext; `apt-get install poppler-utils`).
 */
export async function printToPdf(page: Page, name: string): Promise<{ text: string; pages: number }> {
  mkdirSync("screenshots", { recursive: true });
  await page.emulateMedia({ media: "print" });
  const file = `screenshots/${name}.pdf`;
  await page.pdf({ path: file, format: "A4", preferCSSPageSize: true });
  await page.emulateMedia({ media: "screen" });
  execFileSync("pdftoppm", ["-png", "-r", "60", file, `screenshots/${name}`]);
  const text = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" });
  return { text, pages: text.split("\f").filter((p) => p.trim()).length };
}

/** Text as a printout's extracted text compares: without spaces or line breaks (headers wrap). */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, "");
}
