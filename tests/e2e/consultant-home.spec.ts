import { expect, test } from "@playwright/test";
import { pageWidth, registerPilot, signUp, snapWidths, uniqueEmail } from "./helpers";

test("a consultant sees every client at once, opens a new client and reuses a checklist there", async ({ page }) => {
  const first = await signUp(page, {
    name: "Casey Consultant",
    email: uniqueEmail("consult"),
    organization: "Client Alpha",
  });
  await registerPilot(page, "Alpha claims copilot");
  await registerPilot(page, "Alpha fraud scorer");

  // From the header to the home of every organisation; a new client organisation from there.
  await page.goto(`/o/${first}/dashboard`);
  await page.getByRole("link", { name: "Organisations" }).click();
  await expect(page).toHaveURL(/\/orgs$/);
  await page.getByLabel("Client organisation's name").fill("Client Beta");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(/\/o\/client-beta(-\d+)?\/dashboard$/);
  const second = new URL(page.url()).pathname.split("/")[2]!;

  await page.getByRole("link", { name: "All organisations" }).click();
  const table = page.getByRole("table", { name: "Your organisations" });
  const alpha = table.getByRole("row").filter({ has: page.getByRole("link", { name: "Client Alpha" }) });
  const beta = table.getByRole("row").filter({ has: page.getByRole("link", { name: "Client Beta" }) });
  await expect(alpha.getByRole("cell").nth(0)).toHaveText("2"); // pilots
  await expect(alpha).toContainText("None assessed");
  await expect(beta.getByRole("cell").nth(0)).toHaveText("0");
  await snapWidths(page, "consultant-home");
  await page.setViewportSize({ width: 390, height: 844 });
  expect((await pageWidth(page)).scrollWidth).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1440, height: 900 });

  // Each row opens that organisation's dashboard.
  await alpha.getByRole("link", { name: "Client Alpha" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${first}/dashboard$`));
  await expect(page.getByText("2", { exact: true }).first()).toBeVisible();

  // Reuse Alpha's checklist in Beta: it arrives as a draft there, to review and publish.
  await page.goto("/orgs");
  await page.getByLabel("Copy from").selectOption({ label: "Client Alpha" });
  await page.getByLabel("Framework version").selectOption({ index: 0 });
  await page.getByLabel("Into").selectOption({ label: "Client Beta" });
  await page.getByRole("button", { name: "Copy as a draft" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${second}/settings/frameworks/[^/?]+`));
  await expect(page.getByRole("button", { name: "Publish v2" })).toBeVisible();
});
