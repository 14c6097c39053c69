import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import {
  DEMO_ORG_SLUG,
  chooseFilter,
  orgUrlPattern,
  pageWidth,
  printToPdf,
  signIn,
  signUp,
  snap,
  squeeze,
  uniqueEmail,
} from "./helpers";

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
  // The verdicts and the funnel are HTML bars; the trend and the cost scatter load Recharts lazily.
  await expect(page.getByRole("list", { name: "Pilots per verdict" }).getByRole("listitem")).toHaveCount(6);
  await expect(page.locator(".recharts-wrapper")).toHaveCount(2); // the charts render
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

/** The number at the end of a bar's text ("Blocked 3 pilots" → 3). */
async function barCount(bar: Locator): Promise<number> {
  const match = /(\d[\d,]*)\s*pilots?\s*$/.exec((await bar.innerText()).trim());
  if (!match) throw new Error(`No count in "${await bar.innerText()}"`);
  return Number(match[1]!.replace(/,/g, ""));
}

test("every figure is a door: gaps, verdicts, stages and heatmap cells open what they count", async ({ page }) => {
  const slug = await signIn(page, "exec@preflight.test", "fly-to-production");
  const pilots = figure(page, "Pilots");

  // A recurring gap lists exactly the pilots below target on it: its count is the list's total.
  const gaps = page.getByRole("region", { name: "Gaps that recur across the portfolio" });
  const gap = gaps.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Data quality checks" }) });
  const gapCount = Number(/(\d+) of [\d,]+ pilots?/.exec(await gap.innerText())![1]);
  expect(gapCount).toBeGreaterThan(1);
  await gap.getByRole("link", { name: "Data quality checks" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/pilots\\?(.*&)?gap=data\\.quality-checks(&|$)`));
  await expect(page.getByText("Below target on:")).toContainText("Data quality checks");
  await expect(page.getByText(/^Showing 1–\d+ of \d+ pilots/)).toContainText(`of ${gapCount} pilots`);
  const list = page.getByRole("table");
  await expect(list.getByRole("row")).toHaveCount(gapCount + 1); // and the header row
  // From the demo data: fraud ring detection has no data quality checks; claims intake triage has them.
  await expect(list.getByRole("link", { name: "Fraud ring detection" })).toBeVisible();
  await expect(list.getByRole("link", { name: "Claims intake triage" })).toHaveCount(0);

  // A verdict bar filters the dashboard by that verdict: in the URL, and every figure follows.
  await page.goto(`/o/${slug}/dashboard`);
  const verdicts = page.getByRole("list", { name: "Pilots per verdict" });
  const blocked = verdicts.getByRole("link", { name: /^Blocked/ });
  const blockedCount = await barCount(blocked);
  await blocked.click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/dashboard\\?verdict=BLOCKED$`));
  await expect(pilots).toContainText(new RegExp(`^${blockedCount}`));
  await expect(verdicts.getByRole("listitem").filter({ hasText: "Blocked" })).toContainText("(in the filter)");
  await expect(page.locator("#heatmap").getByRole("link", { name: "Claims intake triage" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Filter the portfolio" }).locator("summary")).toContainText([
    "Verdicts: Blocked",
  ]);

  // A funnel stage does the same with the stage.
  await page.goto(`/o/${slug}/dashboard`);
  const funnel = page.getByRole("list", { name: /^Pilots per stage/ });
  const pilotStage = funnel.getByRole("link", { name: /^Pilot (Median|No stays)/ });
  const inPilot = await barCount(pilotStage);
  await pilotStage.click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/dashboard\\?stage=PILOT$`));
  await expect(pilots).toContainText(new RegExp(`^${inPilot}`));

  // A heatmap score opens the assessment it comes from: the pilot's latest results.
  await page.goto(`/o/${slug}/dashboard`);
  const row = page
    .locator("#heatmap tbody tr")
    .filter({ has: page.getByRole("link", { name: "Claims intake triage", exact: true }) });
  const readiness = row.getByRole("link").nth(1); // after the pilot's name
  await expect(readiness).toHaveText(/^\d+(\.\d)?$/);
  await readiness.click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/pilots/[^/]+/assessments/[^/?#]+$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Assessment results: Claims intake triage");
  const resultsUrl = page.url();

  // Any other score of the row opens the same results (one link per pilot for the keyboard,
  // the whole row of scores for the mouse).
  await page.goto(`/o/${slug}/dashboard`);
  await expect(row.getByRole("link")).toHaveCount(2); // the name and the readiness score
  await row.locator("td").nth(3).click(); // a pillar's score
  await expect(page).toHaveURL(resultsUrl);

  // The heatmap's column headers still sort by their pillar.
  await page.goto(`/o/${slug}/dashboard`);
  const pillarHeader = page.locator("#heatmap thead th").nth(3);
  const pillarTitle = (await pillarHeader.innerText()).trim();
  await pillarHeader.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/dashboard\\?sort=pillar%3A[a-z]+#heatmap$`));
  await expect(page.locator("#heatmap").getByRole("columnheader", { name: pillarTitle })).toHaveAttribute(
    "aria-sort",
    "ascending",
  );
});

test("filters with several values live in the URL and survive a reload", async ({ page }) => {
  const slug = await signIn(page, "exec@preflight.test", "fly-to-production");
  const pilots = figure(page, "Pilots");
  await expect(pilots).toContainText(/^11/);
  const form = page.getByRole("form", { name: "Filter the portfolio" });
  await chooseFilter(form, "Business unit", "Claims");
  await chooseFilter(form, "Business unit", "Personal Lines");
  await form.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/dashboard\\?`));
  expect(new URL(page.url()).searchParams.getAll("unit").sort()).toEqual(["Claims", "Personal Lines"]);
  // Four Claims pilots and two in Personal Lines.
  await expect(pilots).toContainText(/^6/);
  await expect(page.locator("#heatmap").getByRole("link", { name: "Renewal churn early warning" })).toBeVisible();
  await expect(page.locator("#heatmap").getByRole("link", { name: "Marketing copy generator" })).toHaveCount(0);

  await page.reload();
  await expect(pilots).toContainText(/^6/);
  const units = form.getByRole("group", { name: "Business unit", exact: true });
  await expect(units.locator("summary")).toHaveText("Units: Claims, Personal Lines");
  // The boxes sit in a closed disclosure: found by value, not by role (hidden from the accessibility tree).
  await expect(units.locator('input[value="Claims"]')).toBeChecked();
  await expect(units.locator('input[value="Personal Lines"]')).toBeChecked();
  await expect(units.locator('input[value="Marketing"]')).not.toBeChecked();
  // Links out of the dashboard keep both: the rollup, the stage tiles and the CSV export.
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute(
    "href",
    /unit=Claims&unit=Personal\+Lines/,
  );
});

test("the dashboard prints on A4 without losing columns, and fits a phone", async ({ page }) => {
  const slug = await signIn(page, "exec@preflight.test", "fly-to-production");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/o/${slug}/dashboard`);
  await expect(page.locator(".recharts-wrapper")).toHaveCount(2);
  await snap(page, "dashboard-1440");

  // The trend's tooltip says how many pilots each month's point stands for.
  const trend = page.getByRole("region", { name: "Readiness over time" }).locator(".recharts-wrapper");
  const box = (await trend.boundingBox())!;
  await trend.hover({ position: { x: box.width - 24, y: box.height / 2 } }); // the latest month
  await expect(trend.locator(".recharts-tooltip-wrapper")).toContainText(
    /End of \w+ \d{4}\s*\d+ of \d+ pilots assessed/,
  );
  // Every point of the cost scatter lies inside its axes.
  const scatter = page.getByRole("region", { name: "Cost per outcome against readiness" }).locator(".recharts-wrapper");
  const outside = await scatter.evaluate((chart) => {
    const grid = chart.querySelector(".recharts-cartesian-grid")!.getBoundingClientRect();
    const points = [...chart.querySelectorAll(".recharts-scatter-symbol")].map((p) => p.getBoundingClientRect());
    const out = points.filter((p) => {
      const x = p.x + p.width / 2;
      const y = p.y + p.height / 2;
      return x < grid.left - 0.5 || x > grid.right + 0.5 || y < grid.top - 0.5 || y > grid.bottom + 0.5;
    });
    return { points: points.length, outside: out.length };
  });
  expect(outside.points).toBeGreaterThan(0);
  expect(outside.outside).toBe(0);

  // What the screen shows that the paper must show too.
  const headers = (await page.locator("#heatmap thead th").allInnerTexts()).map((t) => t.trim());
  expect(headers.length).toBeGreaterThan(3 + 3); // pilot, verdict, readiness and the pillars
  const stalled = page.getByRole("region", { name: /^Stalled pilots \(/ });
  const stalledNames = (await stalled.getByRole("rowheader").allInnerTexts()).map((t) => t.trim());
  expect(stalledNames.length).toBeGreaterThan(0);

  // Printed as a browser prints: A4 portrait, the page's print stylesheet.
  const { text, pages } = await printToPdf(page, "dashboard-print");
  const paper = squeeze(text);
  for (const title of [...headers, ...stalledNames]) expect(paper, `"${title}" is printed`).toContain(squeeze(title));
  // The filters are printed as a line of text, in place of the filter bar and its buttons.
  expect(paper).toContain(squeeze("Filters: Business units: all · Owning teams: all · Stages: all but retired"));
  expect(paper).not.toContain("Applyfilters");
  expect(paper).not.toContain("Signout");
  // The numbers behind the trend print open.
  expect(paper).toContain(squeeze("Assessed pilots"));
  expect(pages).toBeLessThanOrEqual(6);

  // A phone: nothing makes the page scroll sideways; wide tables scroll inside their own box.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.locator(".recharts-wrapper")).toHaveCount(2);
  const width = await pageWidth(page);
  expect(width.scrollWidth, `wider than the screen: ${width.wide.join(" | ")}`).toBeLessThanOrEqual(390);
  await snap(page, "dashboard-390");
});
