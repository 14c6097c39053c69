/**
 * Fresh planner statistics after a bulk write. PostgreSQL plans from statistics that autovacuum
 * refreshes only after a delay: right after a seed or an import of thousands of rows the planner
 * still believes the tables are small and picks nested loops over them (the first dashboard
 * after a 10,000-pilot seed took 80 s; with statistics, 0.16 s). Call this once the rows are
 * written — and committed, since ANALYZE samples what it can see.
 */

/** The part of a Prisma client (or transaction client) this needs. */
export interface RawExecutor {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** Runs one `ANALYZE "A", "B", …` on the named tables (model names, as in schema.prisma). */
export async function analyzeTables(db: RawExecutor, tables: readonly string[]): Promise<void> {
  const names = [...new Set(tables)];
  if (names.length === 0) return;
  for (const name of names) {
    // Table names are interpolated, never bound: only plain identifiers are accepted.
    if (!IDENTIFIER.test(name)) throw new Error(`analyzeTables: not a table name: ${JSON.stringify(name)}`);
  }
  await db.$executeRawUnsafe(`ANALYZE ${names.map((n) => `"${n}"`).join(", ")}`);
}
