import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signUp, snap, uniqueEmail } from "./helpers";

/** The value of one headline figure, found by its label. */
function figure(page: Page, label: string) {
  return page
    .getByRole("region", { name: "Headline figures" })
    .locator("div")
    .filter({ has: page.locator("dt").getByText(label, { exact: true }) })
    .locator("dd");
}

test("an executive sees the portfolio, filters it through the URL and downloads the CSV", async ({ page }) => {
  // Executives are viewers; the demo organisation has a dozen assessed pilots.
  await signIn(page, "exec@preflight.test", "fly-to-production");
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
  const pilots = figure(page, "Pilots");
  await expect(pilots).toContainText(/^12/);
  await expect(page.getByRole("heading", { name: "Readiness by pilot and pillar" })).toBeVisible();
  await expect(page.locator("#heatmap").getByRole("link", { name: "Claims intake triage" })).toBeVisible();
  await expect(page.locator(".recharts-wrapper").first()).toBeVisible(); // the charts render
  expect(await page.locator(".recharts-wrapper").count()).toBeGreaterThanOrEqual(4);
  await snap(page, "14-dashboard");

  // Re-sort the heatmap and regroup the rollup: both are links that keep the state in the URL.
  await page
    .locator("#heatmap")
    .getByRole("link", { name: /^Readiness/ })
    .click();
  await expect(page).toHaveURL(/sort=-readiness/);
  await expect(page.locator("#heatmap").getByRole("columnheader", { name: /Readiness/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  await page.getByRole("link", { name: "Group by owning team instead" }).click();
  await expect(page).toHaveURL(/groupBy=team/);
  await expect(page.getByRole("heading", { name: "By owning team" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Claims Operations Engineering" }).first()).toBeVisible();
  await page.goto("/dashboard");

  // Filter by business unit: the figures and the URL change.
  await page.getByRole("combobox", { name: "Business unit" }).selectOption("Claims");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/unit=Claims/);
  await expect(pilots).toContainText(/^4/);
  await expect(page.locator("#heatmap").getByRole("link", { name: "Renewal churn early warning" })).toHaveCount(0);
  await snap(page, "15-dashboard-filtered");

  // The view is shareable: opening the URL gives the same figures.
  await page.goto(page.url());
  await expect(pilots).toContainText(/^4/);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^preflight-portfolio-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8")
    .trim()
    .split("\n");
  expect(csv[0]).toContain("Pilot,Business unit,Owning team,Stage,Days in stage,Verdict,Readiness score");
  expect(csv).toHaveLength(1 + 4); // header + the four Claims pilots
  expect(csv.slice(1).every((line) => line.includes(",Claims,"))).toBe(true);
  expect(csv.join("\n")).toContain("Claims intake triage");
});

test("an organisation with pilots but no assessments shows 'not assessed', never zero", async ({ page }) => {
  await signUp(page, { name: "New Org", email: uniqueEmail("empty"), organization: "Unassessed Co" });
  await expect(page.getByRole("heading", { name: "No pilots yet" })).toBeVisible();
  await page.request.post("/api/pilots", {
    data: {
      name: "Unassessed pilot",
      summary: "s",
      workflow: "w",
      targetOutcome: "t",
      businessUnit: "Ops",
      owningTeam: "Team",
      stage: "PILOT",
    },
  });
  await page.goto("/dashboard");
  await expect(figure(page, "Median readiness")).toContainText("Not assessed");
  await expect(figure(page, "Share ready")).toContainText("Not assessed");
  await expect(page.getByText("Not assessed: no pilot in this view has a completed assessment yet.")).toBeVisible();
});
