import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_ORG_SLUG, chooseFilter, orgUrlPattern, signIn, signUp, snap, uniqueEmail } from "./helpers";

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
  const slug = await signIn(page, "exec@preflight.test", "fly-to-production");
  expect(slug).toBe(DEMO_ORG_SLUG);
  await expect(page).toHaveURL(orgUrlPattern(slug, "/dashboard"));
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
  const pilots = figure(page, "Pilots");
  // A dozen pilots, one of them retired: the figures leave retired pilots out.
  await expect(pilots).toContainText(/^11/);
  await expect(pilots).toContainText("1 retired not counted");
  await expect(page.getByRole("heading", { name: "Readiness by pilot and pillar" })).toBeVisible();
  await expect(page.locator("#heatmap").getByRole("link", { name: "Claims intake triage" })).toBeVisible();
  await expect(page.locator(".recharts-wrapper").first()).toBeVisible(); // the charts render
  expect(await page.locator(".recharts-wrapper").count()).toBeGreaterThanOrEqual(4);
  await snap(page, "14-dashboard");

  // Re-sort the heatmap and regroup the rollup: both are links that keep the state in the URL.
  const sortByReadiness = page.locator("#heatmap").getByRole("link", { name: /^Readiness/ });
  await expect(sortByReadiness).toHaveAttribute("href", new RegExp(`^/o/${slug}/dashboard\\?`));
  await sortByReadiness.click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/dashboard\\?(.*&)?sort=-readiness(&|#|$)`));
  await expect(page.locator("#heatmap").getByRole("columnheader", { name: /Readiness/ })).toHaveAttribute(
    "aria-sort",
    "descending",
  );
  await page.getByRole("link", { name: "Group by owning team instead" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/dashboard\\?(.*&)?groupBy=team(&|#|$)`));
  await expect(page.getByRole("heading", { name: "By owning team" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Claims Operations Engineering" }).first()).toBeVisible();
  await page.goto(`/o/${slug}/dashboard`);

  // Filter by business unit: the figures and the URL change.
  const filterForm = page.getByRole("form", { name: "Filter the portfolio" });
  await chooseFilter(filterForm, "Business unit", "Claims");
  await filterForm.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/dashboard\\?(.*&)?unit=Claims(&|$)`));
  await expect(pilots).toContainText(/^4/);
  await expect(page.locator("#heatmap").getByRole("link", { name: "Renewal churn early warning" })).toHaveCount(0);
  await snap(page, "15-dashboard-filtered");

  // The view is shareable: opening the URL gives the same figures.
  await page.goto(page.url());
  await expect(pilots).toContainText(/^4/);

  const exportLink = page.getByRole("link", { name: "Export CSV" });
  await expect(exportLink).toHaveAttribute("href", new RegExp(`^/api/o/${slug}/portfolio/export\\?(.*&)?unit=Claims`));
  const [download] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^preflight-portfolio-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, "utf8")
    .replace(/^\uFEFF/, "") // a byte-order mark, if any, for spreadsheet apps
    .trim()
    .split(/\r?\n/);
  expect(csv[0]).toMatch(/^Pilot,Business unit,Owning team,(.*,)?Stage,Days in stage,Verdict,Readiness score(,|\s*$)/);
  expect(csv).toHaveLength(1 + 4); // header + the four Claims pilots
  expect(csv.slice(1).every((line) => line.includes(",Claims,"))).toBe(true);
  expect(csv.join("\n")).toContain("Claims intake triage");
});

test("an organisation with pilots but no assessments shows 'not assessed', never zero", async ({ page }) => {
  const slug = await signUp(page, { name: "New Org", email: uniqueEmail("empty"), organization: "Unassessed Co" });
  await expect(page.getByRole("heading", { name: "No pilots yet" })).toBeVisible();
  const created = await page.request.post(`/api/o/${slug}/pilots`, {
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
  expect(created.status()).toBe(201);
  const { id } = await created.json();
  expect(created.headers()["location"]).toBe(`/api/o/${slug}/pilots/${id}`);
  // The list is paginated: the pilots of this page and the figures to page through them.
  const list = await page.request.get(`/api/o/${slug}/pilots`);
  expect(list.status()).toBe(200);
  const body = await list.json();
  expect(body).toMatchObject({ total: 1, page: 1, pageCount: 1 });
  expect(body.pageSize).toBeGreaterThanOrEqual(1);
  expect(body.pilots).toHaveLength(1);
  expect(body.pilots[0]).toMatchObject({ id, name: "Unassessed pilot" });

  await page.goto(`/o/${slug}/dashboard`);
  await expect(figure(page, "Median readiness")).toContainText("Not assessed");
  await expect(figure(page, "Share ready")).toContainText("Not assessed");
  await expect(page.getByText("Not assessed: no pilot in this view has a completed assessment yet.")).toBeVisible();
});
