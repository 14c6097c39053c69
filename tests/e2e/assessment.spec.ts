import { expect, test, type Page } from "@playwright/test";
import { escapeRegExp, orgSlugOf, registerPilot, signUp, snap, uniqueEmail } from "./helpers";

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabUntil(page: Page, matches: (el: Element) => boolean, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const ok = await page.evaluate(`(${matches.toString()})(document.activeElement)`);
    if (ok) return;
  }
  throw new Error("Focus never reached the expected element");
}

async function startAssessmentFromPilotPage(page: Page) {
  const slug = orgSlugOf(page);
  await page.getByRole("button", { name: /start assessment/i }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${escapeRegExp(slug)}/pilots/[^/]+/assessments/[^/?]+$`));
  await expect(page.getByRole("heading", { level: 1, name: "Governed data" })).toBeVisible();
}

test("a team lead completes a whole assessment with the keyboard alone and sees the verdict and gaps", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const slug = await signUp(page, { name: "Kim Keyboard", email: uniqueEmail("kbd"), organization: "Keyboard Co" });
  const pilotId = await registerPilot(page, "Keyboard pilot");
  await startAssessmentFromPilotPage(page);
  await snap(page, "08-assessment-step");

  const steps = await page.getByRole("navigation", { name: "Assessment steps" }).getByRole("button").count();
  for (let step = 0; step < steps - 1; step++) {
    const title = await page.getByRole("heading", { level: 1 }).innerText();
    const keys = await page
      .locator('input[type="radio"][value="0"]')
      .evaluateAll((els) => els.map((el) => (el as HTMLInputElement).name));
    for (const name of keys) {
      // Reach the criterion's level group, pick level 0 with Space, then move up with the arrows.
      await tabUntil(
        page,
        new Function("el", `return el instanceof HTMLInputElement && el.name === ${JSON.stringify(name)}`) as (
          el: Element,
        ) => boolean,
      );
      await page.keyboard.press("Space");
      // Gates to level 3; everything in observability stays at level 1 so the pilot has gaps.
      const target = name.includes("observability.") && !name.includes("cost-per-outcome") ? 1 : 3;
      for (let i = 0; i < target; i++) await page.keyboard.press("ArrowDown");
      await expect(page.locator(`input[name="${name}"][value="${target}"]`)).toBeChecked();
    }
    await tabUntil(
      page,
      (el) =>
        el instanceof HTMLButtonElement &&
        /^(Next: |Review and complete)/.test(el.textContent ?? "") &&
        el.closest("main") !== null &&
        el.closest("nav") === null,
    );
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(title);
  }
  await expect(page.getByRole("heading", { level: 1, name: "Review and complete" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "All changes saved" })).toBeVisible();
  await snap(page, "09-assessment-review");
  await tabUntil(page, (el) => el instanceof HTMLButtonElement && el.textContent === "Complete assessment");
  await page.keyboard.press("Enter");

  await expect(page.getByText("Assessment results", { exact: true })).toBeVisible();
  await expect(page.getByText(/Conditional|Not ready/).first()).toBeVisible();
  await expect(page.getByText("Traces of every request").first()).toBeVisible();
  // The results stay in the organisation's URL space.
  await expect(page).toHaveURL(new RegExp(`/o/${escapeRegExp(slug)}/pilots/${pilotId}/assessments/[^/?]+$`));
  await snap(page, "10-assessment-results");
});

test("two people editing one answer see the conflict and keep both values", async ({ page, browser }) => {
  await signUp(page, { name: "Ada First", email: uniqueEmail("first"), organization: "Conflict Co" });
  await registerPilot(page, "Conflict pilot");
  await startAssessmentFromPilotPage(page);
  const url = page.url();
  expect(new URL(url).pathname).toMatch(/^\/o\/conflict-co(-\d+)?\/pilots\/[^/]+\/assessments\/[^/]+$/);

  // The same person in a second browser (e.g. a laptop and a meeting-room screen).
  const second = await browser.newContext({ storageState: await page.context().storageState() });
  const other = await second.newPage();
  await other.goto(url);
  await expect(other.getByRole("heading", { level: 1, name: "Governed data" })).toBeVisible();

  const firstCard = (p: Page) => p.getByRole("region", { name: "Scheduled, governed data feed" });
  await firstCard(page)
    .getByRole("radio", { name: /Level 1/ })
    .check();
  await firstCard(page).getByLabel("Notes").fill("Refreshed by hand each Monday");
  await expect(firstCard(page).getByRole("status")).toHaveText("Saved");

  // The second browser loaded the page before that save: its write is stale.
  await firstCard(other)
    .getByRole("radio", { name: /Level 3/ })
    .check();
  const conflict = firstCard(other).getByRole("alert");
  await expect(conflict).toContainText("changed this answer after you loaded it");
  await expect(conflict).toContainText("Level 3 — Automated");
  await expect(conflict).toContainText("Level 1 — Ad hoc");
  await expect(conflict).toContainText("Refreshed by hand each Monday");
  await snap(other, "11-assessment-conflict");

  await conflict.getByRole("button", { name: "Keep mine" }).click();
  await expect(firstCard(other).getByRole("status")).toHaveText("Saved");

  await page.reload();
  await expect(firstCard(page).getByRole("radio", { name: /Level 3/ })).toBeChecked();

  // And the other way round: choosing theirs takes their saved value.
  await firstCard(page)
    .getByRole("radio", { name: /Level 2/ })
    .check();
  await expect(firstCard(page).getByRole("status")).toHaveText("Saved");
  await firstCard(other)
    .getByRole("radio", { name: /Level 0/ })
    .check();
  await expect(firstCard(other).getByRole("alert")).toBeVisible();
  await firstCard(other).getByRole("button", { name: "Use theirs" }).click();
  await expect(firstCard(other).getByRole("radio", { name: /Level 2/ })).toBeChecked();
  await second.close();
});

test("a completed assessment is read-only and another organisation gets 404", async ({ page, browser }) => {
  const slug = await signUp(page, { name: "Owner", email: uniqueEmail("ro"), organization: "Read Only Co" });
  const pilotId = await registerPilot(page, "Read-only pilot");
  const start = await page.request.post(`/api/o/${slug}/pilots/${pilotId}/assessments`);
  const { id } = await start.json();
  const complete = await page.request.post(`/api/o/${slug}/assessments/${id}/complete`);
  expect(complete.status()).toBe(200);
  expect((await complete.json()).score.verdict).toBe("INCOMPLETE");

  const late = await page.request.put(`/api/o/${slug}/assessments/${id}/answers`, {
    data: { criterionKey: "data.scheduled-feed", expectedVersion: 0, level: 2 },
  });
  expect(late.status()).toBe(409);
  expect(late.headers()["content-type"]).toContain("application/problem+json");

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  const otherSlug = await signUp(other, { name: "Other", email: uniqueEmail("other"), organization: "Other Co" });
  // The owner's URLs with the other organisation's session: not found, like an unknown address.
  const apiRead = await other.request.get(`/api/o/${slug}/assessments/${id}`);
  expect(apiRead.status()).toBe(404);
  expect(apiRead.headers()["content-type"]).toContain("application/problem+json");
  expect(
    (
      await other.request.put(`/api/o/${slug}/assessments/${id}/answers`, {
        data: { criterionKey: "data.scheduled-feed", expectedVersion: 0, level: 2 },
      })
    ).status(),
  ).toBe(404);
  expect((await other.goto(`/o/${slug}/pilots/${pilotId}/assessments/${id}`))?.status()).toBe(404);
  await expect(other.getByText("Read-only pilot")).toHaveCount(0);
  // Nor does the assessment's id open it from the other organisation's own URLs.
  expect((await other.request.get(`/api/o/${otherSlug}/assessments/${id}`)).status()).toBe(404);
  expect((await other.goto(`/o/${otherSlug}/pilots/${pilotId}/assessments/${id}`))?.status()).toBe(404);
  await otherContext.close();
});
