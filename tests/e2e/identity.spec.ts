import { expect, test } from "@playwright/test";
import { ORG_PATH } from "./helpers";

const DEMO = { email: "demo@preflight.test", password: "fly-to-production" };

test.describe("sign-in never redirects off the app", () => {
  for (const callbackUrl of ["/\\evil.example", "/\t/evil.example", "//evil.example", "https://evil.example/"]) {
    test(`callbackUrl ${JSON.stringify(callbackUrl)}`, async ({ page, baseURL }) => {
      const requestsToEvil: string[] = [];
      page.on("request", (r) => {
        if (new URL(r.url()).hostname.endsWith("evil.example")) requestsToEvil.push(r.url());
      });
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
      await page.getByLabel("Email").fill(DEMO.email);
      await page.getByLabel("Password").fill(DEMO.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      // The fallback opens the last organisation's dashboard, on this app.
      await expect(page).toHaveURL(ORG_PATH);
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      expect(requestsToEvil).toEqual([]);
    });
  }
});
