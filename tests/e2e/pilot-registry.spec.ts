import { expect, test } from "@playwright/test";
import {
  DEMO_ORG_SLUG,
  PASSWORD,
  chooseFilter,
  orgUrlPattern,
  registerPilot,
  signUp,
  snap,
  uniqueEmail,
} from "./helpers";

test("a team lead signs up, registers a pilot after fixing a field, and finds it again after signing back in", async ({
  page,
}) => {
  const email = uniqueEmail("lead");
  const slug = await signUp(page, { name: "Robin Lead", email, organization: "Harbor Logistics" });
  await expect(page.getByRole("heading", { name: "No pilots yet" })).toBeVisible();
  await snap(page, "01-dashboard-empty");

  await page.getByRole("link", { name: "Pilots" }).click();
  await expect(page).toHaveURL(orgUrlPattern(slug, "/pilots"));
  await page.getByRole("link", { name: "Register your first pilot" }).click();
  await expect(page.getByRole("heading", { name: "Register a pilot" })).toBeVisible();
  await expect(page).toHaveURL(orgUrlPattern(slug, "/pilots/new"));

  await page.getByRole("textbox", { name: "Name", exact: true }).fill("Route exception summariser");
  await page.getByLabel("One-line summary").fill("Summarises delivery exceptions for dispatchers");
  await page.getByLabel("Workflow it changes").fill("Dispatchers read driver notes and call customers");
  await page.getByLabel("Measurable outcome it targets").fill("Resolve exceptions 30% faster");
  await page.getByLabel("Business unit").fill("Operations");
  await page.getByLabel("Owning team").fill("Dispatch Tools");
  await page.getByLabel("Named owner").fill("Sam Rivera");
  await page.getByLabel("Owner's email").fill("sam.rivera@");
  await page.getByLabel(/Monthly run cost/).fill("2500");
  await page.getByLabel("Outcomes per month").fill("5000");
  await page.getByRole("button", { name: "Register pilot" }).click();

  // The field's own error, tied to it, with focus moved there; nothing saved.
  const ownerEmail = page.getByLabel("Owner's email");
  await expect(ownerEmail).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter a valid email address, like name@company.com.")).toBeVisible();
  await expect(ownerEmail).toBeFocused();
  await snap(page, "02-pilot-form-error");

  await ownerEmail.fill("sam.rivera@harbor.example");
  await page.getByRole("button", { name: "Register pilot" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Route exception summariser" })).toBeVisible();
  await expect(page.getByText("Pilot registered.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/pilots/[^/?]+(\\?.*)?$`));
  await expect(page.getByText("$0.50")).toBeVisible(); // cost per outcome: 2500 / 5000
  await snap(page, "03-pilot-detail");

  await page.getByRole("link", { name: "Pilots" }).first().click();
  await expect(page).toHaveURL(orgUrlPattern(slug, "/pilots"));
  await expect(page.getByRole("link", { name: "Route exception summariser" })).toBeVisible();
  await snap(page, "04-pilot-list");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  // An old link and an organisation's link alike ask to sign in first, remembering where to return.
  await page.goto(`/o/${slug}/pilots`);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.goto("/pilots");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fpilots$/);

  // Sign back in with the keyboard alone.
  await page.getByLabel("Email").focus();
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press("Enter");
  // The old /pilots opens the pilots of the organisation used last.
  await expect(page).toHaveURL(orgUrlPattern(slug, "/pilots"));
  await expect(page.getByRole("link", { name: "Route exception summariser" })).toBeVisible();
});

test("searching and filtering the registry keeps the filters in the URL", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("demo@preflight.test");
  await page.getByLabel("Password").fill("fly-to-production");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(orgUrlPattern(DEMO_ORG_SLUG, "/dashboard"));
  await snap(page, "05-dashboard-demo");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pilots" }).click();
  await expect(page).toHaveURL(orgUrlPattern(DEMO_ORG_SLUG, "/pilots"));
  await expect(page.getByRole("link", { name: "Claims intake triage" })).toBeVisible();
  await snap(page, "06-pilot-list-demo");
  const filterForm = page.getByRole("search", { name: "Filter pilots" });
  await chooseFilter(filterForm, "Business unit", "Claims");
  await chooseFilter(filterForm, "Stage", "Pilot");
  await filterForm.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${DEMO_ORG_SLUG}/pilots\\?(.*&)?unit=Claims(&|$)`));
  await expect(page).toHaveURL(/[?&]stage=PILOT(&|$)/);
  await expect(page.getByRole("link", { name: "Subrogation opportunity finder" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Claims intake triage" })).toHaveCount(0);

  await page.getByRole("link", { name: "Subrogation opportunity finder" }).click();
  await expect(page.getByRole("heading", { name: "Stage history" })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/o/${DEMO_ORG_SLUG}/pilots/[^/?]+$`));
});

test("wrong passwords are refused, and repeated failures are slowed down", async ({ page }) => {
  const email = uniqueEmail("target");
  await signUp(page, { name: "Target", email, organization: "Throttle Test Org" });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong password ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  }
  // Even the right password now has to wait.
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many failed attempts" })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});

test("an editor moves a pilot to the next stage, then archives and restores it", async ({ page }) => {
  const slug = await signUp(page, { name: "Eddie Editor", email: uniqueEmail("edit"), organization: "Edit Co" });
  const pilotId = await registerPilot(page, "Stage mover");

  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(orgUrlPattern(slug, `/pilots/${pilotId}/edit`));
  await page.getByRole("combobox", { name: "Stage" }).selectOption("PRODUCTION_INTENT");
  // Without a ready or conditional assessment, moving on needs a reason (kept in the history).
  await page
    .getByRole("textbox", { name: "Reason for moving to Production intent anyway" })
    .fill("Approved by the procurement board; assessment booked next month");
  await page.getByRole("textbox", { name: "Named owner (optional)" }).fill("Pat Owner");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();
  await expect(page).toHaveURL(orgUrlPattern(slug, `/pilots/${pilotId}`, { query: true }));
  const history = page.getByRole("list").filter({ hasText: "(from Pilot)" });
  await expect(history).toContainText("Production intent");
  await expect(page.getByText("No named owner")).toHaveCount(0);

  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByText(/This pilot was archived on/)).toBeVisible();
  await page.goto(`/o/${slug}/pilots`);
  await expect(page.getByRole("link", { name: "Stage mover" })).toHaveCount(0);
  await page.getByRole("link", { name: "Show archived pilots" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}/pilots\\?(.*&)?archived=`));
  await page.getByRole("link", { name: "Stage mover" }).click();
  await expect(page).toHaveURL(orgUrlPattern(slug, `/pilots/${pilotId}`));
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText(/This pilot was archived on/)).toHaveCount(0);
  await page.goto(`/o/${slug}/pilots`);
  await expect(page.getByRole("link", { name: "Stage mover" })).toBeVisible();
});
