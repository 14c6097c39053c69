import { expect, test } from "@playwright/test";
import {
  NOT_FOUND_HEADING,
  acceptAsNewAccount,
  clickAndConfirm,
  createOrganization,
  inviteMember,
  orgSwitcher,
  orgUrlPattern,
  registerPilot,
  signUp,
  snap,
  uniqueEmail,
} from "./helpers";

test("an admin invites a viewer, who can read but not edit, and loses access once removed", async ({
  page,
  browser,
}) => {
  const slug = await signUp(page, {
    name: "Olivia Owner",
    email: uniqueEmail("owner"),
    organization: "Viewer Test Co",
  });
  const pilotId = await registerPilot(page, "Supplier email drafter");

  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(orgUrlPattern(slug, "/settings"));
  const viewerEmail = uniqueEmail("viewer");
  const link = await inviteMember(page, slug, viewerEmail, "VIEWER");
  await expect(
    page.getByRole("table", { name: "Pending invitations to Viewer Test Co" }).getByRole("row", { name: viewerEmail }),
  ).toBeVisible();
  await snap(page, "07-settings-members");

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await acceptAsNewAccount(viewer, link, "Victor Viewer");
  // Their only organisation opens.
  await expect(viewer).toHaveURL(orgUrlPattern(slug, "/dashboard"));

  await viewer.goto(`/o/${slug}/pilots/${pilotId}`);
  await expect(viewer.getByRole("heading", { level: 1, name: "Supplier email drafter" })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await viewer.goto(`/o/${slug}/pilots`);
  await expect(viewer.getByRole("link", { name: "Register a pilot" })).toHaveCount(0);
  await viewer.goto(`/o/${slug}/pilots/${pilotId}/edit`);
  await expect(viewer.getByRole("heading", { name: "You can't do this with your role" })).toBeVisible();
  // "Go back" stays in the organisation's URLs.
  await expect(viewer.getByRole("link", { name: "Go back" })).toHaveAttribute("href", `/o/${slug}/pilots/${pilotId}`);

  // The API refuses the write too, with a problem document.
  const write = await viewer.request.put(`/api/o/${slug}/pilots/${pilotId}`, {
    data: { name: "Changed by viewer", expectedVersion: 1 },
  });
  expect(write.status()).toBe(403);
  expect(write.headers()["content-type"]).toContain("application/problem+json");

  // The link is single-use.
  await viewer.goto(link);
  await expect(viewer.getByRole("heading", { name: "This invitation link does not work" })).toBeVisible();

  // Removed: the very next request has no access.
  await page.reload();
  await expect(page.getByRole("cell", { name: viewerEmail })).toBeVisible();
  await clickAndConfirm(page, page.getByRole("button", { name: "Remove Victor Viewer" }), "Remove");
  await expect(page.getByRole("cell", { name: viewerEmail })).toHaveCount(0);
  // The organisation's URLs are now "not found" for them, like any organisation they are not in…
  const gone = await viewer.goto(`/o/${slug}/pilots/${pilotId}`);
  expect(gone?.status()).toBe(404);
  await expect(viewer.getByText("Supplier email drafter")).toHaveCount(0);
  const read = await viewer.request.get(`/api/o/${slug}/pilots/${pilotId}`);
  expect(read.status()).toBe(404);
  expect(read.headers()["content-type"]).toContain("application/problem+json");
  // …and an old link, with no organisation left to open, lands on the welcome page.
  await viewer.goto(`/pilots/${pilotId}`);
  await expect(viewer).toHaveURL(/\/welcome$/);
  await viewerContext.close();
});

test("another organisation's pilot answers 404 in pages and the API", async ({ page, browser }) => {
  const slug = await signUp(page, { name: "Ann A", email: uniqueEmail("a"), organization: "Org A" });
  const pilotId = await registerPilot(page, "Org A secret pilot");

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  const otherSlug = await signUp(other, { name: "Bob B", email: uniqueEmail("b"), organization: "Org B" });
  expect(otherSlug).not.toBe(slug);

  // The owner's URLs, with the other organisation's session.
  const pageResponse = await other.goto(`/o/${slug}/pilots/${pilotId}`);
  expect(pageResponse?.status()).toBe(404);
  await expect(other.getByRole("heading", { name: NOT_FOUND_HEADING })).toBeVisible();
  await expect(other.getByText("Org A secret pilot")).toHaveCount(0);
  const editResponse = await other.goto(`/o/${slug}/pilots/${pilotId}/edit`);
  expect(editResponse?.status()).toBe(404);
  expect((await other.goto(`/o/${slug}/pilots`))?.status()).toBe(404);
  await expect(other.getByText("Org A secret pilot")).toHaveCount(0);

  const apiGet = await other.request.get(`/api/o/${slug}/pilots/${pilotId}`);
  expect(apiGet.status()).toBe(404);
  expect(apiGet.headers()["content-type"]).toContain("application/problem+json");
  expect(await apiGet.json()).toMatchObject({ status: 404 });
  const apiDelete = await other.request.delete(`/api/o/${slug}/pilots/${pilotId}`);
  expect(apiDelete.status()).toBe(404);
  const apiPut = await other.request.put(`/api/o/${slug}/pilots/${pilotId}`, {
    data: { name: "Taken over", expectedVersion: 1 },
  });
  expect(apiPut.status()).toBe(404);

  // Nor does the pilot's id open it through the other organisation's own URLs.
  expect((await other.goto(`/o/${otherSlug}/pilots/${pilotId}`))?.status()).toBe(404);
  const ownApiGet = await other.request.get(`/api/o/${otherSlug}/pilots/${pilotId}`);
  expect(ownApiGet.status()).toBe(404);
  expect(await ownApiGet.json()).toMatchObject({ status: 404, detail: "Pilot not found." });
  expect((await other.request.delete(`/api/o/${otherSlug}/pilots/${pilotId}`)).status()).toBe(404);

  // Still there, untouched, for its owner.
  await page.goto(`/o/${slug}/pilots`);
  await expect(page.getByRole("link", { name: "Org A secret pilot" })).toBeVisible();
  await page.goto(`/o/${slug}/pilots/${pilotId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Org A secret pilot" })).toBeVisible();
  await otherContext.close();
});

test("a consultant switches between client organisations", async ({ page }) => {
  const one = await signUp(page, {
    name: "Casey Consultant",
    email: uniqueEmail("consultant"),
    organization: "Client One",
  });
  await registerPilot(page, "Client one pilot");
  const two = await createOrganization(page, "Client Two");
  expect(two).toMatch(/^client-two(-\d+)?$/);
  await expect(page).toHaveURL(orgUrlPattern(two, "/dashboard"));
  await expect(orgSwitcher(page)).toHaveValue(two);
  await page.goto(`/o/${two}/pilots`);
  await expect(page.getByRole("link", { name: "Client one pilot" })).toHaveCount(0);

  await orgSwitcher(page).selectOption({ label: "Client One · Owner" });
  await expect(page).toHaveURL(orgUrlPattern(one, "/dashboard"));
  await expect(orgSwitcher(page)).toHaveValue(one);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pilots" }).click();
  await expect(page).toHaveURL(orgUrlPattern(one, "/pilots"));
  await expect(page.getByRole("link", { name: "Client one pilot" })).toBeVisible();
});

test("health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok", database: "ok" });
});
