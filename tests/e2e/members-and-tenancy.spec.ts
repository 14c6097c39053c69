import { expect, test } from "@playwright/test";
import { PASSWORD, registerPilot, signUp, snap, uniqueEmail } from "./helpers";

test("an admin adds a viewer, who can read but not edit, and loses access once removed", async ({ page, browser }) => {
  await signUp(page, { name: "Olivia Owner", email: uniqueEmail("owner"), organization: "Viewer Test Co" });
  const pilotId = await registerPilot(page, "Supplier email drafter");

  await page.getByRole("link", { name: "Settings" }).click();
  const viewerEmail = uniqueEmail("viewer");
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(viewerEmail);
  await page.getByRole("textbox", { name: "Name (optional)", exact: true }).fill("Victor Viewer");
  await page.getByRole("combobox", { name: "Role", exact: true }).selectOption("VIEWER");
  await page.getByRole("button", { name: "Add member" }).click();
  const link = page.getByLabel("One-time set-password link");
  await expect(link).toBeVisible();
  await snap(page, "07-settings-members");
  const setPasswordUrl = await link.inputValue();

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await viewer.goto(setPasswordUrl);
  await viewer.getByLabel("New password").fill(PASSWORD);
  await viewer.getByLabel("Repeat the password").fill(PASSWORD);
  await viewer.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(viewer).toHaveURL(/\/dashboard$/);

  await viewer.goto(`/pilots/${pilotId}`);
  await expect(viewer.getByRole("heading", { level: 1, name: "Supplier email drafter" })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await viewer.goto("/pilots");
  await expect(viewer.getByRole("link", { name: "Register a pilot" })).toHaveCount(0);
  await viewer.goto(`/pilots/${pilotId}/edit`);
  await expect(viewer.getByRole("heading", { name: "You can't do this with your role" })).toBeVisible();

  // The API refuses the write too, with a problem document.
  const write = await viewer.request.put(`/api/pilots/${pilotId}`, {
    data: { name: "Changed by viewer", expectedVersion: 1 },
  });
  expect(write.status()).toBe(403);
  expect(write.headers()["content-type"]).toContain("application/problem+json");

  // The link is single-use.
  await viewer.goto(setPasswordUrl);
  await expect(viewer.getByRole("heading", { name: "This link no longer works" })).toBeVisible();

  // Removed: the very next request has no access.
  await page.reload();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Remove Victor Viewer" }).click();
  await expect(page.getByRole("cell", { name: viewerEmail })).toHaveCount(0);
  await viewer.goto(`/pilots/${pilotId}`);
  await expect(viewer).toHaveURL(/\/welcome$/);
  const read = await viewer.request.get(`/api/pilots/${pilotId}`);
  expect(read.status()).toBe(401);
  await viewerContext.close();
});

test("another organisation's pilot answers 404 in pages and the API", async ({ page, browser }) => {
  await signUp(page, { name: "Ann A", email: uniqueEmail("a"), organization: "Org A" });
  const pilotId = await registerPilot(page, "Org A secret pilot");

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signUp(other, { name: "Bob B", email: uniqueEmail("b"), organization: "Org B" });

  const pageResponse = await other.goto(`/pilots/${pilotId}`);
  expect(pageResponse?.status()).toBe(404);
  await expect(other.getByText("Org A secret pilot")).toHaveCount(0);
  const editResponse = await other.goto(`/pilots/${pilotId}/edit`);
  expect(editResponse?.status()).toBe(404);

  const apiGet = await other.request.get(`/api/pilots/${pilotId}`);
  expect(apiGet.status()).toBe(404);
  expect(await apiGet.json()).toMatchObject({ status: 404, detail: "Pilot not found." });
  const apiDelete = await other.request.delete(`/api/pilots/${pilotId}`);
  expect(apiDelete.status()).toBe(404);

  // Still there, untouched, for its owner.
  await page.goto("/pilots");
  await expect(page.getByRole("link", { name: "Org A secret pilot" })).toBeVisible();
  await otherContext.close();
});

test("a consultant switches between client organisations", async ({ page }) => {
  await signUp(page, { name: "Casey Consultant", email: uniqueEmail("consultant"), organization: "Client One" });
  await registerPilot(page, "Client one pilot");
  await page.goto("/settings");
  await page.getByLabel("New organisation's name").fill("Client Two");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByLabel("Organisation")).toHaveValue(/.+/);
  await page.goto("/pilots");
  await expect(page.getByRole("link", { name: "Client one pilot" })).toHaveCount(0);

  await page.getByLabel("Organisation").selectOption({ label: "Client One (Owner)" });
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.goto("/pilots");
  await expect(page.getByRole("link", { name: "Client one pilot" })).toBeVisible();
});

test("health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});
