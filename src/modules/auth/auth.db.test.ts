import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signUp } from "./accounts";
import { authenticate } from "./credentials";
import { WINDOW_MS } from "./throttle-policy";

const PASSWORD = "correct horse battery staple";
const uniqueEmail = (prefix = "user") => `${prefix}-${randomBytes(4).toString("hex")}@example.com`;

function signUpInput(overrides: Partial<Record<string, string>> = {}) {
  return {
    name: "Ada Lovelace",
    email: uniqueEmail(),
    password: PASSWORD,
    organizationName: "Analytical Engines",
    ...overrides,
  };
}

describe("signUp", () => {
  it("creates the user with a bcrypt hash, their organisation and an OWNER membership", async () => {
    const input = signUpInput();
    const { userId, organizationId } = await signUp(input);

    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.email).toBe(input.email);
    expect(user.passwordHash).not.toBeNull();
    expect(user.passwordHash).not.toContain(PASSWORD);
    expect(user.passwordHash).toMatch(/^\$2[aby]\$/);
    expect(await bcrypt.compare(PASSWORD, user.passwordHash!)).toBe(true);

    const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
    expect(org.name).toBe("Analytical Engines");
    const memberships = await db.membership.findMany({
      where: { userId },
      select: { organizationId: true, role: true },
    });
    expect(memberships).toEqual([{ organizationId, role: "OWNER" }]);
  });

  it("refuses an email that is taken in any letter case, on the email field, and creates nothing", async () => {
    const email = uniqueEmail("taken");
    await signUp(signUpInput({ email }));
    const [users, orgs, memberships] = await Promise.all([
      db.user.count(),
      db.organization.count(),
      db.membership.count(),
    ]);

    await expect(
      signUp(signUpInput({ email: email.toUpperCase(), organizationName: "Second try" })),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { email: [expect.stringContaining("already exists")] },
    });

    expect(await db.user.count()).toBe(users);
    expect(await db.organization.count()).toBe(orgs);
    expect(await db.membership.count()).toBe(memberships);
    expect(await db.organization.count({ where: { name: "Second try" } })).toBe(0);
  });

  it("refuses a password shorter than 12 characters on the password field", async () => {
    const email = uniqueEmail();
    await expect(signUp(signUpInput({ email, password: "elevenchars" }))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { password: ["Use at least 12 characters."] },
    });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe("authenticate", () => {
  async function account() {
    const email = uniqueEmail();
    await signUp(signUpInput({ email }));
    return email;
  }

  it("accepts the right password and refuses a wrong one", async () => {
    const email = await account();
    await expect(authenticate({ email, password: PASSWORD })).resolves.toMatchObject({ email, name: "Ada Lovelace" });
    await expect(authenticate({ email, password: "wrong password!" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("never returns the password hash", async () => {
    const email = await account();
    const user = await authenticate({ email, password: PASSWORD });
    expect(Object.keys(user).sort()).toEqual(["email", "id", "name"]);
  });

  it("after 5 failures refuses even the right password with TOO_MANY_REQUESTS", async () => {
    const email = await account();
    for (let i = 0; i < 5; i++) {
      await expect(authenticate({ email, password: `wrong guess ${i}` })).rejects.toMatchObject({
        code: "UNAUTHENTICATED",
      });
    }
    await expect(authenticate({ email, password: PASSWORD })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      status: 429,
    });
  });

  it("does not count failures older than the window", async () => {
    const email = await account();
    const longAgo = new Date(Date.now() - WINDOW_MS - 60_000);
    await db.signInFailure.createMany({ data: Array.from({ length: 8 }, () => ({ email, createdAt: longAgo })) });
    await expect(authenticate({ email, password: PASSWORD })).resolves.toMatchObject({ email });
  });

  it("clears the failures after a successful sign-in", async () => {
    const email = await account();
    for (let i = 0; i < 3; i++) await expect(authenticate({ email, password: `nope ${i}` })).rejects.toThrow();
    expect(await db.signInFailure.count({ where: { email } })).toBe(3);
    await authenticate({ email, password: PASSWORD });
    expect(await db.signInFailure.count({ where: { email } })).toBe(0);
  });
});
