import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "a sturdy passphrase 2026";

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.com`;
}

/** Saves a full-page screenshot of what the user sees (not committed). */
export async function snap(page: Page, name: string) {
  mkdirSync("screenshots", { recursive: true });
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
}

export async function signUp(
  page: Page,
  { name, email, organization }: { name: string; email: string; organization: string },
) {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Organisation name").fill(organization);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

export async function registerPilot(page: Page, name: string) {
  await page.goto("/pilots/new");
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByLabel("One-line summary").fill("Drafts replies to supplier emails");
  await page.getByLabel("Workflow it changes").fill("Buyers answer supplier emails by hand");
  await page.getByLabel("Measurable outcome it targets").fill("Answer 80% of supplier emails within an hour");
  await page.getByLabel("Business unit").fill("Procurement");
  await page.getByLabel("Owning team").fill("Procurement Ops");
  await page.getByRole("button", { name: "Register pilot" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return page.url().split("/pilots/")[1]!.split("?")[0]!;
}
