import "server-only";
import { db } from "@/lib/db";

/**
 * An organisation's data version: a number that grows with every committed change to its
 * pilots, stage history, assessments and frameworks, the key of cached figures (./cache.ts).
 *
 * Writes never touch a shared row to make it grow. Statement-level triggers (migration
 * `data_version`) append one `OrganizationChange` row per organisation a statement changed, in
 * the writing transaction, and the version is
 *
 *     Organization.dataVersion (the compacted part) + count of the organisation's OrganizationChange rows
 *
 * read in one statement, so in one snapshot. A count, not max(id): sequence ids are handed out at
 * insert, not at commit, so max(id) can already include a later-committing transaction's id while
 * an earlier one is still uncommitted, and figures cached under that max would stay stale when the
 * earlier one commits. The count grows by one with every committed change, whatever the order.
 *
 * Compaction keeps the count cheap: once an organisation has more than COMPACT_AFTER rows, the
 * reader deletes them and adds their number to Organization.dataVersion in one statement.
 * Readers see the state before or after it, and the sum is the same. Two compactions at once
 * cannot count a row twice: the second waits for the first's row locks and then finds the rows
 * gone (so a reader in another process that compacts at the same moment waits a millisecond or
 * two; in this process, later readers leave it to the one compacting). User writes never wait
 * for it: their inserts touch other rows, and the foreign key's KEY SHARE lock on the
 * organisation does not conflict with the UPDATE's (which changes no key). The log shrinks only
 * when the version is read: an organisation nobody looks at keeps its rows until the next read.
 */

/** Above this many log rows, the reader folds them into Organization.dataVersion. */
export const COMPACT_AFTER = 1_000;

/** The version and the log's part of it, in one statement (one snapshot). `$1`: the organisation. */
export const READ_VERSION_SQL = `
  SELECT o."dataVersion" + c.pending AS version, c.pending
  FROM "Organization" o
  CROSS JOIN LATERAL (
    SELECT count(*) AS pending FROM "OrganizationChange" WHERE "organizationId" = o.id
  ) c
  WHERE o.id = $1`;

/**
 * Folds the organisation's log into Organization.dataVersion in one statement: the rows it
 * deletes are exactly the ones it adds. Returns that number. `$1`: the organisation.
 */
export const COMPACT_SQL = `
  WITH gone AS (
    DELETE FROM "OrganizationChange" WHERE "organizationId" = $1 RETURNING 1
  ), folded AS (
    UPDATE "Organization" SET "dataVersion" = "dataVersion" + (SELECT count(*) FROM gone)
    WHERE id = $1
    RETURNING (SELECT count(*) FROM gone) AS folded
  )
  SELECT folded FROM folded`;

/** Organisations being compacted by this process: concurrent readers leave it to the first. */
const compacting = new Set<string>();

/**
 * The organisation's data version, or null if there is no such organisation. Compacts the
 * organisation's change log afterwards when it has grown past COMPACT_AFTER rows (the version
 * is the same before and after).
 */
export async function readDataVersion(organizationId: string): Promise<number | null> {
  const rows = await db.$queryRawUnsafe<{ version: bigint; pending: bigint }[]>(READ_VERSION_SQL, organizationId);
  const row = rows[0];
  if (!row) return null;
  if (Number(row.pending) > COMPACT_AFTER && !compacting.has(organizationId)) {
    compacting.add(organizationId);
    try {
      await compactDataVersion(organizationId);
    } catch (error) {
      // The version read above stands: compaction only makes the next reads cheaper.
      console.error(`Compacting the data version of organisation ${organizationId} failed:`, error);
    } finally {
      compacting.delete(organizationId);
    }
  }
  return Number(row.version);
}

/** Runs COMPACT_SQL for the organisation; returns how many log rows it folded. */
export async function compactDataVersion(organizationId: string): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ folded: bigint }[]>(COMPACT_SQL, organizationId);
  return Number(rows[0]?.folded ?? 0);
}
