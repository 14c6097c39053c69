import { expect, test, type Page } from "@playwright/test";
import {
  DEMO_ORG_SLUG,
  PASSWORD,
  acceptSignedIn,
  inviteMember,
  createOrganization,
  orgSlugOf,
  orgSwitcher,
  orgUrlPattern,
  registerPilot,
  signIn,
  signUp,
  snap,
  uniqueEmail,
  NOT_FOUND_HEADING,
} from "./helpers";

// Every page of an organisation carries its slug (`/o/{slug}/…`): the URL, not a cookie or the
// session, says which organisation a page, a form or an API call is about.

/** The name of the organisation the header shows as the current one. */
function currentOrgName(page: Page) {
  return orgSwitcher(page).locator("option:checked");
}

/** Changes the pilot's name on its (open) edit form and saves. */
async function renameOnEditForm(page: Page, name: string) {
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("button", { name: "Save changes" }).click();
}

/** The pilots of the list page, by the links in its table. */
function pilotLinks(page: Page) {
  return page.getByRole("main").getByRole("rowheader").getByRole("link");
}

test("two tabs in two organisations edit at the same time, and each save lands in its own organisation", async ({
  page,
  context,
}) => {
  const a = await signUp(page, { name: "Tess Twotabs", email: uniqueEmail("tabs"), organization: "Tab Alpha" });
  const pilotA = await registerPilot(page, "Alpha pilot");
  const b = await createOrganization(page, "Tab Beta");
  expect(b).not.toBe(a);
  const pilotB = await registerPilot(page, "Beta pilot");

  // Tab 1: the edit form of A's pilot.
  await page.goto(`/o/${a}/pilots/${pilotA}/edit`);
  await expect(page.getByRole("heading", { level: 1, name: "Edit Alpha pilot" })).toBeVisible();
  await expect(orgSwitcher(page)).toHaveValue(a);

  // Tab 2, same browser (same cookies): starts in A, switches to B from the header as a user
  // would, and opens B's pilot's edit form from there.
  const tab2 = await context.newPage();
  await tab2.goto(`/o/${a}/dashboard`);
  await orgSwitcher(tab2).selectOption({ label: "Tab Beta · Owner" });
  await expect(tab2).toHaveURL(orgUrlPattern(b, "/dashboard"));
  await expect(orgSwitcher(tab2)).toHaveValue(b);
  await tab2.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pilots" }).click();
  await expect(tab2).toHaveURL(orgUrlPattern(b, "/pilots"));
  await tab2.getByRole("link", { name: "Beta pilot" }).click();
  await expect(tab2).toHaveURL(orgUrlPattern(b, `/pilots/${pilotB}`));
  await tab2.getByRole("link", { name: "Edit" }).click();
  await expect(tab2).toHaveURL(orgUrlPattern(b, `/pilots/${pilotB}/edit`));
  await expect(tab2.getByRole("heading", { level: 1, name: "Edit Beta pilot" })).toBeVisible();

  // Switching in tab 2 did not move tab 1: it saves first, into A.
  await page.bringToFront();
  await expect(page).toHaveURL(orgUrlPattern(a, `/pilots/${pilotA}/edit`));
  await renameOnEditForm(page, "Alpha pilot, edited in tab 1");
  await expect(page).toHaveURL(orgUrlPattern(a, `/pilots/${pilotA}`, { query: true }));
  await expect(page.getByText("Changes saved.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Alpha pilot, edited in tab 1" })).toBeVisible();

  // Then tab 2 saves, into B.
  await tab2.bringToFront();
  await renameOnEditForm(tab2, "Beta pilot, edited in tab 2");
  await expect(tab2).toHaveURL(orgUrlPattern(b, `/pilots/${pilotB}`, { query: true }));
  await expect(tab2.getByText("Changes saved.")).toBeVisible();
  await expect(tab2.getByRole("heading", { level: 1, name: "Beta pilot, edited in tab 2" })).toBeVisible();

  // Each pilot page shows its own change, read afresh.
  await page.goto(`/o/${a}/pilots/${pilotA}`);
  await expect(page.getByRole("heading", { level: 1, name: "Alpha pilot, edited in tab 1" })).toBeVisible();
  await tab2.goto(`/o/${b}/pilots/${pilotB}`);
  await expect(tab2.getByRole("heading", { level: 1, name: "Beta pilot, edited in tab 2" })).toBeVisible();

  // Each organisation's list has only its own pilot.
  await page.goto(`/o/${a}/pilots`);
  await expect(pilotLinks(page)).toHaveText(["Alpha pilot, edited in tab 1"]);
  await tab2.goto(`/o/${b}/pilots`);
  await expect(pilotLinks(tab2)).toHaveText(["Beta pilot, edited in tab 2"]);

  // And so does the API.
  const listA = await (await page.request.get(`/api/o/${a}/pilots`)).json();
  expect(listA).toMatchObject({ total: 1, page: 1, pageCount: 1 });
  expect(listA.pilots.map((p: { id: string; name: string }) => [p.id, p.name])).toEqual([
    [pilotA, "Alpha pilot, edited in tab 1"],
  ]);
  const listB = await (await page.request.get(`/api/o/${b}/pilots`)).json();
  expect(listB).toMatchObject({ total: 1, page: 1, pageCount: 1 });
  expect(listB.pilots.map((p: { id: string; name: string }) => [p.id, p.name])).toEqual([
    [pilotB, "Beta pilot, edited in tab 2"],
  ]);
  // A pilot is only reachable through its own organisation's URLs, even for someone in both.
  expect((await page.request.get(`/api/o/${a}/pilots/${pilotB}`)).status()).toBe(404);
  expect((await page.request.get(`/api/o/${b}/pilots/${pilotA}`)).status()).toBe(404);
  await tab2.close();
});

/**
 * Waits until the browser holds the "last used" cookie for `slug`. Chromium can store a page's
 * Set-Cookie a moment after the page has loaded; a person takes longer than that to type the
 * next address, a test does not (seen once in CI: `/` was asked with the previous value).
 */
async function lastUsedIs(page: Page, slug: string) {
  await expect
    .poll(async () => (await page.context().cookies()).find((c) => c.name === "preflight-last-org")?.value)
    .toBe(slug);
}

test("a pilot link opened by a member whose last organisation was another one shows the pilot", async ({
  page,
  browser,
}) => {
  // Q's owner, with a pilot.
  const qContext = await browser.newContext();
  const qOwner = await qContext.newPage();
  const q = await signUp(qOwner, { name: "Quinn Owner", email: uniqueEmail("q"), organization: "Quay Partners" });
  const pilotQ = await registerPilot(qOwner, "Quay claims assistant");

  // X owns P.
  const xEmail = uniqueEmail("x");
  const p = await signUp(page, { name: "Xavier Member", email: xEmail, organization: "Pier Holdings" });

  // Q's owner invites X, who already has an account and joins by accepting the mailed link.
  const link = await inviteMember(qOwner, q, xEmail, "EDITOR");
  await qContext.close();
  await acceptSignedIn(page, link, "Quay Partners");

  // X uses P last…
  await page.goto(`/o/${p}/dashboard`);
  await expect(orgSwitcher(page)).toHaveValue(p);
  await lastUsedIs(page, p);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(orgUrlPattern(p, "/dashboard"));

  // …then opens a link to Q's pilot: it shows the pilot, in Q.
  const response = await page.goto(`/o/${q}/pilots/${pilotQ}`);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(orgUrlPattern(q, `/pilots/${pilotQ}`));
  await expect(page.getByRole("heading", { level: 1, name: "Quay claims assistant" })).toBeVisible();
  await expect(orgSwitcher(page)).toHaveValue(q);
  await expect(currentOrgName(page)).toHaveText(/^Quay Partners/);
  await expect(page.getByRole("link", { name: "Edit" })).toBeVisible(); // an editor in Q
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pilots" })).toHaveAttribute(
    "href",
    `/o/${q}/pilots`,
  );
  // Q is now the organisation used last.
  await lastUsedIs(page, q);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(orgUrlPattern(q, "/dashboard"));
});

test("old links open the last-used organisation, and signing in returns to the page asked for", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("old");
  const first = await signUp(page, { name: "Olga Oldlinks", email, organization: "Oldlink Alpha" });
  const second = await createOrganization(page, "Oldlink Beta");
  const pilot = await registerPilot(page, "Beta bookmark pilot");

  // Beta was used last (and is not the first organisation).
  await page.goto(`/o/${second}/dashboard`);
  await lastUsedIs(page, second);
  await page.goto("/pilots");
  await expect(page).toHaveURL(orgUrlPattern(second, "/pilots"));
  await page.goto("/");
  await expect(page).toHaveURL(orgUrlPattern(second, "/dashboard"));
  // Old paths keep their rest and their query.
  await page.goto(`/pilots/${pilot}`);
  await expect(page).toHaveURL(orgUrlPattern(second, `/pilots/${pilot}`));
  await expect(page.getByRole("heading", { level: 1, name: "Beta bookmark pilot" })).toBeVisible();
  await page.goto("/pilots?stage=PILOT");
  await expect(page).toHaveURL(orgUrlPattern(second, "/pilots?stage=PILOT"));
  await page.goto("/settings/frameworks");
  await expect(page).toHaveURL(orgUrlPattern(second, "/settings/frameworks"));

  // Using Alpha makes it the last-used one.
  await page.goto(`/o/${first}/pilots`);
  await lastUsedIs(page, first);
  await page.goto("/");
  await expect(page).toHaveURL(orgUrlPattern(first, "/dashboard"));
  await page.goto("/settings");
  await expect(page).toHaveURL(orgUrlPattern(first, "/settings"));

  // Without the remembered one, the first organisation opens.
  await page.context().clearCookies({ name: "preflight-last-org" });
  await page.goto("/dashboard");
  await expect(page).toHaveURL(orgUrlPattern(first, "/dashboard"));

  // Signed out, a pilot's link asks to sign in first, then comes back to that pilot.
  const freshContext = await browser.newContext();
  const fresh = await freshContext.newPage();
  await fresh.goto(`/o/${second}/pilots/${pilot}`);
  await expect(fresh).toHaveURL(/\/signin\?/);
  expect(new URL(fresh.url()).searchParams.get("callbackUrl")).toBe(`/o/${second}/pilots/${pilot}`);
  await fresh.getByLabel("Email").fill(email);
  await fresh.getByLabel("Password").fill(PASSWORD);
  await fresh.getByRole("button", { name: "Sign in" }).click();
  await expect(fresh).toHaveURL(orgUrlPattern(second, `/pilots/${pilot}`));
  await expect(fresh.getByRole("heading", { level: 1, name: "Beta bookmark pilot" })).toBeVisible();
  await expect(orgSwitcher(fresh)).toHaveValue(second);
  await freshContext.close();

  // Signed out, `/` asks to sign in too.
  const anonContext = await browser.newContext();
  const anon = await anonContext.newPage();
  await anon.goto("/");
  await expect(anon).toHaveURL(/\/signin/);
  await anonContext.close();
});

test("an owner changes the organisation's address; the page follows and the old address answers 404", async ({
  page,
}) => {
  const old = await signUp(page, { name: "Rene Renamer", email: uniqueEmail("rename"), organization: "Rename Me Ltd" });
  const pilotId = await registerPilot(page, "Pilot that moves");
  const fresh = `moved-${Date.now().toString(36)}`;

  await page.goto(`/o/${old}/settings`);
  const name = page.getByRole("textbox", { name: "Organisation name", exact: true });
  const address = page.getByRole("textbox", { name: "Address", exact: true });
  await expect(name).toHaveValue("Rename Me Ltd");
  await expect(address).toHaveValue(old);
  await name.fill("Renamed Holdings");
  await address.fill(fresh);
  await page.getByRole("button", { name: "Save", exact: true }).click();

  await expect(page).toHaveURL(orgUrlPattern(fresh, "/settings"));
  await expect(page.getByRole("textbox", { name: "Address", exact: true })).toHaveValue(fresh);
  await expect(page.getByRole("textbox", { name: "Organisation name", exact: true })).toHaveValue("Renamed Holdings");
  await expect(page.getByText("Organisation settings and members of Renamed Holdings.")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pilots" })).toHaveAttribute(
    "href",
    `/o/${fresh}/pilots`,
  );

  // The organisation's pages and API live at the new address…
  await page.goto(`/o/${fresh}/pilots/${pilotId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Pilot that moves" })).toBeVisible();
  expect((await page.request.get(`/api/o/${fresh}/pilots/${pilotId}`)).status()).toBe(200);

  // …and the old one is not found.
  expect((await page.goto(`/o/${old}/settings`))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: NOT_FOUND_HEADING })).toBeVisible();
  expect((await page.goto(`/o/${old}/pilots/${pilotId}`))?.status()).toBe(404);
  const oldApi = await page.request.get(`/api/o/${old}/pilots`);
  expect(oldApi.status()).toBe(404);
  expect(oldApi.headers()["content-type"]).toContain("application/problem+json");

  // An address that is not valid is refused with the field's own error.
  await page.goto(`/o/${fresh}/settings`);
  await page.getByRole("textbox", { name: "Address", exact: true }).fill("Not A Slug!");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("textbox", { name: "Address", exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(orgUrlPattern(fresh, "/settings"));
});

test("a stranger gets 404 for another organisation's pages and API, exactly like an unknown one", async ({
  page,
  browser,
}) => {
  const slug = await signUp(page, { name: "Tara Target", email: uniqueEmail("target"), organization: "Target Co" });
  await registerPilot(page, "Target pilot");

  const strangerContext = await browser.newContext();
  const stranger = await strangerContext.newPage();
  await signUp(stranger, { name: "Sam Stranger", email: uniqueEmail("stranger"), organization: "Elsewhere Co" });

  const dashboard = await stranger.goto(`/o/${slug}/dashboard`);
  expect(dashboard?.status()).toBe(404);
  await expect(stranger.getByRole("heading", { name: NOT_FOUND_HEADING })).toBeVisible();
  await expect(stranger.getByText("Target pilot")).toHaveCount(0);
  await expect(stranger.getByText("Target Co")).toHaveCount(0);
  const unknownPage = await stranger.goto("/o/no-such-organisation-here/dashboard");
  expect(unknownPage?.status()).toBe(404);

  const api = await stranger.request.get(`/api/o/${slug}/pilots`);
  expect(api.status()).toBe(404);
  expect(api.headers()["content-type"]).toContain("application/problem+json");
  const body = await api.json();
  expect(body).toMatchObject({ status: 404 });
  expect(JSON.stringify(body)).not.toContain("Target pilot");
  const unknownApi = await stranger.request.get("/api/o/no-such-organisation-here/pilots");
  expect(unknownApi.status()).toBe(404);
  const unknownBody = await unknownApi.json();
  // The same answer as for an organisation that does not exist, so slugs cannot be probed.
  expect({ ...body, instance: undefined }).toEqual({ ...unknownBody, instance: undefined });
  expect((await stranger.request.get(`/api/o/${slug}/portfolio/export`)).status()).toBe(404);
  await strangerContext.close();
});

test("the dashboard, in the organisation's URL, on a wide and a narrow screen", async ({ page, browser }) => {
  // A consultant who owns their own organisation and reads the demo organisation.
  const email = uniqueEmail("snap");
  const own = await signUp(page, { name: "Pat Picture", email, organization: "Picture Consulting" });

  const ownerContext = await browser.newContext();
  const owner = await ownerContext.newPage();
  await signIn(owner, "demo@preflight.test", "fly-to-production");
  const link = await inviteMember(owner, DEMO_ORG_SLUG, email, "VIEWER");
  await ownerContext.close();
  await acceptSignedIn(page, link, "Meridian Insurance Group");

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/o/${DEMO_ORG_SLUG}/dashboard`);
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
  await expect(orgSwitcher(page)).toHaveValue(DEMO_ORG_SLUG);
  await expect(orgSwitcher(page).locator("option")).toHaveText([
    "Meridian Insurance Group · Viewer",
    "Picture Consulting · Owner",
  ]);
  await expect(page.locator(".recharts-wrapper").first()).toBeVisible();
  expect(orgSlugOf(page)).toBe(DEMO_ORG_SLUG);
  await snap(page, "20-org-dashboard-1440");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Portfolio" })).toBeVisible();
  await expect(orgSwitcher(page)).toBeVisible();
  await expect(page.locator(".recharts-wrapper").first()).toBeVisible();
  await snap(page, "21-org-dashboard-390");
  // Nothing spills sideways on a phone: the page scrolls only vertically.
  const overflow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - window.innerWidth,
    wide: [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((el) => !el.closest(".overflow-x-auto, [class*='overflow-x-']"))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""}`.slice(0, 160)),
  }));
  expect(overflow, `wider than the screen: ${overflow.wide.join(" | ")}`).toMatchObject({ page: 0 });

  // The switcher opens the other organisation's dashboard.
  await orgSwitcher(page).selectOption({ label: "Picture Consulting · Owner" });
  await expect(page).toHaveURL(orgUrlPattern(own, "/dashboard"));
});
