import { expect, test, type Browser, type Cookie, type Page } from "@playwright/test";
import { confirmEmail, ORG_PATH, signUp, uniqueEmail } from "./helpers";
import { mailCount, waitForMail } from "./mail-server";
import { linkIn } from "../support/smtp";

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

test.describe("sessions end", () => {
  async function signInFresh(page: Page) {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(DEMO.email);
    await page.getByLabel("Password").fill(DEMO.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(ORG_PATH);
  }

  /** Whether a browser holding only these cookies is signed in (the API answers 401 otherwise). */
  async function cookiesStillWork(browser: Browser, cookies: Cookie[], url: string) {
    const context = await browser.newContext();
    await context.addCookies(cookies);
    const response = await context.request.get(url);
    await context.close();
    return response.status();
  }

  test("signing out ends the session on the server: a copied cookie stops working at once", async ({
    page,
    browser,
  }) => {
    await signInFresh(page);
    const api = `/api${new URL(page.url()).pathname.replace(/\/dashboard$/, "/pilots")}`;
    const copied = await page.context().cookies();
    expect(await cookiesStillWork(browser, copied, new URL(api, page.url()).toString())).toBe(200);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    expect(await cookiesStillWork(browser, copied, new URL(api, page.url()).toString())).toBe(401);
  });

  test("sign out everywhere on the account page ends the other browser's session too", async ({ page, browser }) => {
    await signInFresh(page);
    const api = new URL(
      `/api${new URL(page.url()).pathname.replace(/\/dashboard$/, "/pilots")}`,
      page.url(),
    ).toString();
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signInFresh(otherPage);
    const otherCookies = await other.cookies();
    expect(await cookiesStillWork(browser, otherCookies, api)).toBe(200);

    await page.getByRole("link", { name: "Account", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/signin/);

    expect(await cookiesStillWork(browser, otherCookies, api)).toBe(401);
    await otherPage.goto(api.replace("/api", "").replace(/\/pilots$/, "/dashboard"));
    await expect(otherPage).toHaveURL(/\/signin/);
    await other.close();
  });
});

test.describe("headers and cross-site requests", () => {
  test("pages carry a nonce-based Content-Security-Policy, and the app's scripts still run", async ({ page }) => {
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy/i.test(m.text())) errors.push(m.text());
    });
    const response = await page.goto("/signin");
    const headers = response!.headers();
    const policy = headers["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).toContain("'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // Next put this request's nonce on its scripts, and hydration worked (the form validates in the browser).
    expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your password.")).toBeVisible();
    // A fresh nonce on the next request.
    const again = (await page.request.get("/signin")).headers()["content-security-policy"] ?? "";
    expect(again).not.toContain(`'nonce-${nonce}'`);
    expect(errors).toEqual([]);
  });

  test("a signed-in write to the API from another origin is refused (no Origin at all: tests/db/access-matrix)", async ({
    page,
  }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(DEMO.email);
    await page.getByLabel("Password").fill(DEMO.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(ORG_PATH);
    const api = `/api${new URL(page.url()).pathname.replace(/\/dashboard$/, "/pilots")}`;
    const body = { name: "CSRF probe" };
    const foreign = await page.request.post(api, { data: body, headers: { Origin: "https://evil.example" } });
    expect(foreign.status()).toBe(403);
    // Same origin gets past the check (and then validates the body: 400, not 403).
    const own = await page.request.post(api, { data: body });
    expect(own.status()).toBe(400);
  });
});

test.describe("forgot password", () => {
  test("a reset link arrives by mail; choosing a new password ends the old session", async ({ page, browser }) => {
    const email = uniqueEmail("forgetful");
    await signUp(page, { name: "Forgetful Fran", email, organization: "Forgetful Co" });
    const api = new URL(
      `/api${new URL(page.url()).pathname.replace(/\/dashboard$/, "/pilots")}`,
      page.url(),
    ).toString();
    const oldCookies = await page.context().cookies();

    // Another browser, signed out, asks for a reset.
    const other = await browser.newContext();
    const visitor = await other.newPage();
    await visitor.goto("/signin");
    await visitor.getByRole("link", { name: "Forgot password?" }).click();
    await expect(visitor.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
    await visitor.getByLabel("Email").fill(email);
    await visitor.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(visitor.getByRole("status")).toContainText(`If there is a Preflight account for ${email}`);

    const mail = await waitForMail(email, /Reset your Preflight password/);
    const link = linkIn(mail, "/set-password/");
    expect(mail.body).toContain("within 1 hour");
    await visitor.goto(link);
    await visitor.getByLabel("New password").fill("a fresh passphrase 2027");
    await visitor.getByLabel("Repeat the password").fill("a fresh passphrase 2027");
    await visitor.getByRole("button", { name: /Set password/ }).click();
    await expect(visitor).toHaveURL(ORG_PATH);

    // The session from before the reset is over; the link is spent.
    const check = await browser.newContext();
    await check.addCookies(oldCookies);
    expect((await check.request.get(api)).status()).toBe(401);
    await check.close();
    await visitor.goto(link);
    await expect(visitor.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
    await other.close();
  });

  test("the answer is the same for an address without an account, and no mail is sent", async ({ page }) => {
    const email = uniqueEmail("nobody");
    await page.goto("/forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.getByRole("status")).toContainText(`If there is a Preflight account for ${email}`);
    await page.waitForTimeout(1000);
    expect(mailCount(email)).toBe(0);
  });
});

test.describe("verified email", () => {
  test("a new account confirms its address with the mailed link", async ({ page }) => {
    const email = uniqueEmail("confirm");
    await signUp(page, { name: "Conny Confirm", email, organization: "Confirm Co", verify: false });
    await expect(page.getByText(`Confirm your email address (${email})`)).toBeVisible();
    const mail = await waitForMail(email, /Confirm your email address/);
    expect(mail.body).toContain("within 24 hours");
    await confirmEmail(page, email);
    await page.goto("/account");
    await expect(page.getByText(`${email} is confirmed.`)).toBeVisible();
    await page.goto("/");
    await expect(page.getByText(`Confirm your email address (${email})`)).toHaveCount(0);
  });
});

test.describe("single sign-on", () => {
  async function signInAtProvider(page: Page, login: string) {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Continue with Test SSO" }).click();
    // The test provider's development login and consent pages.
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill("anything");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
  }

  test("a new person signs in through the OIDC provider and can create their organisation", async ({ page }) => {
    const email = uniqueEmail("sso-new");
    await signInAtProvider(page, email);
    await expect(page).toHaveURL(/\/welcome$/);
    await expect(page.getByRole("heading", { name: "You are not in any organisation" })).toBeVisible();
    await page.goto("/account");
    await expect(page.getByText(`${email} is confirmed.`)).toBeVisible();
  });

  test("an existing account is linked by its verified email and opens its organisation", async ({ page, browser }) => {
    const email = uniqueEmail("sso-existing");
    const other = await browser.newContext();
    const slug = await signUp(await other.newPage(), { name: "Sam Existing", email, organization: "SSO Linked Co" });
    await other.close();
    await signInAtProvider(page, email);
    await expect(page).toHaveURL(new RegExp(`/o/${slug}/dashboard$`));
  });

  test("a provider that does not vouch for the email signs no one in", async ({ page }) => {
    await signInAtProvider(page, `unverified-${uniqueEmail("sso")}`);
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByText("did not confirm your email address")).toBeVisible();
  });
});
