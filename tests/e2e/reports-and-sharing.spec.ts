import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { extractText } from "unpdf";
import {
  DEMO_ORG_SLUG,
  NOT_FOUND_HEADING,
  clickAndConfirm,
  escapeRegExp,
  pageWidth,
  printToPdf,
  signIn,
  snapWidths,
} from "./helpers";

/** The value of one headline figure on the dashboard, found by its label. */
async function figureValue(page: Page, label: string): Promise<string> {
  const dd = page
    .getByRole("region", { name: "Headline figures" })
    .locator("div")
    .filter({ has: page.locator("dt").getByText(label, { exact: true }) })
    .locator("dd span")
    .first();
  return (await dd.innerText()).trim();
}

async function pdfTextOf(path: string): Promise<string> {
  return (await extractText(new Uint8Array(readFileSync(path)), { mergePages: true })).text;
}

/** Creates a share link from the page's "Share…" dialog and returns its URL (shown once). */
async function createShareLink(page: Page, options: { days?: string; passcode?: string } = {}): Promise<string> {
  await page.getByRole("button", { name: "Share…" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  if (options.days) await dialog.getByLabel("Expires after (days)").fill(options.days);
  if (options.passcode) await dialog.getByLabel(/^Passcode/).fill(options.passcode);
  await dialog.getByRole("button", { name: "Create link" }).click();
  const url = await dialog.getByLabel(/The link/).inputValue();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  return url;
}

test("the portfolio PDF carries the dashboard's headline figures; a share link opens without an account until revoked", async ({
  page,
  browser,
}) => {
  const slug = await signIn(page, "demo@preflight.test", "fly-to-production");
  expect(slug).toBe(DEMO_ORG_SLUG);
  await page.goto(`/o/${slug}/dashboard?unit=Claims`);
  const shown = {
    pilots: await figureValue(page, "Pilots"),
    ready: await figureValue(page, "Share ready"),
    median: await figureValue(page, "Median readiness"),
    stalled: await figureValue(page, "Stalled pilots"),
  };
  expect(shown.pilots).toBe("4");

  // Download the PDF of this view: the button carries the dashboard's filters.
  const pdfLink = page.getByRole("link", { name: "Download PDF" });
  await expect(pdfLink).toHaveAttribute("href", `/api/o/${slug}/reports/portfolio.pdf?unit=Claims`);
  const [download] = await Promise.all([page.waitForEvent("download"), pdfLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^preflight-meridian-insurance-group-portfolio-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = await pdfTextOf((await download.path())!);
  expect(text).toContain("Executive summary");
  expect(text).toContain("Business units: Claims");
  const headline: [string, string][] = [
    ["Pilots", shown.pilots],
    ["Share ready", shown.ready],
    ["Median readiness", shown.median],
    ["Stalled pilots", shown.stalled],
  ];
  for (const [label, value] of headline) {
    expect(text, `${label} ${value}`).toMatch(new RegExp(`${label}\\s*${escapeRegExp(value)}`));
  }
  expect(text).toContain("Claims intake triage");
  expect(text).toContain("Method: how scores and verdicts are computed");
  // The Word version downloads too.
  const [word] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download Word" }).click(),
  ]);
  expect(word.suggestedFilename()).toMatch(/\.docx$/);

  // Share this view: the link is shown once.
  const url = await createShareLink(page, { days: "7" });

  // A fresh browser, no account: the view, and nothing else of the organisation.
  const stranger = await browser.newContext();
  const visitor = await stranger.newPage();
  const response = await visitor.goto(url);
  expect(response?.status()).toBe(200);
  expect(response?.headers()["referrer-policy"]).toBe("no-referrer");
  await expect(
    visitor.getByRole("heading", { level: 1, name: /AI pilot portfolio — Meridian Insurance Group/ }),
  ).toBeVisible();
  await expect(visitor.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(visitor.getByRole("navigation")).toHaveCount(0);
  await expect(visitor.locator(`a[href*="/o/"], a[href*="/api/"]`)).toHaveCount(0);
  await expect(visitor.getByText("Business units: Claims")).toBeVisible();
  await expect(visitor.getByText("Claims intake triage").first()).toBeVisible();
  await expect(visitor.getByText("Renewal churn early warning")).toHaveCount(0);
  for (const [label, value] of Object.entries({ Pilots: shown.pilots, "Median readiness": shown.median })) {
    expect(await figureValue(visitor, label)).toBe(value);
  }
  // Query parameters do not widen the view.
  await visitor.goto(`${url}?unit=Retail&stage=RETIRED`);
  await expect(visitor.getByText("Renewal churn early warning")).toHaveCount(0);
  await visitor.goto(url);
  await visitor.setViewportSize({ width: 390, height: 844 });
  const width = await pageWidth(visitor);
  expect(width.scrollWidth, width.wide.join("\n")).toBeLessThanOrEqual(width.viewport);
  await snapWidths(visitor, "40-share-dashboard");
  // The organisation stays closed: its pages ask to sign in, its API answers 401.
  await visitor.goto(`/o/${slug}/pilots`);
  await expect(visitor).toHaveURL(/\/signin/);
  expect((await visitor.request.get(`/api/o/${slug}/pilots`)).status()).toBe(401);

  // Settings lists the link with its opens; revoking it closes it at once.
  await page.goto(`/o/${slug}/settings/share-links`);
  const row = page.getByRole("row").filter({ hasText: "Dashboard: Business units: Claims" }).first();
  await expect(row).toContainText("Active");
  // Status, expires, last opened, opens (the first column is the row header): opened at least once.
  await expect(row.getByRole("cell").nth(3)).toHaveText(/^[1-9]\d*$/);
  await snapWidths(page, "41-share-links-settings");
  await clickAndConfirm(page, row.getByRole("button", { name: /^Revoke/ }), "Revoke link");
  await expect(page.getByRole("row").filter({ hasText: "Dashboard: Business units: Claims" }).first()).toContainText(
    "Revoked",
  );
  const gone = await visitor.goto(url);
  expect(gone?.status()).toBe(404);
  await expect(visitor.getByRole("heading", { name: NOT_FOUND_HEADING })).toBeVisible();
  expect((await visitor.request.get(`${url}/report.pdf`)).status()).toBe(404);
  await stranger.close();
});

test("a pilot's report shared with a passcode asks for it, and shows that pilot only", async ({ page, browser }) => {
  const slug = await signIn(page, "demo@preflight.test", "fly-to-production");
  await page.goto(`/o/${slug}/pilots`);
  await page.getByRole("link", { name: "Claims intake triage" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Claims intake triage" })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download PDF" }).click(),
  ]);
  const text = await pdfTextOf((await download.path())!);
  expect(text).toContain("Readiness report: Claims intake triage");
  expect(text).toContain("Next step:");

  // The page itself prints as a report on A4: no buttons, no navigation.
  const printed = await printToPdf(page, "43-pilot-print");
  expect(printed.text).toContain("Claims intake triage");
  expect(printed.text).toContain("Production readiness");
  expect(printed.text).not.toContain("Download PDF");
  expect(printed.pages).toBeLessThanOrEqual(3);

  const url = await createShareLink(page, { passcode: "board-2026" });
  const stranger = await browser.newContext();
  const visitor = await stranger.newPage();
  await visitor.goto(url);
  await expect(visitor.getByRole("heading", { name: "This report is protected by a passcode" })).toBeVisible();
  await visitor.getByLabel("Passcode").fill("wrong guess");
  await visitor.getByRole("button", { name: "Open the report" }).click();
  await expect(visitor.getByRole("alert").filter({ hasText: "That passcode is not right" })).toBeVisible();
  await visitor.getByLabel("Passcode").fill("board-2026");
  await visitor.getByRole("button", { name: "Open the report" }).click();
  await expect(
    visitor.getByRole("heading", { level: 1, name: "Readiness report: Claims intake triage" }),
  ).toBeVisible();
  await expect(visitor.getByText("Top gaps and next steps")).toBeVisible();
  await expect(visitor.locator(`a[href*="/o/"]`)).toHaveCount(0);
  await snapWidths(visitor, "42-share-pilot");
  // Remembered for the session: a reload shows the report again.
  await visitor.reload();
  await expect(
    visitor.getByRole("heading", { level: 1, name: "Readiness report: Claims intake triage" }),
  ).toBeVisible();
  await stranger.close();
});
