/**
 * The data version (the key of the portfolio cache: Organization.dataVersion plus the count of the
 * organisation's OrganizationChange rows) must grow with every write to an organisation's
 * portfolio data, and only that organisation's. Statement-level triggers append to the log
 * (migration `data_version`); these tests go through every service write and, table by table,
 * through raw SQL, so a new write path or a new table cannot forget. Concurrent writers are in
 * data-version.concurrency.db.test.ts (PostgreSQL only).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { completeAssessment, discardAssessment, saveAnswer, startAssessment } from "@/modules/assessments";
import { createAccount, createTestPilot, pilotValues, SCALE_SEED_TABLES, seedScalePortfolio } from "@/modules/demo";
import type { TestAccount } from "@/modules/demo";
import {
  addCriterion,
  addPillar,
  createDraftFromVersion,
  DEFAULT_FRAMEWORK,
  deleteDraft,
  loadVersionContent,
  publishDraft,
  removeCriterion,
  removePillar,
  updateCriterion,
  updateDraftThresholds,
  updatePillar,
  currentPublishedVersionId,
} from "@/modules/frameworks";
import { archivePilot, restorePilot, updatePilot } from "@/modules/pilots";
import { COMPACT_AFTER, readDataVersion } from "./data-version";

/** The tables whose writes bump the owning organisation's version, and how they reach it. */
const VERSIONED_TABLES = [
  "Assessment",
  "AssessmentAnswer",
  "AssessmentGap",
  "AssessmentPillarScore",
  "Framework",
  "FrameworkCriterion",
  "FrameworkPillar",
  "FrameworkVersion",
  "Pilot",
  "PilotStageChange",
] as const;
type VersionedTable = (typeof VERSIONED_TABLES)[number];

/** Tables deliberately without the trigger: no portfolio figure reads them. */
const UNVERSIONED_TABLES = [
  "EmailVerificationToken",
  "Invitation",
  "Membership",
  "Organization",
  // The log itself (its rows are the version).
  "OrganizationChange",
  "PasswordSetToken",
  "RateLimit",
  "Session",
  // Share links are read by the share pages, not counted in any figure.
  "ShareLink",
  "User",
  // Live workshops: the portfolio reads only the assessments a workshop's close writes (through
  // the assessments service, which the trigger counts), never the votes or items themselves.
  "Workshop",
  "WorkshopItem",
  "WorkshopParticipant",
  "WorkshopPilot",
  "WorkshopVote",
  "_prisma_migrations",
] as const;

async function version(organizationId: string): Promise<number> {
  const v = await readDataVersion(organizationId);
  if (v === null) throw new Error(`no organisation ${organizationId}`);
  return v;
}

let other: TestAccount;

/** Runs `write` and checks that it bumped `mine` and left the other organisation alone. */
async function expectBump<T>(mine: string, write: () => Promise<T>): Promise<T> {
  const [mineBefore, otherBefore] = [await version(mine), await version(other.organizationId)];
  const result = await write();
  expect(await version(mine), "the organisation's data version").toBeGreaterThan(mineBefore);
  expect(await version(other.organizationId), "another organisation's data version").toBe(otherBefore);
  return result;
}

beforeAll(async () => {
  other = await createAccount();
});

describe("data version: every service write bumps it", () => {
  it("pilots: create, update (with and without a stage change), archive, restore", async () => {
    const owner = await createAccount();
    const org = owner.organizationId;
    const { id } = await expectBump(org, () => createTestPilot(owner, { stage: "PILOT" }));
    await expectBump(org, () => updatePilot(owner, id, { ...pilotValues({ stage: "PILOT" }), expectedVersion: 1 }));
    await expectBump(org, () => updatePilot(owner, id, { ...pilotValues({ stage: "IDEA" }), expectedVersion: 2 }));
    await expectBump(org, () => archivePilot(owner, id));
    await expectBump(org, () => restorePilot(owner, id));
  });

  it("assessments: start, save an answer, complete, discard", async () => {
    const owner = await createAccount();
    const org = owner.organizationId;
    const { id: pilotId } = await createTestPilot(owner);
    const { id } = await expectBump(org, () => startAssessment(owner, pilotId));
    const [first, ...rest] = DEFAULT_FRAMEWORK.pillars.flatMap((p) => p.criteria.map((c) => c.key));
    await expectBump(org, () => saveAnswer(owner, id, { criterionKey: first!, expectedVersion: 0, level: 2 }));
    await expectBump(org, () => saveAnswer(owner, id, { criterionKey: first!, expectedVersion: 1, level: 3 }));
    for (const criterionKey of rest) await saveAnswer(owner, id, { criterionKey, expectedVersion: 0, level: 2 });
    await expectBump(org, () => completeAssessment(owner, id));
    const next = await expectBump(org, () => startAssessment(owner, pilotId));
    await expectBump(org, () => discardAssessment(owner, next.id));
  });

  it("frameworks: every write of the framework editor", async () => {
    const owner = await createAccount();
    const org = owner.organizationId;
    const v1 = await currentPublishedVersionId(owner);
    const draft = await expectBump(org, () => createDraftFromVersion(owner, v1));
    const content = await loadVersionContent(owner, draft.id);
    const pillar = content.pillars[0]!;
    const criterion = pillar.criteria[0]!;

    await expectBump(org, () =>
      updateDraftThresholds(owner, draft.id, { readyThreshold: 80, conditionalThreshold: 60 }),
    );
    await expectBump(org, () => updatePillar(owner, pillar.id, { title: "Governed data", description: "Updated." }));
    const added = await expectBump(org, () =>
      addPillar(owner, draft.id, { key: "explainability", title: "Explainability", description: "Why it decided." }),
    );
    const criterionInput = {
      title: criterion.title,
      whyItMatters: criterion.whyItMatters,
      guidance: criterion.guidance,
      levels: criterion.levels,
      weight: criterion.weight,
      isGate: criterion.isGate,
      targetLevel: criterion.targetLevel,
      remediation: criterion.remediation,
    };
    await expectBump(org, () => updateCriterion(owner, criterion.id, { ...criterionInput, weight: 1 }));
    const newCriterion = await expectBump(org, () =>
      addCriterion(owner, added.id, { ...criterionInput, keySuffix: "reasons", title: "Reasons shown" }),
    );
    await expectBump(org, () => removeCriterion(owner, newCriterion.id));
    await expectBump(org, () => removePillar(owner, added.id));
    await expectBump(org, () => publishDraft(owner, draft.id));

    const v3 = await expectBump(org, () => createDraftFromVersion(owner, draft.id));
    await expectBump(org, () => deleteDraft(owner, v3.id));
  });

  it("the scale seed bumps its organisation once per statement, not per row, and analyzes its tables", async () => {
    const owner = await createAccount();
    const before = await version(other.organizationId);
    const seeded = await seedScalePortfolio(12, owner.userId, { now: new Date("2026-06-15T00:00:00.000Z") });
    expect(seeded.answers).toBeGreaterThan(100);
    const v = await version(seeded.organizationId);
    expect(v).toBeGreaterThan(0);
    // 14 statements write the default framework (framework, version, then each of 6 pillars and
    // its criteria), and one batch of pilots is 7 more (one per table and the latest-assessment
    // links) — however many rows each statement writes.
    expect(v).toBeLessThanOrEqual(14 + 7);
    expect(await version(other.organizationId)).toBe(before);

    const analyzed = await db.$queryRaw<{ relname: string }[]>`
      SELECT relname::text AS relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL`;
    expect(analyzed.map((r) => r.relname)).toEqual(expect.arrayContaining([...SCALE_SEED_TABLES]));
  });
});

describe("data version: every table bumps it, whatever writes to it", () => {
  it("each table with portfolio data has the three triggers, and every other table is known to need none", async () => {
    const triggers = await db.$queryRaw<{ table: string; event: string; timing: string; orientation: string }[]>`
      SELECT event_object_table::text AS "table", event_manipulation::text AS event,
        action_timing::text AS timing, action_orientation::text AS orientation
      FROM information_schema.triggers
      WHERE trigger_schema = current_schema() AND action_statement LIKE '%record_organization_change%'
      ORDER BY 1, 2`;
    expect(triggers.every((t) => t.timing === "AFTER" && t.orientation === "STATEMENT")).toBe(true);
    const byTable = new Map<string, string[]>();
    for (const t of triggers) byTable.set(t.table, [...(byTable.get(t.table) ?? []), t.event]);
    expect([...byTable.keys()].sort()).toEqual([...VERSIONED_TABLES]);
    for (const events of byTable.values()) expect(events.sort()).toEqual(["DELETE", "INSERT", "UPDATE"]);

    // A new table fails here until it is given the triggers (VERSIONED_TABLES) or listed as exempt.
    const tables = await db.$queryRaw<{ name: string }[]>`
      SELECT table_name::text AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`;
    expect(tables.map((t) => t.name).sort()).toEqual([...VERSIONED_TABLES, ...UNVERSIONED_TABLES].sort());
  });

  it("an INSERT, an UPDATE and a DELETE in raw SQL each bump the owning organisation", async () => {
    const owner = await createAccount();
    const org = owner.organizationId;
    const { id: pilotId } = await createTestPilot(owner);
    const { id: assessmentId } = await startAssessment(owner, pilotId);
    const versionId = await currentPublishedVersionId(owner);
    const content = await loadVersionContent(owner, versionId);
    const pillarId = content.pillars[0]!.id;
    const criterionId = content.pillars[0]!.criteria[0]!.id;
    const frameworkId = content.frameworkId;

    // One INSERT per table, `$1` the new row's id; UPDATE and DELETE are the same for every table.
    const inserts: Record<VersionedTable, [string, ...unknown[]]> = {
      Pilot: [
        `INSERT INTO "Pilot" (id, "organizationId", name, summary, workflow, "targetOutcome", "businessUnit", "owningTeam", "updatedAt")
         VALUES ($1, $2, 'Raw', 's', 'w', 't', 'Unit', 'Team', now())`,
        org,
      ],
      PilotStageChange: [`INSERT INTO "PilotStageChange" (id, "pilotId", "toStage") VALUES ($1, $2, 'IDEA')`, pilotId],
      Assessment: [
        `INSERT INTO "Assessment" (id, "organizationId", "pilotId", "frameworkVersionId") VALUES ($1, $2, $3, $4)`,
        org,
        pilotId,
        versionId,
      ],
      AssessmentAnswer: [
        `INSERT INTO "AssessmentAnswer" (id, "assessmentId", "criterionId", "updatedAt") VALUES ($1, $2, $3, now())`,
        assessmentId,
        criterionId,
      ],
      AssessmentPillarScore: [
        `INSERT INTO "AssessmentPillarScore" (id, "assessmentId", "pillarKey", "pillarTitle", position)
         VALUES ($1, $2, 'raw', 'Raw', 0)`,
        assessmentId,
      ],
      AssessmentGap: [
        `INSERT INTO "AssessmentGap" (id, "assessmentId", "criterionKey", "criterionTitle", "pillarKey", "isGate", level, "targetLevel", priority, rank, remediation)
         VALUES ($1, $2, 'raw.c', 'Raw', 'raw', false, 0, 2, 1, 1, 'Fix it')`,
        assessmentId,
      ],
      Framework: [
        `INSERT INTO "Framework" (id, "organizationId", slug, name, description) VALUES ($1, $2, $1, 'Raw', 'Raw')`,
        org,
      ],
      FrameworkVersion: [
        `INSERT INTO "FrameworkVersion" (id, "frameworkId", version) VALUES ($1, $2, 99)`,
        frameworkId,
      ],
      FrameworkPillar: [
        `INSERT INTO "FrameworkPillar" (id, "versionId", key, title, description, position) VALUES ($1, $2, $1, 'Raw', 'Raw', 99)`,
        versionId,
      ],
      FrameworkCriterion: [
        `INSERT INTO "FrameworkCriterion" (id, "versionId", "pillarId", key, title, "whyItMatters", guidance, levels, weight, remediation, position)
         VALUES ($1, $2, $3, $1, 'Raw', 'w', 'g', '{}', 1, 'r', 99)`,
        versionId,
        pillarId,
      ],
    };

    for (const table of VERSIONED_TABLES) {
      const id = `raw-${table}`;
      const [insert, ...params] = inserts[table];
      const step = async (what: string, sql: string, ...values: unknown[]) => {
        const [mineBefore, otherBefore] = [await version(org), await version(other.organizationId)];
        expect(await db.$executeRawUnsafe(sql, ...values), `${what} ${table}: rows`).toBe(1);
        expect(await version(org), `${what} ${table} bumps its organisation`).toBe(mineBefore + 1);
        expect(await version(other.organizationId), `${what} ${table} leaves others alone`).toBe(otherBefore);
      };
      await step("INSERT", insert, id, ...params);
      await step("UPDATE", `UPDATE "${table}" SET id = id WHERE id = $1`, id);
      await step("DELETE", `DELETE FROM "${table}" WHERE id = $1`, id);

      // A statement that changes no row changes nothing.
      const unchanged = await version(org);
      await db.$executeRawUnsafe(`UPDATE "${table}" SET id = id WHERE id = $1`, id);
      expect(await version(org), `an empty UPDATE of ${table}`).toBe(unchanged);
    }
  });

  it("a multi-row statement bumps once; one across organisations bumps each of them once", async () => {
    const a = await createAccount();
    const b = await createAccount();
    for (const actor of [a, a, a, b, b]) await createTestPilot(actor);
    const [a0, b0] = [await version(a.organizationId), await version(b.organizationId)];
    const updated = await db.$executeRaw`
      UPDATE "Pilot" SET summary = summary || '.' WHERE "organizationId" IN (${a.organizationId}, ${b.organizationId})`;
    expect(updated).toBe(5);
    expect(await version(a.organizationId)).toBe(a0 + 1);
    expect(await version(b.organizationId)).toBe(b0 + 1);
  });

  it("a bump is part of the writing transaction: rolled back with it", async () => {
    const owner = await createAccount();
    const before = await version(owner.organizationId);
    const logged = await logRows(owner.organizationId);
    await expect(
      db.$transaction(async (tx) => {
        await tx.pilot.create({ data: { ...minimalPilot(), organizationId: owner.organizationId } });
        // The transaction sees its own change in the log…
        const [{ n }] = await tx.$queryRaw<[{ n: bigint }]>`
          SELECT count(*) AS n FROM "OrganizationChange" WHERE "organizationId" = ${owner.organizationId}`;
        expect(Number(n)).toBe(logged + 1);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    // …and nobody does once it rolled back.
    expect(await version(owner.organizationId)).toBe(before);
    expect(await logRows(owner.organizationId)).toBe(logged);
  });
});

describe("data version: the change log and its compaction", () => {
  it("a write appends to the log and leaves the Organization row alone", async () => {
    const owner = await createAccount();
    const org = owner.organizationId;
    const { id } = await createTestPilot(owner, { stage: "PILOT" });
    const before = await organizationRow(org);
    const logged = await logRows(org);
    await updatePilot(owner, id, { ...pilotValues({ stage: "PILOT" }), expectedVersion: 1 });
    expect(await logRows(org)).toBeGreaterThan(logged);
    // Same row version (xmin): no write took the row lock an UPDATE takes.
    expect(await organizationRow(org)).toEqual(before);
  });

  it("compaction keeps the version: the log folds into Organization.dataVersion", async () => {
    const owner = await createAccount();
    const org = owner.organizationId;
    const { id: pilotId } = await createTestPilot(owner);
    const start = await version(org);
    const changes = COMPACT_AFTER + 200;
    for (let i = 0; i < changes; i++) {
      await db.$executeRaw`UPDATE "Pilot" SET summary = summary WHERE id = ${pilotId}`;
    }
    const logged = await logRows(org);
    expect(logged).toBeGreaterThan(COMPACT_AFTER);

    // This read finds more than COMPACT_AFTER rows and compacts: same version, fewer rows.
    const v = await version(org);
    expect(v).toBe(start + changes);
    expect(await logRows(org)).toBeLessThan(logged);
    expect(await logRows(org)).toBe(0);
    expect((await organizationRow(org)).dataVersion).toBe(v);
    expect(await version(org)).toBe(v);

    // The next write counts from there.
    await db.$executeRaw`UPDATE "Pilot" SET summary = summary WHERE id = ${pilotId}`;
    expect(await version(org)).toBe(v + 1);
    expect(await logRows(org)).toBe(1);
  });

  it("a read below the threshold does not compact", async () => {
    const owner = await createAccount();
    const org = owner.organizationId;
    await createTestPilot(owner);
    const logged = await logRows(org);
    expect(logged).toBeGreaterThan(0);
    expect(logged).toBeLessThanOrEqual(COMPACT_AFTER);
    const v = await version(org);
    expect(await logRows(org)).toBe(logged);
    expect((await organizationRow(org)).dataVersion).toBe(v - logged);
  });

  it("deleting an organisation deletes its log, and the cascade to its data appends nothing", async () => {
    const owner = await createAccount();
    const org = owner.organizationId;
    await createTestPilot(owner);
    expect(await logRows(org)).toBeGreaterThan(0);
    await db.$executeRaw`DELETE FROM "Organization" WHERE id = ${org}`;
    expect(await logRows(org)).toBe(0);
    expect(await readDataVersion(org)).toBeNull();
  });
});

/** The organisation's rows in the change log. */
async function logRows(organizationId: string): Promise<number> {
  const [{ n }] = await db.$queryRaw<[{ n: bigint }]>`
    SELECT count(*) AS n FROM "OrganizationChange" WHERE "organizationId" = ${organizationId}`;
  return Number(n);
}

/** The organisation row's compacted version and row version (xmin changes with every UPDATE). */
async function organizationRow(organizationId: string): Promise<{ dataVersion: number; xmin: string }> {
  const [row] = await db.$queryRaw<[{ dataVersion: number; xmin: string }]>`
    SELECT "dataVersion", xmin::text AS xmin FROM "Organization" WHERE id = ${organizationId}`;
  return row;
}

function minimalPilot() {
  return {
    name: "Rolled back",
    summary: "s",
    workflow: "w",
    targetOutcome: "t",
    businessUnit: "Unit",
    owningTeam: "Team",
  };
}
