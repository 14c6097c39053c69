import "server-only";
import { assertCan, type Actor } from "@/modules/access/shared";
import { readDataVersion } from "./data-version";
import { portfolioFiltersSchema, type PortfolioFilters } from "./filters";
import { getPortfolio, getPortfolioCsvRows, type Portfolio, type PortfolioCsv, type PortfolioOptions } from "./queries";

/**
 * Portfolio figures computed once per change, not once per view.
 *
 * Every write to an organisation's pilots, stage history, assessments (answers, pillar scores,
 * gaps) and frameworks makes the organisation's data version grow, in the same transaction —
 * PostgreSQL statement-level triggers append to its change log (migration `data_version`, see
 * ./data-version.ts), so seeds, imports and raw SQL count too, and no write locks a shared row.
 * A result is cached under (organisation, data version, UTC date of `now`, canonical
 * filters): a write makes a new key, so a cached result is never served after the change that
 * would alter it. The date is in the key because day-based figures (days in stage, stalled,
 * assessment staleness) move with the clock: within one day and one version, a viewer sees the
 * figures as of the first computation (`generatedAt` says when), at most until midnight UTC.
 *
 * Each request reads the version with one cheap query (a count over an index, kept to about a
 * thousand rows by compaction). Reading it before the figures is what keeps this correct: a
 * write committed before the version was read is in the figures; one committed after it may be
 * in them too (harmless: its new version makes a new key), but the figures are never older than
 * the version they are stored under.
 *
 * In-process only, and that is enough with several web servers behind a load balancer: the
 * version lives in PostgreSQL and is part of the key, so each server computes a figure set at
 * most once per version and never serves one from before a change it can see. No shared store.
 *
 * Concurrent requests for one key share one computation (the promise is stored; a rejected one
 * is dropped, so a failure is not cached). Memory is bounded: an LRU of MAX_ENTRIES, and the
 * entries of an older version of an organisation are dropped as soon as a newer one is seen.
 * Cached results are shared between requests, so they are frozen: treat them as read-only.
 */

export { readDataVersion };

const MAX_ENTRIES = 256;
/** A CSV export holds every filtered pilot (a few MB at 10,000 pilots): keep only a few. */
const MAX_CSV_ENTRIES = 8;

interface Entry<T> {
  organizationId: string;
  dataVersion: number;
  value: Promise<T>;
}

/** Results per (organisation, data version, …) key: an LRU that shares in-flight computations. */
export class VersionedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  /**
   * The cached result for `key` of this organisation at this version, or `compute()`'s, stored
   * while it runs. A result for an older version than one already seen is computed but not stored.
   */
  get(organizationId: string, dataVersion: number, key: string, compute: () => Promise<T>): Promise<T> {
    const fullKey = `${organizationId}\u0000${dataVersion}\u0000${key}`;
    const hit = this.entries.get(fullKey);
    if (hit) {
      // Most recently used goes last.
      this.entries.delete(fullKey);
      this.entries.set(fullKey, hit);
      return hit.value;
    }

    let stale = false;
    for (const [k, e] of this.entries) {
      if (e.organizationId !== organizationId) continue;
      if (e.dataVersion < dataVersion) this.entries.delete(k);
      else if (e.dataVersion > dataVersion) stale = true;
    }
    // This request read the version before a newer one was seen: its figures are right for it,
    // but nobody will ask for that version again.
    if (stale) return compute();

    const value = compute().then(deepFreeze);
    const entry: Entry<T> = { organizationId, dataVersion, value };
    this.entries.set(fullKey, entry);
    value.catch(() => {
      if (this.entries.get(fullKey) === entry) this.entries.delete(fullKey);
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return value;
  }
}

/**
 * A stable text for a value: object keys sorted, array values sorted (the filters' arrays are
 * sets of values to match — if one ever becomes an ordered list, stop sorting it here).
 */
export function canonicalKey(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(canonical).sort((a, b) => {
      const x = JSON.stringify(a);
      const y = JSON.stringify(b);
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The key of a request within one organisation and version: the UTC day and the parsed filters. */
function requestKey(filters: Partial<PortfolioFilters>, now: Date, extra: object = {}): string {
  // Parsed first, so {} and the same filters spelt out with their defaults share one entry.
  const parsed = portfolioFiltersSchema.parse(filters);
  return `${now.toISOString().slice(0, 10)}\u0000${canonicalKey({ filters: parsed, ...extra })}`;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const portfolios = new VersionedCache<Portfolio>(MAX_ENTRIES);
const csvExports = new VersionedCache<PortfolioCsv>(MAX_CSV_ENTRIES);

/** Empties both caches (tests). */
export function clearPortfolioCache(): void {
  portfolios.clear();
  csvExports.clear();
}

/**
 * `getPortfolio(actor, filters, now, options)`, computed at most once per (organisation, data
 * version, UTC date of `now`, filters, options) in this process. The result is frozen.
 */
export async function getPortfolioCached(
  actor: Actor,
  filters: Partial<PortfolioFilters> = {},
  now: Date = new Date(),
  options: PortfolioOptions = {},
): Promise<Portfolio> {
  assertCan(actor, "org:read");
  const version = await readDataVersion(actor.organizationId);
  const compute = () => getPortfolio(actor, filters, now, options);
  if (version === null) return compute();
  return portfolios.get(actor.organizationId, version, requestKey(filters, now, { options }), compute);
}

/** `getPortfolioCsvRows(actor, filters, now)`, cached the same way (fewer entries: they are large). */
export async function getPortfolioCsvRowsCached(
  actor: Actor,
  filters: Partial<PortfolioFilters> = {},
  now: Date = new Date(),
): Promise<PortfolioCsv> {
  assertCan(actor, "org:read");
  const version = await readDataVersion(actor.organizationId);
  const compute = () => getPortfolioCsvRows(actor, filters, now);
  if (version === null) return compute();
  return csvExports.get(actor.organizationId, version, requestKey(filters, now), compute);
}
