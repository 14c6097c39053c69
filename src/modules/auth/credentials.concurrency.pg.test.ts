/**
 * Parallel guessing on PostgreSQL, where the db client has a pool of connections and the 50
 * attempts really run at once (PGlite serialises them on its one connection; the same test runs
 * there in auth.db.test.ts). The limit must hold because the counter is bumped and read in one
 * atomic statement before any password is checked — counting failures and then recording them,
 * as before, let every parallel guess through.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { signUp } from "./accounts";
import { authenticate } from "./credentials";
import { SIGN_IN_PER_ACCOUNT } from "./limits";
import { verifyPassword } from "./password";
import type * as PasswordModule from "./password";

// Counts the passwords really checked (bcrypt), without changing what the check does.
vi.mock("./password", async (importOriginal) => {
  const original = await importOriginal<typeof PasswordModule>();
  return { ...original, verifyPassword: vi.fn(original.verifyPassword) };
});

const databaseUrl = (globalThis as { __testDatabaseUrl?: string }).__testDatabaseUrl;
if (!databaseUrl) throw new Error("*.pg.test.ts files run on PostgreSQL only (TEST_DATABASE_URL)");

describe("sign-in limit under concurrency", () => {
  it("50 parallel wrong passwords at one account: at most the limit are checked", async () => {
    const email = `pg-${randomBytes(4).toString("hex")}@example.com`;
    await signUp({ name: "Target", email, password: "the real passphrase", organizationName: "Target Co" });
    const checked = vi.mocked(verifyPassword);
    checked.mockClear();

    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => authenticate({ email, password: `parallel guess ${i}` })),
    );

    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "OK"));
    expect(codes.filter((c) => c === "OK")).toEqual([]);
    expect(codes.filter((c) => c === "UNAUTHENTICATED")).toHaveLength(SIGN_IN_PER_ACCOUNT.limit);
    expect(codes.filter((c) => c === "TOO_MANY_REQUESTS")).toHaveLength(50 - SIGN_IN_PER_ACCOUNT.limit);
    expect(checked).toHaveBeenCalledTimes(SIGN_IN_PER_ACCOUNT.limit);
    // Even the right password now waits for the window.
    await expect(authenticate({ email, password: "the real passphrase" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
  });
});
