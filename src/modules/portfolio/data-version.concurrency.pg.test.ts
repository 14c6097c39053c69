/**
 * Concurrent writers and the data version, on PostgreSQL.
 *
 * These tests interleave transactions on independent connections (a transaction stays open on
 * one while another writes), which needs a server: CI runs the db suite again with
 * TEST_DATABASE_URL, and tests/support/db-setup.ts exposes this file's database as
 * `__testDatabaseUrl`. PGlite has a single connection, on which no two transactions can be open
 * at once, so this file (*.pg.test.ts) is only part of the suite on a server (vitest.config.ts).
 * The bookkeeping itself (one log row per statement, rollback, compaction) is checked on both
 * databases in data-version.db.test.ts.
 *
 * Every session has a lock_timeout, so a regression — a write waiting on a lock that it should
 * not need, as when every write bumped a counter on the Organization row — fails fast with
 * 55P03 instead of hanging.
 */
import { afterEach, describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/db";
import { saveAnswer, startAssessment } from "@/modules/assessments";
import { createAccount, createTestPilot } from "@/modules/demo";
import { DEFAULT_FRAMEWORK } from "@/modules/frameworks";
import { COMPACT_AFTER, COMPACT_SQL, READ_VERSION_SQL, readDataVersion } from "./data-version";

const databaseUrl = (globalThis as { __testDatabaseUrl?: string }).__testDatabaseUrl;
if (!databaseUrl) throw new Error("*.pg.test.ts files run on PostgreSQL only (TEST_DATABASE_URL)");

interface Session {
  client: pg.Client;
  pid: number;
  query: (sql: string, values?: unknown[]) => Promise<pg.QueryResult>;
}

const sessions: pg.Client[] = [];

afterEach(async () => {
  // A failed test may leave a transaction open: ending the connection rolls it back.
  await Promise.all(sessions.splice(0).map((c) => c.end().catch(() => {})));
});

/** An independent connection to this file's database. */
async function session(lockTimeout = "5s"): Promise<Session> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  sessions.push(client);
  await client.query(`SET lock_timeout = '${lockTimeout}'`);
  const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  return { client, pid: rows[0]!.pid, query: (sql, values) => client.query(sql, values) };
}

/**
 * Waits until the backend `pid` waits for a lock, or (with `orIdle`) has finished its statement.
 *
 * A blocked backend shows "Lock" at once; one that is merely slow (writing WAL or reading pages
 * while other test files create their databases) shows "active" with an IO or LWLock wait, which
 * is not what these tests are about, so the deadline is generous. A wrong lock still fails fast.
 */
async function waitForBackend(pid: number, { orIdle = false } = {}): Promise<"blocked" | "idle"> {
  const deadline = Date.now() + 20_000;
  let last: { state: string | null; wait: string | null; event: string | null } | undefined;
  while (Date.now() < deadline) {
    [last] = await db.$queryRaw<{ state: string | null; wait: string | null; event: string | null }[]>`
      SELECT state, wait_event_type AS wait, wait_event AS event FROM pg_stat_activity WHERE pid = ${pid}`;
    if (last?.wait === "Lock") return "blocked";
    if (orIdle && last?.state === "idle in transaction") return "idle";
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(
    `backend ${pid} neither waited for a lock nor finished its statement within 20 s ` +
      `(last seen: ${JSON.stringify(last ?? null)})`,
  );
}

/** A query left running while the test does something else: awaited later, never unhandled. */
function inFlight<T>(query: Promise<T>): Promise<T> {
  // If the test fails first, afterEach ends the connection and the query rejects: not an
  // unhandled rejection, the test has already failed.
  query.catch(() => {});
  return query;
}

async function version(organizationId: string): Promise<number> {
  const v = await readDataVersion(organizationId);
  if (v === null) throw new Error(`no organisation ${organizationId}`);
  return v;
}

describe("data version under concurrent writers (PostgreSQL)", () => {
  it("the interleaving that deadlocked commits both: an assessment then its pilot, against that pilot", async () => {
    const owner = await createAccount();
    const org = owner.organizationId;
    const { id: pilotId } = await createTestPilot(owner);
    const { id: assessmentId } = await startAssessment(owner, pilotId);
    const before = await version(org);
    const [a, b] = [await session(), await session()];

    // A: updates the assessment (when that bumped a counter, A held the organisation row from here).
    await a.query("BEGIN");
    await a.query(`UPDATE "Assessment" SET "startedAt" = "startedAt" WHERE id = $1`, [assessmentId]);
    // B: updates the pilot — its row lock first, then its trigger (which used to wait for A).
    await b.query("BEGIN");
    const bPilot = inFlight(b.query(`UPDATE "Pilot" SET summary = summary || '.' WHERE id = $1`, [pilotId]));
    const bState = await waitForBackend(b.pid, { orIdle: true });
    // A: updates the same pilot and waits for B's row lock. With the counter, that closed the
    // cycle and PostgreSQL aborted B (40P01 "deadlock detected") a deadlock_timeout later.
    const aPilot = inFlight(a.query(`UPDATE "Pilot" SET name = name || '!' WHERE id = $1`, [pilotId]));
    expect(await waitForBackend(a.pid)).toBe("blocked");
    expect((await bPilot).rowCount).toBe(1);
    await b.query("COMMIT");
    expect((await aPilot).rowCount).toBe(1);
    await a.query("COMMIT");

    expect(bState, "B's pilot update waited for nobody").toBe("idle");
    // Three committed statements, three changes.
    expect(await version(org)).toBe(before + 3);
  });

  it("autosave does not serialise on the organisation: two transactions hold different pilots' row locks at once", async () => {
    const owner = await createAccount();
    const org = owner.organizationId;
    const { id: pilotA } = await createTestPilot(owner);
    const { id: pilotB } = await createTestPilot(owner);
    const before = await version(org);
    const [t1, t2, probe] = [await session(), await session("2s"), await session()];

    await t1.query("BEGIN");
    await t1.query(`UPDATE "Pilot" SET summary = summary || '.' WHERE id = $1`, [pilotA]);
    // T1 stays open. T2 writes another pilot of the same organisation without waiting for it.
    await t2.query("BEGIN");
    await t2.query(`UPDATE "Pilot" SET summary = summary || '.' WHERE id = $1`, [pilotB]);
    // Both row locks are held at this moment: neither pilot can be locked by a third session.
    for (const id of [pilotA, pilotB]) {
      await expect(
        probe.query(`SELECT id FROM "Pilot" WHERE id = $1 FOR UPDATE NOWAIT`, [id]),
        `pilot ${id} is locked`,
      ).rejects.toMatchObject({ code: "55P03" });
    }
    await t2.query("COMMIT");
    // T2's change counts before T1 commits; T1's counts when it does.
    expect(await version(org)).toBe(before + 1);
    await t1.query("COMMIT");
    expect(await version(org)).toBe(before + 2);
  });

  it("saveAnswer on one assessment completes while a transaction on another of the organisation's assessments stays open", async () => {
    const owner = await createAccount();
    const org = owner.organizationId;
    const { id: first } = await startAssessment(owner, (await createTestPilot(owner)).id);
    const { id: second } = await startAssessment(owner, (await createTestPilot(owner)).id);
    const [criterionA, criterionB] = DEFAULT_FRAMEWORK.pillars[0]!.criteria.map((c) => c.key);
    await saveAnswer(owner, first, { criterionKey: criterionA!, expectedVersion: 0, level: 1 });
    const before = await version(org);

    // Someone's autosave on the first assessment, caught mid-transaction.
    const open = await session();
    await open.query("BEGIN");
    await open.query(`SELECT id FROM "Assessment" WHERE id = $1 FOR UPDATE`, [first]);
    await open.query(`UPDATE "AssessmentAnswer" SET level = 2, version = version + 1 WHERE "assessmentId" = $1`, [
      first,
    ]);

    // Another person's autosave on the second assessment goes through the service meanwhile.
    const saved = await Promise.race([
      saveAnswer(owner, second, { criterionKey: criterionB!, expectedVersion: 0, level: 3 }),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error("saveAnswer waited for another assessment's transaction")), 5_000),
      ),
    ]);
    expect(saved.level).toBe(3);
    const afterSave = await version(org);
    expect(afterSave).toBeGreaterThan(before);

    await open.query("COMMIT");
    expect(await version(org)).toBe(afterSave + 1);
  });

  it("compaction: readers see the same version before, during and after; writers do not wait; a second compaction folds nothing twice", async () => {
    const owner = await createAccount();
    const org = owner.organizationId;
    const { id: pilotId } = await createTestPilot(owner);
    // Fill the log as COMPACT_AFTER + 200 statements would (one row each), in one statement here.
    await db.$executeRaw`
      INSERT INTO "OrganizationChange" ("organizationId")
      SELECT ${org} FROM generate_series(1, ${COMPACT_AFTER + 200}::int)`;
    const [c1, c2, writer, reader] = [await session(), await session(), await session("2s"), await session()];
    const read = async () => Number((await reader.query(READ_VERSION_SQL, [org])).rows[0].version);
    const before = await read();

    // The first compaction, caught before it commits.
    await c1.query("BEGIN");
    const folded = Number((await c1.query(COMPACT_SQL, [org])).rows[0].folded);
    expect(folded).toBeGreaterThan(COMPACT_AFTER);
    expect(await read(), "a reader during the compaction").toBe(before);

    // A second one (another server's reader) waits for the first's row locks.
    const second = inFlight(c2.query(COMPACT_SQL, [org]));
    expect(await waitForBackend(c2.pid)).toBe("blocked");

    // A user write meanwhile: no wait (lock_timeout 2 s), and it counts.
    await writer.query("BEGIN");
    await writer.query(`UPDATE "Pilot" SET summary = summary || '.' WHERE id = $1`, [pilotId]);
    await writer.query("COMMIT");
    expect(await read()).toBe(before + 1);

    await c1.query("COMMIT");
    expect(await read(), "after the compaction").toBe(before + 1);
    // The second finds the rows gone, and leaves the write's row (committed after its snapshot).
    expect(Number((await second).rows[0].folded)).toBe(0);
    expect(await read()).toBe(before + 1);
    const [{ n }] = await db.$queryRaw<[{ n: bigint }]>`
      SELECT count(*) AS n FROM "OrganizationChange" WHERE "organizationId" = ${org}`;
    expect(Number(n)).toBe(1);
  });
});
