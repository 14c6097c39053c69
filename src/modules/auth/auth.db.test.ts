import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signUp } from "./accounts";
import { authenticate } from "./credentials";
import { SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ADDRESS, SIGN_UP_PER_ADDRESS } from "./limits";

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

  it("clears the account's counter after a successful sign-in", async () => {
    const email = await account();
    for (let i = 0; i < 4; i++) await expect(authenticate({ email, password: `nope ${i}` })).rejects.toThrow();
    await authenticate({ email, password: PASSWORD });
    for (let i = 0; i < 4; i++) await expect(authenticate({ email, password: `nope ${i}` })).rejects.toThrow();
    await expect(authenticate({ email, password: PASSWORD })).resolves.toMatchObject({ email });
  });

  it("counts attempts on an unknown email too, so guessing which accounts exist is limited as well", async () => {
    const email = uniqueEmail("nobody");
    for (let i = 0; i < SIGN_IN_PER_ACCOUNT.limit; i++)
      await expect(authenticate({ email, password: "guess" })).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(authenticate({ email, password: "guess" })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });

  it("limits one address across many accounts when the address is known", async () => {
    const address = "203.0.113.9";
    const results = await Promise.allSettled(
      Array.from({ length: SIGN_IN_PER_ADDRESS.limit + 5 }, (_, i) =>
        authenticate({ email: uniqueEmail(`spray${i}`), password: "Winter2026!" }, { address }),
      ),
    );
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "OK"));
    expect(codes.filter((c) => c === "UNAUTHENTICATED")).toHaveLength(SIGN_IN_PER_ADDRESS.limit);
    expect(codes.filter((c) => c === "TOO_MANY_REQUESTS")).toHaveLength(5);
  });

  it("50 parallel wrong passwords: no more than the limit are checked, the rest are refused unchecked", async () => {
    const email = await account();
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => authenticate({ email, password: `parallel guess ${i}` })),
    );
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "OK"));
    expect(codes.filter((c) => c === "UNAUTHENTICATED")).toHaveLength(SIGN_IN_PER_ACCOUNT.limit);
    expect(codes.filter((c) => c === "TOO_MANY_REQUESTS")).toHaveLength(50 - SIGN_IN_PER_ACCOUNT.limit);
  });
});

describe("sign-up limits", () => {
  it("refuses before hashing once the address has created its share of accounts", async () => {
    const address = "198.51.100.4";
    for (let i = 0; i < SIGN_UP_PER_ADDRESS.limit; i++) await signUp(signUpInput(), { address });
    const users = await db.user.count();
    await expect(signUp(signUpInput(), { address })).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS", status: 429 });
    expect(await db.user.count()).toBe(users);
  });

  it("checks the input before counting or hashing: a bad email is a field error and counts nothing", async () => {
    await expect(signUp(signUpInput({ email: "not-an-email" }), { address: "198.51.100.5" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { email: [expect.any(String)] },
    });
    const counters = await db.$queryRaw<
      { key: string }[]
    >`SELECT "key" FROM "RateLimit" WHERE "key" LIKE '%198.51.100.5'`;
    expect(counters).toEqual([]);
  });
});
