import "server-only";
import { randomUUID } from "node:crypto";
import type { PilotStage } from "@/generated/prisma/enums";
import { db, type Prisma } from "@/lib/db";
import { analyzeTables } from "@/lib/database/analyze";
import { currentPublishedVersionId, loadVersionContent, toSpec } from "@/modules/frameworks";
import { snapshotRows } from "@/modules/assessments";
import type { Actor } from "@/modules/access/shared";
import { createOrganization } from "@/modules/orgs";
import { scoreAssessment, type Answers, type Level } from "@/modules/scoring";

/**
 * A large, realistic portfolio for measuring the dashboard: N pilots across business units,
 * teams and stages, each with its stage history and up to four completed assessments over the
 * last 18 months that improve as the pilot matures. Scores come from the real scoring engine
 * applied to generated answers, so snapshots and answers agree. Rows are written in bulk
 * (going through the services row by row would take hours at this size).
 */

const DAY = 86_400_000;
const UNITS = [
  "Claims",
  "Underwriting",
  "Customer Service",
  "Finance",
  "Operations",
  "Marketing",
  "People",
  "Risk",
  "IT",
  "Sales",
];
const TEAMS_PER_UNIT = 4;
const TAGS = [
  "llm",
  "rag",
  "classic-ml",
  "customer-facing",
  "internal",
  "document-ai",
  "forecasting",
  "sensitive-data",
  "real-time",
  "agent",
];
const NOUNS = [
  "triage",
  "summariser",
  "assistant",
  "forecaster",
  "classifier",
  "extractor",
  "copilot",
  "router",
  "scorer",
  "monitor",
  "matcher",
  "drafter",
];
const SUBJECTS = [
  "claims",
  "invoices",
  "tickets",
  "contracts",
  "emails",
  "quotes",
  "orders",
  "policies",
  "reports",
  "calls",
  "leads",
  "payments",
];

/** A small deterministic generator, so a given size always builds the same portfolio. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Progress = (done: number, total: number) => void;

/** The tables the scale seed fills in bulk (and then analyzes). */
export const SCALE_SEED_TABLES = [
  "Pilot",
  "PilotStageChange",
  "Assessment",
  "AssessmentAnswer",
  "AssessmentPillarScore",
  "AssessmentGap",
] as const;

export interface ScaleSeedResult {
  organizationId: string;
  pilots: number;
  assessments: number;
  answers: number;
}

/** Creates a new organisation owned by `ownerUserId` and fills it with `pilotCount` pilots. */
/**
 * Inserts rows in one statement per table: the rows travel as one JSON parameter and
 * PostgreSQL expands them with json_populate_recordset. Columns left out take their defaults.
 * Far faster than parameter-per-value inserts at this volume, on PGlite and PostgreSQL alike.
 */
async function bulkInsert(tx: Prisma.TransactionClient, table: string, rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const list = columns.map((c) => `"${c}"`).join(", ");
  const json = JSON.stringify(rows, (_key, value) => (value instanceof Date ? value.toISOString() : value));
  await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
    json,
  );
}

export async function seedScalePortfolio(
  pilotCount: number,
  ownerUserId: string,
  options: { now?: Date; onProgress?: Progress } = {},
): Promise<ScaleSeedResult> {
  const now = options.now ?? new Date();
  const random = rng(pilotCount);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;

  const org = await createOrganization(ownerUserId, {
    name: `Scale portfolio (${pilotCount.toLocaleString("en")} pilots)`,
  });
  const actor: Actor = { userId: ownerUserId, organizationId: org.id, role: "OWNER" };
  const version = await loadVersionContent(actor, await currentPublishedVersionId(actor));
  const spec = toSpec(version);
  const criteria = version.pillars.flatMap((p) => p.criteria.map((c) => ({ ...c, pillarKey: p.key })));

  let assessmentsWritten = 0;
  let answersWritten = 0;
  const BATCH = 250; // pilots per round trip group
  for (let start = 0; start < pilotCount; start += BATCH) {
    const pilots: Prisma.PilotCreateManyInput[] = [];
    const stageChanges: Prisma.PilotStageChangeCreateManyInput[] = [];
    const assessments: Prisma.AssessmentCreateManyInput[] = [];
    const answers: Prisma.AssessmentAnswerCreateManyInput[] = [];
    const pillarScores: Prisma.AssessmentPillarScoreCreateManyInput[] = [];
    const gaps: Prisma.AssessmentGapCreateManyInput[] = [];
    const latest: { pilotId: string; assessmentId: string }[] = [];

    for (let i = start; i < Math.min(start + BATCH, pilotCount); i++) {
      const pilotId = randomUUID();
      const unitIndex = Math.floor(random() * UNITS.length);
      // Stage mix: many pilots, fewer in production, as in real portfolios.
      const stageRoll = random();
      const finalStage: PilotStage =
        stageRoll < 0.12
          ? "IDEA"
          : stageRoll < 0.55
            ? "PILOT"
            : stageRoll < 0.75
              ? "PRODUCTION_INTENT"
              : stageRoll < 0.93
                ? "PRODUCTION"
                : "RETIRED";
      const path: PilotStage[] =
        finalStage === "IDEA"
          ? ["IDEA"]
          : finalStage === "PILOT"
            ? ["IDEA", "PILOT"]
            : finalStage === "PRODUCTION_INTENT"
              ? ["IDEA", "PILOT", "PRODUCTION_INTENT"]
              : finalStage === "PRODUCTION"
                ? ["IDEA", "PILOT", "PRODUCTION_INTENT", "PRODUCTION"]
                : ["IDEA", "PILOT", "RETIRED"];
      const createdDaysAgo = 60 + Math.floor(random() * 640);
      let enteredDaysAgo = createdDaysAgo;
      const entered: number[] = [];
      for (let s = 0; s < path.length; s++) {
        entered.push(enteredDaysAgo);
        stageChanges.push({
          id: randomUUID(),
          pilotId,
          fromStage: s === 0 ? null : path[s - 1]!,
          toStage: path[s]!,
          enteredAt: new Date(now.getTime() - enteredDaysAgo * DAY),
          leftAt: null as Date | null,
          changedById: actor.userId,
        });
        enteredDaysAgo = Math.max(1, Math.floor(enteredDaysAgo * (0.35 + random() * 0.4)));
        if (s < path.length - 1)
          stageChanges[stageChanges.length - 1]!.leftAt = new Date(now.getTime() - enteredDaysAgo * DAY);
      }
      const hasOwner = random() > 0.15;
      const monthlyRunCost = random() < 0.9 ? Math.round(200 + random() ** 2 * 25_000) : null;
      const outcomes = random() < 0.8 ? Math.round(20 + random() ** 2 * 60_000) : null;
      pilots.push({
        id: pilotId,
        organizationId: actor.organizationId,
        name: `${pick(SUBJECTS)[0]!.toUpperCase()}${pick(SUBJECTS).slice(1)} ${pick(NOUNS)} #${i + 1}`,
        summary: "Generated for the scale benchmark",
        workflow: "A manual workflow the pilot changes",
        targetOutcome: "A measurable business outcome",
        businessUnit: UNITS[unitIndex]!,
        owningTeam: `${UNITS[unitIndex]} team ${1 + Math.floor(random() * TEAMS_PER_UNIT)}`,
        ownerName: hasOwner ? `Owner ${i + 1}` : null,
        ownerEmail: hasOwner ? `owner${i + 1}@example.com` : null,
        stage: finalStage,
        stageEnteredAt: new Date(now.getTime() - entered[entered.length - 1]! * DAY),
        monthlyRunCost,
        outcomesPerMonth: outcomes,
        tags: [pick(TAGS), pick(TAGS)].filter((t, k, a) => a.indexOf(t) === k),
        createdAt: new Date(now.getTime() - createdDaysAgo * DAY),
        updatedAt: now,
      });

      // Assessments: none for most ideas; up to four for mature pilots, within the last 18 months.
      const count = finalStage === "IDEA" ? (random() < 0.2 ? 1 : 0) : 1 + Math.floor(random() * 4);
      const maturity = { IDEA: 0.6, PILOT: 1.2, PRODUCTION_INTENT: 1.8, PRODUCTION: 2.3, RETIRED: 1.0 }[finalStage];
      const pillarBias = Object.fromEntries(version.pillars.map((p) => [p.key, (random() - 0.5) * 1.2]));
      let previousDaysAgo = Math.min(createdDaysAgo - 5, 540);
      let latestId: string | null = null;
      for (let a = 0; a < count; a++) {
        const daysAgo = Math.max(
          1,
          Math.floor(previousDaysAgo * (a === 0 ? 0.9 + random() * 0.1 : 0.4 + random() * 0.45)),
        );
        previousDaysAgo = daysAgo;
        const progress = (a - (count - 1)) * 0.35; // earlier assessments score lower
        const assessmentId = randomUUID();
        const completedAt = new Date(now.getTime() - daysAgo * DAY);
        const scoring: Record<string, Answers[string]> = {};
        const skipSome = random() < 0.1; // some assessments were completed with gaps in coverage
        for (const [ci, c] of criteria.entries()) {
          if (skipSome && ci % 7 === 3) continue;
          const na = c.key === "guardrails.fairness" && random() < 0.3;
          const raw = maturity + progress + pillarBias[c.pillarKey]! + (random() - 0.5) * 1.6;
          const level = Math.max(0, Math.min(3, Math.round(raw))) as Level;
          scoring[c.key] = na ? { kind: "na", reason: "No decisions about people" } : { kind: "level", level };
          answers.push({
            id: randomUUID(),
            assessmentId,
            criterionId: c.id,
            level: na ? null : level,
            notApplicable: na,
            naReason: na ? "No decisions about people" : null,
            updatedById: actor.userId,
            updatedAt: completedAt,
          });
        }
        const score = scoreAssessment(spec, scoring);
        assessments.push({
          id: assessmentId,
          organizationId: actor.organizationId,
          pilotId,
          frameworkVersionId: version.id,
          status: "COMPLETED",
          startedById: actor.userId,
          startedAt: new Date(completedAt.getTime() - 3 * DAY),
          completedById: actor.userId,
          completedAt,
          verdict: score.verdict,
          readinessScore: score.readiness,
          meanScore: score.mean,
          coverage: score.coverage,
          gapKeys: score.gaps.map((g) => g.key),
        });
        const snapshot = snapshotRows(assessmentId, score);
        for (const row of snapshot.pillarScores) pillarScores.push({ id: randomUUID(), ...row });
        for (const row of snapshot.gaps) gaps.push({ id: randomUUID(), ...row });
        latestId = assessmentId;
      }
      if (latestId) latest.push({ pilotId, assessmentId: latestId });
    }

    await db.$transaction(
      async (tx) => {
        await bulkInsert(tx, "Pilot", pilots);
        await bulkInsert(tx, "PilotStageChange", stageChanges);
        await bulkInsert(tx, "Assessment", assessments);
        await bulkInsert(tx, "AssessmentAnswer", answers);
        await bulkInsert(tx, "AssessmentPillarScore", pillarScores);
        await bulkInsert(tx, "AssessmentGap", gaps);
        await tx.$executeRaw`
          UPDATE "Pilot" AS p SET "latestAssessmentId" = v."assessmentId"
          FROM json_to_recordset(${JSON.stringify(latest)}::json) AS v("pilotId" text, "assessmentId" text)
          WHERE p.id = v."pilotId"`;
      },
      { timeout: 300_000 },
    );
    assessmentsWritten += assessments.length;
    answersWritten += answers.length;
    options.onProgress?.(Math.min(start + BATCH, pilotCount), pilotCount);
  }
  // Fresh planner statistics for the tables just filled, so the first dashboard after a seed is
  // planned as well as the hundredth (autovacuum would only catch up later).
  await analyzeTables(db, SCALE_SEED_TABLES);
  return {
    organizationId: actor.organizationId,
    pilots: pilotCount,
    assessments: assessmentsWritten,
    answers: answersWritten,
  };
}
