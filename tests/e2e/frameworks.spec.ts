import { expect, test } from "@playwright/test";
import { clickAndConfirm, orgUrlPattern, registerPilot, signUp, snap, uniqueEmail } from "./helpers";

test("an admin makes a new framework version without a deploy, and new assessments use it", async ({ page }) => {
  const slug = await signUp(page, { name: "Fran Admin", email: uniqueEmail("fw"), organization: "Framework Co" });
  const pilotId = await registerPilot(page, "Pilot assessed on v1");
  const first = await page.request.post(`/api/o/${slug}/pilots/${pilotId}/assessments`);
  expect(first.status()).toBe(201);
  const { id: v1AssessmentId } = await first.json();

  await page.goto(`/o/${slug}/settings`);
  await page.getByRole("link", { name: "Frameworks and versions" }).click();
  await expect(page).toHaveURL(orgUrlPattern(slug, "/settings/frameworks"));
  await expect(page.getByText("Preflight Production Readiness").first()).toBeVisible();
  await snap(page, "12-frameworks");
  await page.getByRole("button", { name: "New draft from v1" }).first().click();
  await expect(page.getByText(/^Draft (v2 )?created/).first()).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/settings/frameworks/[^/?]+(\\?.*)?$`));

  // Change one criterion's weight in the draft.
  const criterion = page.locator("details", { hasText: "Scheduled, governed data feed" }).first();
  await criterion.locator("summary").click();
  await criterion.getByRole("combobox", { name: "Weight" }).selectOption("1");
  await criterion.getByRole("button", { name: "Save criterion" }).click();
  await expect(criterion.getByRole("status").filter({ hasText: /saved/i })).toBeVisible();
  await snap(page, "13-framework-draft");

  await clickAndConfirm(page, page.getByRole("button", { name: "Publish v2" }), "Publish v2");
  await expect(page.getByRole("button", { name: "Publish v2" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "New draft from v2" })).toBeVisible();

  // The assessment started before publishing keeps version 1.
  await page.goto(`/o/${slug}/pilots/${pilotId}/assessments/${v1AssessmentId}`);
  await expect(page.getByText("Preflight Production Readiness, version 1")).toBeVisible();
  const complete = await page.request.post(`/api/o/${slug}/assessments/${v1AssessmentId}/complete`);
  expect(complete.status()).toBe(200);

  await page.goto(`/o/${slug}/pilots/${pilotId}`);
  await page.getByRole("button", { name: /start (new )?assessment/i }).click();
  await expect(page.getByText("Preflight Production Readiness, version 2")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/pilots/${pilotId}/assessments/[^/?]+$`));
  const card = page.getByRole("region", { name: "Scheduled, governed data feed" });
  await expect(card.getByText("Weight 1")).toBeVisible();
});
