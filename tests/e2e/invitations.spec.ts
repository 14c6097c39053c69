import { expect, test, type Page } from "@playwright/test";
import {
  NOT_FOUND_HEADING,
  PASSWORD,
  clickAndConfirm,
  escapeRegExp,
  inviteMember,
  newInvitationLink,
  orgUrlPattern,
  signUp,
  snapWidths,
  uniqueEmail,
} from "./helpers";
import { mailCount } from "./mail-server";

// Nobody joins an organisation without opening the invitation mailed to them: not an existing
// account, and not an account someone else registered with the address beforehand.

/** The organisation's pages, pilots and API are "not found" for `page`, and its name is nowhere. */
async function seesNothingOf(page: Page, slug: string, name: string) {
  expect((await page.goto(`/o/${slug}/dashboard`))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: NOT_FOUND_HEADING })).toBeVisible();
  expect((await page.request.get(`/api/o/${slug}/pilots`)).status()).toBe(404);
  await page.goto("/");
  await expect(page).toHaveURL(/\/o\/[a-z0-9-]+\/dashboard$/);
  expect(new URL(page.url()).pathname).not.toContain(`/o/${slug}/`);
  await expect(page.getByText(name)).toHaveCount(0);
}

test("an admin invites an existing account and a new person: each is in only after opening their link", async ({
  page,
  browser,
}) => {
  // The "attacker" registers the new person's address first; they cannot read that mailbox.
  const newcomer = uniqueEmail("newcomer");
  const attackerContext = await browser.newContext();
  const attacker = await attackerContext.newPage();
  await signUp(attacker, { name: "Not the newcomer", email: newcomer, organization: "Squatter Co", verify: false });

  // An existing, confirmed account.
  const existingEmail = uniqueEmail("existing");
  const existingContext = await browser.newContext();
  const existing = await existingContext.newPage();
  await signUp(existing, { name: "Erin Existing", email: existingEmail, organization: "Erin Co" });

  const slug = await signUp(page, { name: "Ada Admin", email: uniqueEmail("admin"), organization: "Invite Co" });
  const existingLink = await inviteMember(page, slug, existingEmail, "EDITOR");
  const form = page.getByRole("form", { name: "Invite a member" });
  const answerForExisting = (await form.getByRole("status").innerText()).replace(existingEmail, "ADDRESS");
  const newcomerLink = await inviteMember(page, slug, newcomer, "VIEWER");
  // The same answer whether or not the address has an account.
  expect((await form.getByRole("status").innerText()).replace(newcomer, "ADDRESS")).toBe(answerForExisting);
  const pending = page.getByRole("table", { name: "Pending invitations to Invite Co" });
  await expect(pending.getByRole("row")).toHaveCount(3);
  await expect(pending.getByRole("row", { name: new RegExp(escapeRegExp(newcomer)) })).toContainText(
    "Viewer · invited by Ada Admin",
  );
  // Invited is not joined: the members list has only the admin.
  await expect(page.getByRole("table", { name: "Members of Invite Co" }).getByRole("row")).toHaveCount(2);
  await snapWidths(page, "invitations-settings");

  // Before accepting, neither the attacker nor the existing account sees anything of the organisation.
  await seesNothingOf(attacker, slug, "Invite Co");
  await seesNothingOf(existing, slug, "Invite Co");

  // The new person reads the mailbox: they open the link and choose a password there.
  const personContext = await browser.newContext();
  const person = await personContext.newPage();
  await person.goto(newcomerLink);
  await expect(person.getByRole("heading", { name: "Join Invite Co on Preflight" })).toBeVisible();
  await expect(person.getByText("Viewer", { exact: true })).toBeVisible();
  await expect(person.getByText("This address has an unconfirmed account")).toBeVisible();
  await snapWidths(person, "invitation-page");
  await person.getByLabel("Your name").fill("Nina Newcomer");
  await person.getByLabel("Password").fill(PASSWORD);
  await person.getByRole("button", { name: "Set password and join" }).click();
  await expect(person).toHaveURL(orgUrlPattern(slug, "/dashboard"));
  // Whoever registered the address first is signed out and cannot come back with the old password.
  await attacker.goto(`/o/${slug}/dashboard`);
  await expect(attacker).toHaveURL(/\/signin/);
  await attackerContext.close();

  // Someone signed in as another address cannot use the existing account's link.
  await person.goto(existingLink);
  await expect(person.getByText("This invitation is for another address")).toBeVisible();
  await expect(person.getByRole("button", { name: /^Join/ })).toHaveCount(0);
  await person.getByRole("button", { name: `Sign out and continue as ${existingEmail}` }).click();
  await expect(person).toHaveURL(/\/signin\?/);
  await expect(person.getByLabel("Email")).toHaveValue(existingEmail);
  expect(new URL(person.url()).searchParams.get("callbackUrl")).toBe(new URL(existingLink).pathname);
  await personContext.close();

  // The existing account, signed out, opens its link, signs in there and joins.
  const signedOutContext = await browser.newContext();
  const erin = await signedOutContext.newPage();
  await erin.goto(existingLink);
  await expect(erin.getByRole("heading", { name: "Join Invite Co on Preflight" })).toBeVisible();
  await erin.getByRole("link", { name: `Sign in as ${existingEmail}` }).click();
  await expect(erin.getByLabel("Email")).toHaveValue(existingEmail);
  await erin.getByLabel("Password").fill(PASSWORD);
  await erin.getByRole("button", { name: "Sign in" }).click();
  await expect(erin).toHaveURL(/\/invite\//);
  await erin.getByRole("button", { name: "Join Invite Co" }).click();
  await expect(erin).toHaveURL(orgUrlPattern(slug, "/dashboard"));
  await signedOutContext.close();
  // Its other browser is in too, at once.
  expect((await existing.goto(`/o/${slug}/dashboard`))?.status()).toBe(200);
  await existingContext.close();

  // Both are members now; nothing is pending; the links are spent.
  await page.goto(`/o/${slug}/settings`);
  const members = page.getByRole("table", { name: "Members of Invite Co" });
  await expect(members.getByRole("row", { name: /Nina Newcomer/ })).toContainText("Viewer");
  await expect(members.getByRole("row", { name: /Erin Existing/ })).toBeVisible();
  await expect(page.getByText("None: everyone invited has joined")).toBeVisible();
  expect((await page.goto(newcomerLink))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "This invitation link does not work" })).toBeVisible();
});

test("resending makes the old link stop working; revoking withdraws the invitation", async ({ page, browser }) => {
  const slug = await signUp(page, {
    name: "Rhea Resend",
    email: uniqueEmail("resend-admin"),
    organization: "Resend Co",
  });
  const email = uniqueEmail("slow-reader");
  const first = await inviteMember(page, slug, email, "EDITOR");

  const before = mailCount(email);
  await page.getByRole("button", { name: `Resend the invitation to ${email}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `New link sent to ${email}.` })).toBeVisible();
  const second = await newInvitationLink(email, before);
  expect(second).not.toBe(first);

  const visitorContext = await browser.newContext();
  const visitor = await visitorContext.newPage();
  expect((await visitor.goto(first))?.status()).toBe(404);
  await expect(visitor.getByRole("heading", { name: "This invitation link does not work" })).toBeVisible();
  expect((await visitor.goto(second))?.status()).toBe(200);
  await expect(visitor.getByRole("heading", { name: "Join Resend Co on Preflight" })).toBeVisible();
  await expect(visitor.getByRole("button", { name: "Create account and join" })).toBeVisible();

  await clickAndConfirm(page, page.getByRole("button", { name: `Revoke the invitation to ${email}` }), "Revoke");
  await expect(page.getByText("None: everyone invited has joined")).toBeVisible();
  expect((await visitor.goto(second))?.status()).toBe(404);
  await expect(visitor.getByRole("heading", { name: "This invitation link does not work" })).toBeVisible();
  await visitorContext.close();
});
