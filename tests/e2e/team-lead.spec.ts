import { expect, test, type Page } from "@playwright/test";
import {
  DEMO_ORG_SLUG,
  chooseFilter,
  NOT_FOUND_HEADING,
  PHONE,
  createOrganization,
  escapeRegExp,
  pageWidth,
  registerPilot,
  signIn,
  signUp,
  snapWidths,
  uniqueEmail,
} from "./helpers";

/**
 * A team lead's quarter: re-assessing a pilot from last quarter's answers, coming back to an
 * assessment half done, moving a pilot on past the stage gate, and doing it all on a phone.
 */

interface Framework {
  pillars: { key: string; title: string; criteria: { key: string; title: string }[] }[];
}

/** Starts an assessment of the pilot through the API, answers every criterion and completes it. */
async function assessThroughApi(page: Page, slug: string, pilotId: string, level: (key: string) => number) {
  const started = await page.request.post(`/api/o/${slug}/pilots/${pilotId}/assessments`);
  expect(started.status()).toBe(201);
  const { id } = (await started.json()) as { id: string };
  const detail = (await (await page.request.get(`/api/o/${slug}/assessments/${id}`)).json()) as {
    framework: Framework;
  };
  const keys = detail.framework.pillars.flatMap((p) => p.criteria.map((c) => c.key));
  for (const criterionKey of keys) {
    const saved = await page.request.put(`/api/o/${slug}/assessments/${id}/answers`, {
      data: { criterionKey, expectedVersion: 0, level: level(criterionKey) },
    });
    expect(saved.status(), criterionKey).toBe(200);
  }
  expect((await page.request.post(`/api/o/${slug}/assessments/${id}/complete`)).status()).toBe(200);
  return { id, framework: detail.framework, criteria: keys.length };
}

const CARRIED = "Carried over — confirm or change";

/** The card of one criterion in the assessment (a region named by its title). */
const card = (page: Page, title: string) => page.getByRole("region", { name: title, exact: true });

test("a re-assessment starts from last quarter's answers: confirm one, change one, complete", async ({ page }) => {
  test.setTimeout(180_000);
  const slug = await signUp(page, { name: "Lee Lead", email: uniqueEmail("carry"), organization: "Carry Over Co" });
  const pilotId = await registerPilot(page, "Quarterly claims pilot");
  const first = await assessThroughApi(page, slug, pilotId, () => 2);

  await page.goto(`/o/${slug}/pilots/${pilotId}`);
  await page.getByRole("button", { name: "Start new assessment" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${escapeRegExp(slug)}/pilots/${pilotId}/assessments/[^/?]+$`));
  // Every answer is carried over and unconfirmed, so it opens on the first step.
  await expect(page.getByRole("heading", { level: 1, name: "Governed data" })).toBeVisible();
  await expect(page.getByText(`${first.criteria} answers were carried over`)).toBeVisible();
  const firstPillar = first.framework.pillars[0]!;
  await expect(page.getByText(CARRIED)).toHaveCount(firstPillar.criteria.length);
  await snapWidths(page, "team-lead-01-carried-over");

  // Confirm the first answer as it is.
  const confirmed = card(page, firstPillar.criteria[0]!.title);
  await confirmed.getByRole("button", { name: /^Confirm the carried-over answer/ }).click();
  await expect(confirmed.getByText(CARRIED)).toHaveCount(0);
  await expect(confirmed.getByRole("status")).toHaveText("Saved");
  // Change the second one.
  const changed = card(page, firstPillar.criteria[1]!.title);
  await changed.getByRole("radio", { name: /Level 3/ }).check();
  await expect(changed.getByRole("status")).toHaveText("Saved");
  await expect(changed.getByText(CARRIED)).toHaveCount(0);
  await expect(page.getByText(CARRIED)).toHaveCount(firstPillar.criteria.length - 2);
  await snapWidths(page, "team-lead-02-confirmed-and-changed");

  await page
    .getByRole("navigation", { name: "Assessment steps" })
    .getByRole("button", { name: /Review and complete/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Review and complete" })).toBeVisible();
  const unconfirmed = first.criteria - 2;
  await expect(page.getByText(`${unconfirmed} answers were carried over and not confirmed`).first()).toBeVisible();
  await snapWidths(page, "team-lead-03-review");

  // Completing with unconfirmed answers asks once.
  await page.getByRole("button", { name: "Complete assessment" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Complete with unconfirmed answers?" });
  await expect(dialog).toBeVisible();
  await snapWidths(page, "team-lead-04-complete-dialog");
  await dialog.getByRole("button", { name: "Complete anyway" }).click();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);

  await expect(page.getByRole("heading", { level: 1, name: /Assessment results/ })).toBeVisible();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  // Every answer but the changed one is unchanged; the confirmed one counts as confirmed.
  await expect(page.getByText(`${first.criteria - 1} answers were carried over unchanged`)).toBeVisible();
  await expect(page.getByText(`${unconfirmed} of them never confirmed`)).toBeVisible();
  await expect(page.getByText("1 carried-over answer was changed.")).toBeVisible();
  const changes = page.getByRole("table", { name: /Criteria whose answer changed since/ });
  await expect(changes).toBeVisible();
  const row = changes.getByRole("row", { name: new RegExp(escapeRegExp(firstPillar.criteria[1]!.title)) });
  await expect(row).toContainText("Level 2 (Defined)");
  await expect(row).toContainText("Level 3 (Automated)");
  await expect(changes.getByRole("row")).toHaveCount(2); // the header and the one change
  await snapWidths(page, "team-lead-05-results");
});

test("an assessment left half done reopens at the first step still to answer", async ({ page }) => {
  test.setTimeout(120_000);
  const slug = await signUp(page, { name: "Rae Resume", email: uniqueEmail("resume"), organization: "Resume Co" });
  const pilotId = await registerPilot(page, "Resumable pilot");
  await page.getByRole("button", { name: "Start assessment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Governed data" })).toBeVisible();
  const url = page.url();

  const levels = page.locator('main input[type="radio"][value="2"]');
  const count = await levels.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++) await levels.nth(i).check();
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();

  // Leave, then come back from the pilot's page.
  await page.goto(`/o/${slug}/pilots/${pilotId}`);
  await expect(page.getByText("In progress — continue")).toBeVisible();
  await page.getByRole("button", { name: "Continue assessment" }).click();
  await expect(page).toHaveURL(url);
  await expect(page.getByRole("heading", { level: 1, name: "Automated evaluation" })).toBeVisible();
  await expect(page.getByText("Step 2 of 7", { exact: true }).first()).toBeVisible();
  await snapWidths(page, "team-lead-06-resumed");

  // The first step kept its answers.
  await page
    .getByRole("navigation", { name: "Assessment steps" })
    .getByRole("button", { name: /Governed data/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Governed data" })).toBeVisible();
  await expect(page.locator('main input[type="radio"][value="2"]:checked')).toHaveCount(count);
});

test("moving an unassessed pilot to Production intent asks for a reason and records it", async ({ page }) => {
  const slug = await signUp(page, { name: "Gia Gate", email: uniqueEmail("gate"), organization: "Stage Gate Co" });
  const pilotId = await registerPilot(page, "Gated pilot");
  await page.goto(`/o/${slug}/pilots/${pilotId}/edit`);
  await page.getByRole("combobox", { name: /^Stage/ }).selectOption("PRODUCTION_INTENT");
  const question = page.getByRole("group", { name: /Move to Production intent anyway\?/ });
  await expect(question).toBeVisible();
  await expect(question).toContainText("No completed assessment yet");
  await snapWidths(page, "team-lead-07-stage-gate");

  const reason = page.getByRole("textbox", { name: /Reason for moving to Production intent anyway/ });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toBeFocused();
  await expect(page.locator("#stageReason-error")).toContainText(
    "Give a reason to move this pilot to Production intent",
  );
  await expect(page).toHaveURL(new RegExp(`/pilots/${pilotId}/edit$`));
  await snapWidths(page, "team-lead-08-stage-gate-error");

  const why = "Approved by the claims steering group; the guardrail gaps close before go-live.";
  await reason.fill(why);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Gated pilot" })).toBeVisible();
  const history = page.getByRole("region", { name: "Stage history" });
  await expect(history).toContainText("Production intent");
  await expect(history).toContainText(why);
  await snapWidths(page, "team-lead-09-stage-history");
});

test("control characters in a search, a form or an address get the product's answers, never a 500", async ({
  page,
}) => {
  const failures: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 500) failures.push(`${response.status()} ${response.url()}`);
  });
  const slug = await signUp(page, { name: "Cy Control", email: uniqueEmail("ctrl"), organization: "Control Co" });

  const search = await page.goto(`/o/${slug}/pilots?q=%00`);
  expect(search?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Pilots" })).toBeVisible();
  const bell = await page.goto(`/o/${slug}/pilots?q=a%07b&unit=%00`);
  expect(bell?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "Pilots" })).toBeVisible();

  const missing = await page.goto(`/o/${slug}/pilots/%00`);
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: NOT_FOUND_HEADING })).toBeVisible();
  // The branded page, with the product's header and a way back.
  await expect(page.getByRole("link", { name: /dashboard|pilots|home/i }).first()).toBeVisible();

  await page.goto(`/o/${slug}/pilots/new`);
  const name = page.getByRole("textbox", { name: "Name", exact: true });
  await name.fill("Placeholder");
  await page.getByLabel("One-line summary").fill("Drafts replies to supplier emails");
  await page.getByLabel("Workflow it changes").fill("Buyers answer supplier emails by hand");
  await page.getByLabel("Measurable outcome it targets").fill("Answer 80% of supplier emails within an hour");
  await page.getByLabel("Business unit").fill("Procurement");
  await page.getByLabel("Owning team").fill("Procurement Ops");
  await name.evaluate((input: HTMLInputElement) => {
    input.value = "Bell \u0007 pilot";
    input.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await page.getByRole("button", { name: "Register pilot" }).click();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#name-error")).toContainText("control characters");
  await expect(page).toHaveURL(new RegExp(`/o/${escapeRegExp(slug)}/pilots/new$`));
  await snapWidths(page, "team-lead-10-control-character");
  expect(failures).toEqual([]);
});

test("the registry shows each pilot's readiness, sorts and filters by it, and flags overdue dates", async ({
  page,
}) => {
  await signIn(page, "demo@preflight.test", "fly-to-production");
  await page.goto(`/o/${DEMO_ORG_SLUG}/pilots`);
  const table = page.getByRole("table", { name: "Pilots" });
  const row = (name: string) => table.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(row("Claims intake triage")).toContainText("Ready");
  await expect(row("Claims intake triage")).toContainText("81.8");
  await expect(row("Catastrophe exposure nowcasting")).toContainText("Not assessed");
  // Past its target date and not in production: said in words.
  await expect(row("Fraud ring detection").getByText("Overdue", { exact: true })).toBeVisible();
  await expect(row("Claims intake triage").getByText("Overdue", { exact: true })).toHaveCount(0); // in production
  await expect(row("HR policy assistant").getByText("Overdue", { exact: true })).toHaveCount(0); // retired
  await snapWidths(page, "team-lead-13-registry");

  // Sorted by readiness, most ready first, the pilots never assessed last — in both directions.
  /** Each row's readiness score, in the order shown (null: none). */
  const scores = () =>
    page
      .getByRole("table", { name: "Pilots" })
      .locator("tbody tr")
      .evaluateAll((rows) =>
        rows.map((row) => {
          const text = row.children[2]?.textContent ?? "";
          const match = /^\s*(\d+(?:\.\d+)?)/.exec(text);
          return match ? Number(match[1]) : null;
        }),
      );
  const sortedWithNullsLast = (values: (number | null)[], dir: "asc" | "desc") => {
    const scored = values.filter((v): v is number => v !== null);
    expect(values.slice(0, scored.length)).toEqual(scored); // no unscored pilot before a scored one
    expect(scored).toEqual([...scored].sort((x, y) => (dir === "asc" ? x - y : y - x)));
    expect(scored.length).toBeGreaterThan(3);
    expect(values.length).toBeGreaterThan(scored.length);
  };
  await table.getByRole("link", { name: "Readiness" }).click();
  await expect(page).toHaveURL(/[?&]sort=readiness&dir=desc/);
  await expect(page.getByRole("columnheader", { name: "Readiness" })).toHaveAttribute("aria-sort", "descending");
  sortedWithNullsLast(await scores(), "desc");
  await page.getByRole("table", { name: "Pilots" }).getByRole("link", { name: "Readiness" }).click();
  await expect(page).toHaveURL(/[?&]sort=readiness&dir=asc/);
  await expect(page.getByRole("columnheader", { name: "Readiness" })).toHaveAttribute("aria-sort", "ascending");
  sortedWithNullsLast(await scores(), "asc");

  // Filtered by verdict from the form, "Not assessed" included.
  const filters = page.getByRole("search", { name: "Filter pilots" });
  await chooseFilter(filters, "Latest verdict", "Not assessed");
  await chooseFilter(filters, "Latest verdict", "Ready");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]verdict=READY&verdict=NOT_ASSESSED/);
  await expect(page.getByText(/match these filters/)).toBeVisible();
  const names = async () =>
    (await page.getByRole("table", { name: "Pilots" }).getByRole("rowheader").allInnerTexts()).map(
      (t) => t.split("\n")[0],
    );
  const filtered = await names();
  expect(filtered).toContain("Claims intake triage");
  expect(filtered).toContain("Catastrophe exposure nowcasting");
  expect(filtered).not.toContain("Fraud ring detection");
  await expect(filters.locator("summary").filter({ hasText: "Verdicts: Ready, Not assessed" })).toBeVisible();
  // The dashboard's drill-down link (?verdict=…) opens the same filter, shown in the form.
  await page.goto(`/o/${DEMO_ORG_SLUG}/pilots?verdict=BLOCKED`);
  await expect(filters.locator("summary").filter({ hasText: "Verdicts: Blocked" })).toBeVisible();
  await expect(row("Contact centre agent assist")).toBeVisible();
});

test("when every pilot is archived, the empty list says so and opens the archive", async ({ page }) => {
  const slug = await signUp(page, { name: "Ari Archive", email: uniqueEmail("arch"), organization: "Archive Co" });
  for (const name of ["First archived pilot", "Second archived pilot"]) {
    await registerPilot(page, name);
    await page.getByRole("button", { name: "Archive" }).click();
    await expect(page.getByText(/This pilot was archived on/)).toBeVisible();
  }
  await page.goto(`/o/${slug}/pilots`);
  await expect(page.getByRole("heading", { name: "All 2 pilots are archived" })).toBeVisible();
  await snapWidths(page, "team-lead-14-all-archived");
  await page.getByRole("link", { name: "Open the archive" }).click();
  await expect(page).toHaveURL(/[?&]archived=1/);
  await expect(page.getByRole("link", { name: "Second archived pilot" })).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: PHONE });

  test("no page scrolls sideways at 390 px", async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, "demo@preflight.test", "fly-to-production");
    const widths: Record<string, number> = {};
    const check = async (name: string, path: string, ready: () => Promise<void>) => {
      await page.goto(path);
      await ready();
      const { scrollWidth, viewport, wide } = await pageWidth(page);
      widths[name] = scrollWidth;
      expect
        .soft(scrollWidth, `${name} (${path}) is ${scrollWidth} px wide: ${wide.join("; ")}`)
        .toBeLessThanOrEqual(viewport);
      expect.soft(viewport).toBe(PHONE.width);
      await snapWidths(page, `team-lead-phone-${name}`);
    };
    const org = `/o/${DEMO_ORG_SLUG}`;
    const h1 = (name: string | RegExp) => () => expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

    await check("dashboard", `${org}/dashboard`, h1(/Portfolio|Dashboard/));
    await check("pilots", `${org}/pilots`, h1("Pilots"));
    await page.getByRole("link", { name: "Contact centre agent assist" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Contact centre agent assist" })).toBeVisible();
    const pilotPath = new URL(page.url()).pathname;
    await check("pilot", pilotPath, h1("Contact centre agent assist"));
    await page.getByRole("link", { name: /In progress — (continue|view)/ }).click();
    await expect(page).toHaveURL(/\/assessments\/[^/?]+$/);
    await check("assessment", new URL(page.url()).pathname, async () => {
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    });
    // On a phone the question comes first: the step list is folded behind one bar.
    const steps = page.getByRole("navigation", { name: "Assessment steps" });
    const bar = page.getByRole("button", { name: /^Step \d+ of 7: / });
    await expect(steps).toBeHidden();
    await expect(bar).toHaveAttribute("aria-expanded", "false");
    const question = page.getByRole("heading", { level: 1 });
    expect((await question.boundingBox())!.y).toBeLessThan(PHONE.height / 2);
    await bar.click();
    await expect(steps).toBeVisible();
    await steps.getByRole("button", { name: /Guardrails/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Guardrails" })).toBeVisible();
    await expect(steps).toBeHidden();
    await expect(bar).toHaveAccessibleName(/^Step 3 of 7: Guardrails/);
    await page.goto(`${org}/pilots`);
    await page.getByRole("link", { name: "Claims intake triage" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Claims intake triage" })).toBeVisible();
    await page
      .getByRole("link", { name: /^View results/ })
      .first()
      .click();
    await expect(page).toHaveURL(/\/assessments\/[^/?]+$/);
    await check("results", new URL(page.url()).pathname, h1(/Assessment results/));
    await check("edit", `${pilotPath}/edit`, h1(/^Edit /));
    await check("settings", `${org}/settings`, h1("Settings"));
    await check("frameworks", `${org}/settings/frameworks`, h1(/Frameworks/));
    await page.getByRole("link", { name: "v1", exact: true }).first().click();
    await expect(page).toHaveURL(/\/settings\/frameworks\/[^/?]+$/);
    await check("framework-version", new URL(page.url()).pathname, async () => {
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    });
    console.log(`Widths at ${PHONE.width} px: ${JSON.stringify(widths)}`);
  });

  test("the organisation switcher shows each name whole", async ({ page }) => {
    await signUp(page, { name: "Olu Owner", email: uniqueEmail("orgs"), organization: "Acme Insurance" });
    // A second organisation with a long name.
    const slug = await createOrganization(page, "Northwind Mutual Reinsurance Partners");
    await page.goto(`/o/${slug}/pilots`);
    const switcher = page.getByRole("combobox", { name: "Organisation", exact: true });
    await expect(switcher).toBeVisible();
    await expect(switcher.locator("option:checked")).toContainText("Northwind Mutual Reinsurance Partners");
    // The name shows whole (wrapping if it must), with the role beside it, inside the screen.
    const shown = page.getByRole("banner").getByText("Northwind Mutual Reinsurance Partners", { exact: true });
    await expect(shown).toBeVisible();
    expect(await shown.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const box = (await shown.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await expect(page.getByRole("banner").getByText("Owner", { exact: true })).toBeVisible();
    const { scrollWidth, wide } = await pageWidth(page);
    expect(scrollWidth, wide.join("; ")).toBeLessThanOrEqual(PHONE.width);
    await snapWidths(page, "team-lead-11-org-switcher");
    // It still switches, on the phone.
    await switcher.selectOption({ label: "Acme Insurance · Owner" });
    await expect(page).toHaveURL(/\/o\/acme-insurance(-\d+)?\/dashboard$/);
    await expect(page.getByRole("banner").getByText("Acme Insurance", { exact: true })).toBeVisible();

    // A framework draft's editor (only an admin's), on the same phone.
    await page.goto(`/o/${slug}/settings/frameworks`);
    await page.getByRole("button", { name: "New draft from v1" }).first().click();
    await expect(page).toHaveURL(/\/settings\/frameworks\/[^/?]+(\?.*)?$/);
    await expect(page.getByRole("heading", { name: "Publish or discard" })).toBeVisible();
    const draft = await pageWidth(page);
    expect(draft.scrollWidth, draft.wide.join("; ")).toBeLessThanOrEqual(PHONE.width);
    await snapWidths(page, "team-lead-12-framework-draft");
  });
});
