import { expect, test, type Browser, type Page } from "@playwright/test";
import {
  clickAndConfirm,
  DESKTOP,
  orgSlugOf,
  pageWidth,
  PHONE,
  printToPdf,
  registerPilot,
  signUp,
  snap,
  squeeze,
  uniqueEmail,
} from "./helpers";

const FIRST = "Scheduled, governed data feed";
const SECOND = "Data quality checks";

/** A participant in a browser context of their own (no account), joined by name. */
async function joinAs(browser: Browser, code: string, name: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`/w/${code.toLowerCase()}`); // typed in lower case: the page takes it
  await expect(page).toHaveURL(new RegExp(`/w/${code}$`));
  if (viewport.width === PHONE.width) await snap(page, "workshop-join-390");
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Join", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: FIRST })).toBeVisible();
  return { context, page };
}

const vote = (page: Page, choice: RegExp) => page.getByRole("button", { name: choice }).click();

test("a facilitator runs a workshop with three participants; closing it writes the pilot's assessment", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESKTOP);
  const slug = await signUp(page, { name: "Fran Facilitator", email: uniqueEmail("fac"), organization: "Workshop Co" });
  const pilotId = await registerPilot(page, "Claims triage assistant");

  // Set up: two criteria of one pilot, anonymous votes.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workshops" }).click();
  await page.getByLabel("Title").fill("Claims discovery");
  await page.getByRole("radio", { name: /Some, for a short session/ }).check();
  await snap(page, "workshops-new-1440");
  await page.getByRole("radio", { name: "All criteria" }).check();
  await page.getByRole("checkbox", { name: "Claims triage assistant" }).check();
  await page.getByRole("radio", { name: /Some, for a short session/ }).check();
  await page.getByRole("checkbox", { name: FIRST }).check();
  await page.getByRole("checkbox", { name: SECOND }).check();
  await page.getByRole("button", { name: "Create workshop" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Claims discovery" })).toBeVisible();
  await page.getByRole("button", { name: "Open the workshop" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/workshops/[^/]+/present$`));
  const code = /\/w\/([A-Z2-9]{6})/.exec(await page.locator("p", { hasText: "Join at" }).innerText())![1]!;
  await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();

  const ada = await joinAs(browser, code, "Ada", PHONE);
  const bo = await joinAs(browser, code, "Bo", DESKTOP);
  const cy = await joinAs(browser, code, "Cy", DESKTOP);

  // Private votes; a vote can change until the reveal.
  await vote(ada.page, /^1 · Ad hoc/);
  await expect(ada.page.getByText("Vote recorded")).toBeVisible();
  await vote(ada.page, /^2 · Defined/);
  await expect(ada.page.getByRole("button", { name: /^2 · Defined/ })).toHaveAttribute("aria-pressed", "true");
  await vote(bo.page, /^0 · Absent/);
  await vote(cy.page, /^Don't know/);
  await expect(page.getByText("3 of 3 have voted")).toBeVisible();
  await snap(ada.page, "workshop-participant-390-voting");
  expect((await pageWidth(ada.page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);

  // Reveal with R: the distribution, the median, the disagreement flag.
  await page.keyboard.press("r");
  const votes = page.getByRole("list", { name: "Votes by level" });
  await expect(votes).toBeVisible();
  await expect(page.getByText(/Disagreement: the votes span 2 levels/)).toBeVisible();
  await expect(ada.page.getByRole("heading", { name: "The room's votes" })).toBeVisible();
  await snap(ada.page, "workshop-participant-390-revealed");

  // Agree a level with a note and "verify with evidence"; typing in the note moves nothing.
  await page.getByLabel("Note").fill("Feed exists 1 2 3 but is not documented");
  await page.getByLabel(/Verify with evidence/).check();
  await page.getByRole("button", { name: /^1\s*Ad hoc$/ }).click();
  await page.getByRole("button", { name: "Record agreement" }).click();
  await expect(page.getByText("Recorded: 1 · Ad hoc · verify with evidence")).toBeVisible();
  await snap(page, "workshop-presenter-1440-revealed");

  // Next with →: every participant's screen follows by itself.
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("heading", { level: 2, name: SECOND })).toBeVisible();
  for (const p of [ada.page, bo.page, cy.page]) {
    await expect(p.getByRole("heading", { level: 1, name: SECOND })).toBeVisible({ timeout: 3000 });
  }
  // A reload comes back to the current item with the vote.
  await vote(bo.page, /^3 · Automated/);
  await bo.page.reload();
  await expect(bo.page.getByRole("button", { name: /^3 · Automated/ })).toHaveAttribute("aria-pressed", "true");
  await vote(ada.page, /^3 · Automated/);
  await vote(cy.page, /^3 · Automated/);
  await expect(page.getByText("3 of 3 have voted")).toBeVisible();
  await page.getByRole("button", { name: /Reveal votes/ }).click();
  await expect(page.getByText(/Median\s*3/)).toBeVisible();
  await page.keyboard.press("3"); // records level 3 at once
  await expect(page.getByText("Recorded: 3 · Automated")).toBeVisible();
  await snap(page, "workshop-presenter-1440-second");

  // Close: the agreed levels become the pilot's assessment.
  await clickAndConfirm(page, page.getByRole("button", { name: "Close workshop" }), "Close and write assessments");
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/workshops/[^/?]+(\\?.*)?$`));
  await expect(page.getByRole("heading", { name: "Follow-ups" })).toBeVisible();
  const followUps = page.getByRole("region", { name: "Follow-ups" });
  await expect(followUps.getByText(`Claims triage assistant: ${FIRST}`)).toBeVisible();
  await snap(page, "workshop-summary-1440");
  const printed = await printToPdf(page, "workshop-summary");
  expect(printed.pages).toBe(1);
  for (const text of ["Claims discovery", FIRST, SECOND, "Follow-ups", "Verify with evidence"])
    expect(squeeze(printed.text)).toContain(squeeze(text));

  await expect(ada.page.getByText("This workshop has closed.")).toBeVisible({ timeout: 5000 });
  await snap(ada.page, "workshop-participant-390-closed");

  // The pilot's page: an assessment from the workshop, in progress (criteria not covered are unanswered).
  await page.goto(`/o/${orgSlugOf(page)}/pilots/${pilotId}`);
  await expect(page.getByText(/From the workshop “Claims discovery”.*3 participants/)).toBeVisible();
  await page.getByRole("link", { name: /In progress — continue/ }).click();
  await expect(page.getByText("From the workshop “Claims discovery”")).toBeVisible();
  await page.getByText("The room's votes on each answer").click();
  await expect(
    page.getByText(/Scheduled, governed data feed: 0: 1 · 1: 0 · 2: 1 · 3: 0 · don't know: 1/),
  ).toBeVisible();
  await expect(page.locator('input[name="level-data.scheduled-feed"][value="1"]')).toBeChecked();
  await expect(page.locator('input[name="level-data.quality-checks"][value="3"]')).toBeChecked();
  await expect(page.locator('input[name="level-data.lineage-versioning"]:checked')).toHaveCount(0);

  for (const p of [ada, bo, cy]) await p.context.close();
});
