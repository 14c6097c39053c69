/**
 * A fingerprint of the whole database: one md5 per table of the public schema, taken in a
 * single query. Two equal fingerprints mean no row was added, removed or changed.
 */
import { db } from "@/lib/db";

/**
 * Tables whose rows change as a side effect of knocking (rate-limit counters, the sessions the test
 * records as it signs its visitors in), or never matter:
 * OrganizationChange is bookkeeping — the triggers append a row to it for every statement that
 * writes portfolio data, so a write shows up twice (its own table and the log); the table that
 * holds the data is the one that names what changed.
 */
const IGNORED = new Set(["_prisma_migrations", "RateLimit", "OrganizationChange", "Session"]);

let query: string | undefined;

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

async function fingerprintQuery(): Promise<string> {
  if (query) return query;
  const tables = await db.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const names = tables.map((t) => t.table_name).filter((name) => !IGNORED.has(name));
  if (names.length === 0) throw new Error("No tables to fingerprint: is the database migrated?");
  query = names
    .map(
      (name) =>
        `SELECT ${literal(name)} AS "table", ` +
        `(SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM ${quote(name)} t) AS "hash"`,
    )
    .join(" UNION ALL ");
  return query;
}

/** table name → md5 of its rows. */
export async function fingerprint(): Promise<Record<string, string>> {
  const rows = await db.$queryRawUnsafe<{ table: string; hash: string }[]>(await fingerprintQuery());
  return Object.fromEntries(rows.map((r) => [r.table, r.hash]));
}

/** The names of the tables whose rows differ between two fingerprints. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}
