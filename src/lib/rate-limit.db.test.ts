import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  deleteExpiredRateLimits,
  enforceRateLimits,
  hitRateLimit,
  RateLimitedError,
  resetRateLimit,
  type RateLimitPolicy,
} from "./rate-limit";

const policy = (limit: number, windowMs = 60_000): RateLimitPolicy => ({
  name: `test-${randomBytes(4).toString("hex")}`,
  limit,
  windowMs,
  message: "Slow down; try again in {seconds}.",
});

describe("hitRateLimit", () => {
  it("allows `limit` hits in a window and refuses the next with the time left", async () => {
    const p = policy(3);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await hitRateLimit(p, "someone"));
    expect(answers.map((a) => a.allowed)).toEqual([true, true, true, false, false]);
    expect(answers.map((a) => a.hits)).toEqual([1, 2, 3, 4, 5]);
    expect(answers[3]!.retryAfterMs).toBeGreaterThan(50_000);
    expect(answers[3]!.retryAfterMs).toBeLessThanOrEqual(60_000);
    // Another subject has its own counter.
    expect((await hitRateLimit(p, "someone else")).allowed).toBe(true);
  });

  it("starts again once the window is over", async () => {
    const p = policy(1, 200);
    expect((await hitRateLimit(p, "x")).allowed).toBe(true);
    expect((await hitRateLimit(p, "x")).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(await hitRateLimit(p, "x")).toMatchObject({ allowed: true, hits: 1 });
  });

  it("counts hits that arrive at the same time exactly", async () => {
    const p = policy(7);
    const answers = await Promise.all(Array.from({ length: 30 }, () => hitRateLimit(p, "burst")));
    expect(answers.filter((a) => a.allowed)).toHaveLength(7);
    expect(answers.map((a) => a.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it("reset forgets the counter", async () => {
    const p = policy(1);
    await hitRateLimit(p, "y");
    await resetRateLimit(p, "y");
    expect((await hitRateLimit(p, "y")).allowed).toBe(true);
  });

  it("expired counters are deleted, live ones kept", async () => {
    const short = policy(5, 50);
    const long = policy(5, 60_000);
    await hitRateLimit(short, "z");
    await hitRateLimit(long, "z");
    await new Promise((r) => setTimeout(r, 100));
    expect(await deleteExpiredRateLimits()).toBeGreaterThanOrEqual(1);
    const keys = (await db.$queryRaw<{ key: string }[]>`SELECT "key" FROM "RateLimit"`).map((r) => r.key);
    expect(keys).toContain(`${long.name}:z`);
    expect(keys).not.toContain(`${short.name}:z`);
  });
});

describe("enforceRateLimits", () => {
  it("throws a 429 with a Retry-After in seconds once any limit is exceeded, and skips unknown subjects", async () => {
    const perAccount = policy(2);
    const perAddress = policy(100);
    const check = () =>
      enforceRateLimits([
        { policy: perAccount, subject: "acct" },
        { policy: perAddress, subject: null },
      ]);
    await check();
    await check();
    const error = await check().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ code: "TOO_MANY_REQUESTS", status: 429, details: { retryAfter: 60 } });
    expect((error as Error).message).toBe("Slow down; try again in 60 seconds.");
    const keys = (await db.$queryRaw<{ key: string }[]>`SELECT "key" FROM "RateLimit"`).map((r) => r.key);
    expect(keys.some((k) => k.startsWith(perAddress.name))).toBe(false);
  });
});
