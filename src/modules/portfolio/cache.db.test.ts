/**
 * The portfolio cache is never stale: a write makes a new key (the organisation's data version,
 * ./data-version.ts), so the next view recomputes; views between writes share one computation,
 * and compacting the change log keeps the key.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { saveAnswer, startAssessment } from "@/modules/assessments";
import { createAccount, createTestPilot, type TestAccount } from "@/modules/demo";
import { DEFAULT_FRAMEWORK } from "@/modules/frameworks";
import { archivePilot } from "@/modules/pilots";
import {
  canonicalKey,
  clearPortfolioCache,
  getPortfolioCached,
  getPortfolioCsvRowsCached,
  VersionedCache,
} from "./cache";
import { COMPACT_AFTER, readDataVersion } from "./data-version";
import { parsePortfolioFilters } from "./filters";
import * as queries from "./queries";

// Count the real computations behind the cache.
vi.mock("./queries", async (importOriginal) => {
  const actual = await importOriginal<typeof queries>();
  return {
    ...actual,
    getPortfolio: vi.fn(actual.getPortfolio),
    getPortfolioCsvRows: vi.fn(actual.getPortfolioCsvRows),
  };
});
const getPortfolio = vi.mocked(queries.getPortfolio);
const getPortfolioCsvRows = vi.mocked(queries.getPortfolioCsvRows);

const NOW = new Date("2026-06-15T10:00:00.000Z");

async function orgWithPilots(count: number): Promise<{ owner: TestAccount; pilots: string[] }> {
  const owner = await createAccount();
  const pilots: string[] = [];
  for (let i = 0; i < count; i++) {
    pilots.push((await createTestPilot(owner, { businessUnit: i % 2 ? "Finance" : "Claims" })).id);
  }
  return { owner, pilots };
}

beforeEach(() => {
  clearPortfolioCache();
  getPortfolio.mockClear();
  getPortfolioCsvRows.mockClear();
});

describe("getPortfolioCached", () => {
  it("computes once per key, and again after a write", async () => {
    const { owner, pilots } = await orgWithPilots(3);
    const first = await getPortfolioCached(owner, {}, NOW);
    expect(first.headline.total).toBe(3);
    expect(await getPortfolioCached(owner, {}, NOW)).toBe(first);
    // Later the same day: the same figures.
    expect(await getPortfolioCached(owner, {}, new Date("2026-06-15T23:59:59.999Z"))).toBe(first);
    expect(getPortfolio).toHaveBeenCalledTimes(1);

    await archivePilot(owner, pilots[0]!);
    const after = await getPortfolioCached(owner, {}, NOW);
    expect(after.headline.total).toBe(2);
    expect(getPortfolio).toHaveBeenCalledTimes(2);
    // The result equals an uncached computation.
    expect(after).toEqual(await queries.getPortfolio(owner, {}, NOW));
  });

  it("sees every kind of write: an answer saved in an assessment in progress", async () => {
    const { owner, pilots } = await orgWithPilots(1);
    const { id } = await startAssessment(owner, pilots[0]!);
    const before = await readDataVersion(owner.organizationId);
    await getPortfolioCached(owner, {}, NOW);
    const criterionKey = DEFAULT_FRAMEWORK.pillars[0]!.criteria[0]!.key;
    await saveAnswer(owner, id, { criterionKey, expectedVersion: 0, level: 2 });
    expect(await readDataVersion(owner.organizationId)).toBeGreaterThan(before!);
    await getPortfolioCached(owner, {}, NOW);
    expect(getPortfolio).toHaveBeenCalledTimes(2);
  });

  it("a view that compacts the change log keeps the cached figures: the version stays", async () => {
    const { owner, pilots } = await orgWithPilots(1);
    for (let i = 0; i <= COMPACT_AFTER; i++) {
      await db.$executeRaw`UPDATE "Pilot" SET summary = summary WHERE id = ${pilots[0]!}`;
    }
    const before = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "OrganizationChange" WHERE "organizationId" = ${owner.organizationId}`;
    expect(Number(before[0]!.n)).toBeGreaterThan(COMPACT_AFTER);

    const first = await getPortfolioCached(owner, {}, NOW); // reads the version, compacts
    const after = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "OrganizationChange" WHERE "organizationId" = ${owner.organizationId}`;
    expect(Number(after[0]!.n)).toBe(0);
    expect(await getPortfolioCached(owner, {}, NOW)).toBe(first);
    expect(getPortfolio).toHaveBeenCalledTimes(1);
  });

  it("keeps one entry per filter set; the same filters spelt differently share one", async () => {
    const { owner } = await orgWithPilots(4);
    // Filters as the page gets them: from the URL.
    const url = (search: string) => parsePortfolioFilters(new URLSearchParams(search));
    const all = await getPortfolioCached(owner, url(""), NOW);
    const finance = await getPortfolioCached(owner, url("unit=Finance"), NOW);
    expect(all.headline.total).toBe(4);
    expect(finance.headline.total).toBe(2);
    expect(getPortfolio).toHaveBeenCalledTimes(2);

    // Defaults spelt out, other parameter orders and an unparsed {} are the same request.
    expect(await getPortfolioCached(owner, url("stalledDays=90&groupBy=unit&sort=readiness"), NOW)).toBe(all);
    expect(await getPortfolioCached(owner, {}, NOW)).toBe(all);
    expect(await getPortfolioCached(owner, url("groupBy=unit&unit=Finance"), NOW)).toBe(finance);
    expect(getPortfolio).toHaveBeenCalledTimes(2);

    // Several values of one filter: their order does not matter.
    const both = await getPortfolioCached(owner, url("unit=Finance&unit=Claims"), NOW);
    expect(await getPortfolioCached(owner, url("unit=Claims&unit=Finance"), NOW)).toBe(both);
    expect(getPortfolio).toHaveBeenCalledTimes(3);
  });

  it("recomputes on a new UTC day, for day-based figures", async () => {
    const { owner } = await orgWithPilots(1);
    const today = await getPortfolioCached(owner, {}, NOW);
    const tomorrow = await getPortfolioCached(owner, {}, new Date("2026-06-16T00:00:00.000Z"));
    expect(tomorrow).not.toBe(today);
    expect(getPortfolio).toHaveBeenCalledTimes(2);
  });

  it("20 concurrent requests for one key share one computation", async () => {
    const { owner } = await orgWithPilots(2);
    const results = await Promise.all(Array.from({ length: 20 }, () => getPortfolioCached(owner, {}, NOW)));
    expect(getPortfolio).toHaveBeenCalledTimes(1);
    expect(new Set(results).size).toBe(1);
    expect(results[0]!.headline.total).toBe(2);
  });

  it("does not cache a failed computation", async () => {
    const { owner } = await orgWithPilots(1);
    getPortfolio.mockRejectedValueOnce(new Error("connection reset"));
    await expect(getPortfolioCached(owner, {}, NOW)).rejects.toThrow("connection reset");
    expect((await getPortfolioCached(owner, {}, NOW)).headline.total).toBe(1);
    expect(getPortfolio).toHaveBeenCalledTimes(2);
  });

  it("keeps organisations apart: a write in one leaves the other's entry in place", async () => {
    const a = await orgWithPilots(2);
    const b = await orgWithPilots(1);
    expect((await getPortfolioCached(a.owner, {}, NOW)).headline.total).toBe(2);
    expect((await getPortfolioCached(b.owner, {}, NOW)).headline.total).toBe(1);
    await archivePilot(a.owner, a.pilots[0]!);
    expect((await getPortfolioCached(b.owner, {}, NOW)).headline.total).toBe(1);
    expect((await getPortfolioCached(a.owner, {}, NOW)).headline.total).toBe(1);
    expect(getPortfolio).toHaveBeenCalledTimes(3);
  });

  it("hands out frozen results, so no request can change another's", async () => {
    const { owner } = await orgWithPilots(1);
    const portfolio = await getPortfolioCached(owner, {}, NOW);
    expect(Object.isFrozen(portfolio)).toBe(true);
    expect(Object.isFrozen(portfolio.headline)).toBe(true);
    expect(() => portfolio.verdicts.push(portfolio.verdicts[0]!)).toThrow(TypeError);
  });
});

describe("getPortfolioCsvRowsCached", () => {
  it("caches the export the same way", async () => {
    const { owner, pilots } = await orgWithPilots(2);
    const first = await getPortfolioCsvRowsCached(owner, {}, NOW);
    expect(first.rows).toHaveLength(2);
    expect(await getPortfolioCsvRowsCached(owner, {}, NOW)).toBe(first);
    expect(getPortfolioCsvRows).toHaveBeenCalledTimes(1);
    await archivePilot(owner, pilots[1]!);
    expect((await getPortfolioCsvRowsCached(owner, {}, NOW)).rows).toHaveLength(1);
    expect(getPortfolioCsvRows).toHaveBeenCalledTimes(2);
  });
});

describe("VersionedCache", () => {
  const value = (n: number) => () => Promise.resolve(n);

  it("is bounded: the least recently used entry goes first", async () => {
    const cache = new VersionedCache<number>(3);
    await cache.get("org", 1, "a", value(1));
    await cache.get("org", 1, "b", value(2));
    await cache.get("org", 1, "c", value(3));
    await cache.get("org", 1, "a", value(99)); // a is now the most recent
    await cache.get("org", 1, "d", value(4)); // evicts b
    expect(cache.size).toBe(3);
    expect(await cache.get("org", 1, "a", value(99))).toBe(1);
    expect(await cache.get("org", 1, "b", value(5))).toBe(5);
  });

  it("shares a computation while it runs, failure included, and forgets a failure", async () => {
    const cache = new VersionedCache<number>(10);
    let fail!: (error: Error) => void;
    const compute = vi.fn(() => new Promise<number>((_resolve, reject) => (fail = reject)));
    const waiting = Array.from({ length: 3 }, () => cache.get("org", 1, "a", compute));
    fail(new Error("connection reset"));
    const settled = await Promise.allSettled(waiting);
    expect(settled.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(cache.size).toBe(0);
    expect(await cache.get("org", 1, "a", value(7))).toBe(7);
  });

  it("drops an organisation's entries of older versions once a newer one is seen, and stores none for an older one", async () => {
    const cache = new VersionedCache<number>(100);
    await cache.get("org", 1, "a", value(1));
    await cache.get("org", 1, "b", value(1));
    await cache.get("other", 1, "a", value(1));
    await cache.get("org", 2, "a", value(2));
    expect(cache.size).toBe(2); // org@2 a, other@1 a
    // A request that read version 1 before the write committed: computed, not stored.
    expect(await cache.get("org", 1, "a", value(10))).toBe(10);
    expect(cache.size).toBe(2);
  });
});

describe("canonicalKey", () => {
  it("ignores key order, undefined values and the order of array values", () => {
    expect(canonicalKey({ b: 1, a: ["y", "x"], c: undefined })).toBe(canonicalKey({ a: ["x", "y"], b: 1 }));
    expect(canonicalKey({ a: ["x"] })).not.toBe(canonicalKey({ a: "x" }));
  });
});
