import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan, type Actor } from "@/modules/access/shared";
import { currentPublishedVersionId, loadVersionContent, toSpec, type VersionContent } from "@/modules/frameworks";
import { scoreAssessment, type Answers, type Level, type ScoreResult } from "@/modules/scoring";
import { diffAnswers, type ChangesSince } from "./changes";
import { answerStatus, isUnconfirmed, resumeStep, sameContent, type StatusInput } from "./progress";
import { answerInputSchema, type Evidence } from "./schemas";
import { snapshotRows } from "./snapshot";

/** An answer as the client sees it. */
export interface AnswerView {
  criterionKey: string;
  level: Level | null;
  notApplicable: boolean;
  naReason: string | null;
  notes: string;
  evidence: Evidence[];
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  /** Copied from the previous completed assessment when this one started. */
  carriedOver: boolean;
  /** When someone last saved it; null for a carried-over answer nobody has confirmed yet. */
  confirmedAt: string | null;
}

const answerSelect = {
  level: true,
  notApplicable: true,
  naReason: true,
  notes: true,
  evidence: true,
  version: true,
  updatedAt: true,
  updatedBy: { select: { name: true } },
  criterion: { select: { key: true } },
  carriedOverFromId: true,
  confirmedAt: true,
} satisfies Prisma.AssessmentAnswerSelect;

function toAnswerView(row: Prisma.AssessmentAnswerGetPayload<{ select: typeof answerSelect }>): AnswerView {
  return {
    criterionKey: row.criterion.key,
    level: row.level as Level | null,
    notApplicable: row.notApplicable,
    naReason: row.naReason,
    notes: row.notes,
    evidence: (row.evidence ?? []) as unknown as Evidence[],
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy?.name ?? null,
    carriedOver: row.carriedOverFromId !== null,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
  };
}

/** An answer as the progress functions (progress.ts) read it. */
export function statusInput(answer: AnswerView | undefined): StatusInput | undefined {
  return answer && { ...answer, unconfirmed: isUnconfirmed(answer) };
}

/** The scoring engine's view of stored answers. */
export function toScoringAnswers(answers: AnswerView[]): Answers {
  const out: Record<string, Answers[string]> = {};
  for (const a of answers) {
    if (a.notApplicable) out[a.criterionKey] = { kind: "na", reason: a.naReason ?? "" };
    else if (a.level !== null) out[a.criterionKey] = { kind: "level", level: a.level };
  }
  return out;
}

/** The tenant condition every assessment query starts from. */
function inOrg(actor: Actor, where: Prisma.AssessmentWhereInput = {}): Prisma.AssessmentWhereInput {
  return { ...where, organizationId: actor.organizationId };
}

interface WriteOptions {
  /** When it happened; the demo seed backdates history, everything else uses now. */
  now?: Date;
}

/** An answer with nothing in it (saved, then cleared) is not worth carrying over. */
function isEmptyAnswer(a: { level: number | null; notApplicable: boolean; notes: string; evidence: unknown }) {
  return a.level === null && !a.notApplicable && !a.notes.trim() && (!Array.isArray(a.evidence) || !a.evidence.length);
}

/**
 * Copies the answers of the pilot's latest completed assessment into a new one, by criterion
 * key: criteria new in the new version start empty, criteria it no longer has are dropped. Each
 * copy points at the answer it came from and is unconfirmed until someone saves it.
 */
async function carryOverAnswers(
  tx: Prisma.TransactionClient,
  actor: Actor,
  pilotId: string,
  assessmentId: string,
  frameworkVersionId: string,
  now: Date,
): Promise<number> {
  const previous = await tx.assessment.findFirst({
    where: inOrg(actor, { pilotId, status: "COMPLETED" }),
    orderBy: [{ completedAt: "desc" }, { id: "desc" }],
    select: {
      answers: {
        select: {
          id: true,
          level: true,
          notApplicable: true,
          naReason: true,
          notes: true,
          evidence: true,
          updatedById: true,
          criterion: { select: { key: true } },
        },
      },
    },
  });
  if (!previous || previous.answers.length === 0) return 0;
  const criteria = await tx.frameworkCriterion.findMany({
    where: { versionId: frameworkVersionId },
    select: { id: true, key: true },
  });
  const criterionIds = new Map(criteria.map((c) => [c.key, c.id]));
  const data: Prisma.AssessmentAnswerCreateManyInput[] = previous.answers.flatMap((a) => {
    const criterionId = criterionIds.get(a.criterion.key);
    if (!criterionId || isEmptyAnswer(a)) return [];
    return [
      {
        assessmentId,
        criterionId,
        level: a.notApplicable ? null : a.level,
        notApplicable: a.notApplicable,
        naReason: a.notApplicable ? a.naReason : null,
        notes: a.notes,
        evidence: a.evidence ?? [],
        // Who wrote the value; the copy is nobody's confirmation.
        updatedById: a.updatedById,
        updatedAt: now,
        carriedOverFromId: a.id,
        confirmedAt: null,
      },
    ];
  });
  if (data.length > 0) await tx.assessmentAnswer.createMany({ data });
  return data.length;
}

interface StartOptions extends WriteOptions {
  /** A published version of the organisation's framework to pin instead of the current one (a workshop's). */
  frameworkVersionId?: string;
  /** False: start empty instead of from the previous answers (a workshop writes only what the room agreed). */
  carryOver?: boolean;
}

/** The id of a published version of the actor's organisation's framework, else 404. */
async function publishedVersionId(actor: Actor, id: string): Promise<string> {
  const version = await db.frameworkVersion.findFirst({
    where: { id, status: "PUBLISHED", framework: { organizationId: actor.organizationId } },
    select: { id: true },
  });
  if (!version) throw notFound("Framework version not found.");
  return version.id;
}

/**
 * Starts an assessment of a pilot on the current published framework version, or returns the
 * open one. A pilot assessed before starts from its latest completed assessment's answers.
 */
export async function startAssessment(
  actor: Actor,
  pilotId: string,
  options: StartOptions = {},
): Promise<{ id: string; created: boolean }> {
  assertCan(actor, "assessment:write");
  const pilot = await db.pilot.findFirst({
    where: { id: pilotId, organizationId: actor.organizationId },
    select: { id: true, archivedAt: true },
  });
  if (!pilot) throw notFound("Pilot not found.");
  if (pilot.archivedAt) throw conflict("This pilot is archived. Restore it before assessing it.");
  const open = await db.assessment.findUnique({ where: { openForPilotId: pilotId }, select: { id: true } });
  if (open) return { id: open.id, created: false };

  const frameworkVersionId = options.frameworkVersionId
    ? await publishedVersionId(actor, options.frameworkVersionId)
    : await currentPublishedVersionId(actor);
  const now = options.now ?? new Date();
  try {
    const created = await db.$transaction(async (tx) => {
      const assessment = await tx.assessment.create({
        data: {
          organizationId: actor.organizationId,
          pilotId,
          frameworkVersionId,
          openForPilotId: pilotId,
          startedById: actor.userId,
          startedAt: now,
        },
        select: { id: true },
      });
      if (options.carryOver !== false)
        await carryOverAnswers(tx, actor, pilotId, assessment.id, frameworkVersionId, now);
      return assessment;
    });
    return { id: created.id, created: true };
  } catch (error) {
    // Two people starting at once: the unique openForPilotId lets one win; both get the same draft.
    if ((error as { code?: string }).code !== "P2002") throw error;
    const winner = await db.assessment.findUniqueOrThrow({ where: { openForPilotId: pilotId }, select: { id: true } });
    return { id: winner.id, created: false };
  }
}

async function findAssessment(actor: Actor, id: string) {
  const assessment = await db.assessment.findFirst({
    where: inOrg(actor, { id }),
    select: {
      id: true,
      status: true,
      startedAt: true,
      completedAt: true,
      discardedAt: true,
      frameworkVersionId: true,
      verdict: true,
      readinessScore: true,
      meanScore: true,
      coverage: true,
      pilot: { select: { id: true, name: true, ownerName: true } },
      startedBy: { select: { name: true } },
      completedBy: { select: { name: true } },
      discardedBy: { select: { name: true } },
    },
  });
  if (!assessment) throw notFound("Assessment not found.");
  return assessment;
}

export type AssessmentStatus = "IN_PROGRESS" | "COMPLETED" | "DISCARDED";

/** The answers an assessment started from: copies of the previous completed assessment's. */
export interface CarryOverSummary {
  /** The completed assessment they were copied from. */
  from: { id: string; completedAt: string };
  /** Answers copied in. */
  carried: number;
  /** Of those, still exactly as they were copied (confirmed unchanged, or never confirmed). */
  unchanged: number;
  /** Of those, never confirmed by anyone. */
  unconfirmed: number;
}

export interface AssessmentDetail {
  id: string;
  status: AssessmentStatus;
  startedAt: string;
  completedAt: string | null;
  discardedAt: string | null;
  startedBy: string | null;
  completedBy: string | null;
  discardedBy: string | null;
  /** `ownerName` is the registry's named owner, shown beside the ownership criteria. */
  pilot: { id: string; name: string; ownerName: string | null };
  framework: VersionContent;
  answers: AnswerView[];
  /** Computed now from the answers; for a completed assessment this equals its stored snapshot. */
  score: ScoreResult;
  /** Null when the assessment did not start from a previous one. */
  carryOver: CarryOverSummary | null;
  /** The step to open at: the pillar of the first unanswered or unconfirmed criterion, else review. */
  resumeStep: number;
}

/** Compares the carried-over answers with the answers they were copied from (which never change). */
async function carryOverSummary(assessmentId: string): Promise<CarryOverSummary | null> {
  const rows = await db.assessmentAnswer.findMany({
    where: { assessmentId, carriedOverFromId: { not: null } },
    select: {
      level: true,
      notApplicable: true,
      naReason: true,
      notes: true,
      evidence: true,
      confirmedAt: true,
      carriedOverFrom: {
        select: {
          level: true,
          notApplicable: true,
          naReason: true,
          notes: true,
          evidence: true,
          assessment: { select: { id: true, completedAt: true } },
        },
      },
    },
  });
  const source = rows.find((r) => r.carriedOverFrom)?.carriedOverFrom?.assessment;
  if (!source?.completedAt) return null;
  const content = (a: (typeof rows)[number] | NonNullable<(typeof rows)[number]["carriedOverFrom"]>) => ({
    ...a,
    evidence: (a.evidence ?? []) as unknown as Evidence[],
  });
  const unchanged = rows.filter((r) => r.carriedOverFrom && sameContent(content(r), content(r.carriedOverFrom)));
  return {
    from: { id: source.id, completedAt: source.completedAt.toISOString() },
    carried: rows.length,
    unchanged: unchanged.length,
    unconfirmed: rows.filter((r) => r.confirmedAt === null).length,
  };
}

/** An assessment with its framework version, answers and scores; another organisation's id is 404. */
export async function getAssessment(actor: Actor, id: string): Promise<AssessmentDetail> {
  assertCan(actor, "org:read");
  const assessment = await findAssessment(actor, id);
  const [framework, rows, carryOver] = await Promise.all([
    loadVersionContent(actor, assessment.frameworkVersionId),
    db.assessmentAnswer.findMany({ where: { assessmentId: assessment.id }, select: answerSelect }),
    carryOverSummary(assessment.id),
  ]);
  const answers = rows.map(toAnswerView);
  const byKey = new Map(answers.map((a) => [a.criterionKey, a]));
  return {
    id: assessment.id,
    status: assessment.status,
    startedAt: assessment.startedAt.toISOString(),
    completedAt: assessment.completedAt?.toISOString() ?? null,
    discardedAt: assessment.discardedAt?.toISOString() ?? null,
    startedBy: assessment.startedBy?.name ?? null,
    completedBy: assessment.completedBy?.name ?? null,
    discardedBy: assessment.discardedBy?.name ?? null,
    pilot: assessment.pilot,
    framework,
    answers,
    score: scoreAssessment(toSpec(framework), toScoringAnswers(answers)),
    carryOver,
    resumeStep: resumeStep(framework.pillars, (key) => statusInput(byKey.get(key))),
  };
}

/** How many answers of the detail are carried over and still unconfirmed. */
export function unconfirmedCount(detail: Pick<AssessmentDetail, "answers">): number {
  return detail.answers.filter((a) => answerStatus(statusInput(a)) === "carried").length;
}

const READ_ONLY = "This assessment is completed and read-only. Start a new assessment to record changes.";
const DISCARDED =
  "This assessment was discarded and can no longer change. Start a new assessment from the pilot's page.";

/** Why a closed assessment refuses a change. */
function closedMessage(status: AssessmentStatus): string {
  return status === "DISCARDED" ? DISCARDED : READ_ONLY;
}

/**
 * Saves one answer written on version `expectedVersion` of it (0 = there was none). If someone
 * else saved it since, the write is refused with 409 and the current answer, so the page can
 * show both and nothing is lost silently. The check is one atomic UPDATE … WHERE version = n.
 */
export async function saveAnswer(actor: Actor, assessmentId: string, input: unknown): Promise<AnswerView> {
  assertCan(actor, "assessment:write");
  const data = parseInput(answerInputSchema, input);
  const written = await writeAnswer(actor, assessmentId, data);
  if (written) return written;

  // Nothing was written: say why, from the most basic reason on.
  const assessment = await findAssessment(actor, assessmentId);
  if (assessment.status !== "IN_PROGRESS") throw conflict(closedMessage(assessment.status));
  const criterion = await db.frameworkCriterion.findUnique({
    where: { versionId_key: { versionId: assessment.frameworkVersionId, key: data.criterionKey } },
    select: { id: true },
  });
  if (!criterion) {
    const message = `“${data.criterionKey}” is not a criterion of this assessment's framework version.`;
    throw new AppError("BAD_REQUEST", message, { criterionKey: [message] });
  }
  const current = await db.assessmentAnswer.findUnique({
    where: { assessmentId_criterionId: { assessmentId, criterionId: criterion.id } },
    select: answerSelect,
  });
  throw new AppError(
    "CONFLICT",
    current?.updatedBy
      ? `${current.updatedBy.name} changed this answer after you loaded it. Choose which version to keep.`
      : "Someone else changed this answer after you loaded it. Choose which version to keep.",
    undefined,
    { current: current ? toAnswerView(current) : null },
  );
}

interface WrittenAnswerRow {
  level: number | null;
  notApplicable: boolean;
  naReason: string | null;
  notes: string;
  evidence: unknown;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
  carriedOverFromId: string | null;
  confirmedAt: Date | null;
}

/**
 * The save in one statement, which is autocommitted as its own transaction: it locks the
 * organisation's assessment if it is still open, finds the criterion in the assessment's
 * framework version, writes the answer on the version the client saw (an INSERT for version 0)
 * and returns it with its author's name. Null when nothing was written, for whichever reason.
 *
 * Autosave is the busiest write in the app (every pause in typing, for everyone assessing), and
 * as separate queries it took eight round trips. The row lock keeps what the transaction did:
 * completing an assessment updates that row, so an answer and a completion serialise and no
 * answer lands after the snapshot; under READ COMMITTED a save that waited for a completion
 * re-reads the row, finds it no longer IN_PROGRESS and writes nothing.
 */
async function writeAnswer(
  actor: Actor,
  assessmentId: string,
  data: ReturnType<typeof answerInputSchema.parse>,
): Promise<AnswerView | null> {
  const level = data.notApplicable ? null : data.level;
  const naReason = data.notApplicable ? (data.naReason ?? null) : null;
  const evidence = JSON.stringify(data.evidence);
  // Stored as Prisma stores DateTime: UTC in a timestamp(3) without time zone.
  const now = new Date().toISOString();
  const target = Prisma.sql`
    SELECT a.id AS "assessmentId", c.id AS "criterionId"
    FROM "Assessment" a
    JOIN "FrameworkCriterion" c ON c."versionId" = a."frameworkVersionId" AND c.key = ${data.criterionKey}
    WHERE a.id = ${assessmentId} AND a."organizationId" = ${actor.organizationId} AND a.status = 'IN_PROGRESS'
    FOR UPDATE OF a`;
  const write =
    data.expectedVersion === 0
      ? Prisma.sql`
        INSERT INTO "AssessmentAnswer" (id, "assessmentId", "criterionId", level, "notApplicable", "naReason",
          notes, evidence, "updatedById", "updatedAt", "confirmedAt")
        SELECT ${randomUUID()}, t."assessmentId", t."criterionId", ${level}::int, ${data.notApplicable}::boolean,
          ${naReason}::text, ${data.notes}::text, ${evidence}::jsonb, ${actor.userId}::text,
          ${now}::timestamp, ${now}::timestamp
        FROM target t
        ON CONFLICT ("assessmentId", "criterionId") DO NOTHING
        RETURNING *`
      : Prisma.sql`
        UPDATE "AssessmentAnswer" w
        SET level = ${level}::int, "notApplicable" = ${data.notApplicable}::boolean, "naReason" = ${naReason}::text,
          notes = ${data.notes}::text, evidence = ${evidence}::jsonb, "updatedById" = ${actor.userId}::text,
          "updatedAt" = ${now}::timestamp, "confirmedAt" = ${now}::timestamp, version = w.version + 1
        FROM target t
        WHERE w."assessmentId" = t."assessmentId" AND w."criterionId" = t."criterionId"
          AND w.version = ${data.expectedVersion}::int
        RETURNING w.*`;
  const [row] = await db.$queryRaw<WrittenAnswerRow[]>`
    WITH target AS (${target}), written AS (${write})
    SELECT w.level, w."notApplicable", w."naReason", w.notes, w.evidence, w.version, w."updatedAt",
      u.name AS "updatedBy", w."carriedOverFromId", w."confirmedAt"
    FROM written w LEFT JOIN "User" u ON u.id = w."updatedById"`;
  if (!row) return null;
  return toAnswerView({
    ...row,
    updatedBy: row.updatedBy === null ? null : { name: row.updatedBy },
    criterion: { key: data.criterionKey },
    evidence: row.evidence as Prisma.JsonValue,
  });
}

/** Completes the assessment: scores it on the server and stores the snapshot. Read-only afterwards. */
export async function completeAssessment(
  actor: Actor,
  assessmentId: string,
  options: WriteOptions = {},
): Promise<ScoreResult> {
  assertCan(actor, "assessment:write");
  const detail = await getAssessment(actor, assessmentId);
  if (detail.status === "DISCARDED") throw conflict(DISCARDED);
  if (detail.status !== "IN_PROGRESS") throw conflict("This assessment is already completed.");
  const score = detail.score;
  const now = options.now ?? new Date();

  await db.$transaction(async (tx) => {
    const closed = await tx.assessment.updateMany({
      where: inOrg(actor, { id: assessmentId, status: "IN_PROGRESS" }),
      data: {
        status: "COMPLETED",
        openForPilotId: null,
        completedAt: now,
        completedById: actor.userId,
        verdict: score.verdict,
        readinessScore: score.readiness,
        meanScore: score.mean,
        coverage: score.coverage,
        gapKeys: score.gaps.map((g) => g.key),
      },
    });
    if (closed.count !== 1) throw conflict("This assessment was completed or discarded meanwhile.");
    // Answers saved between scoring and closing would make the snapshot stale: refuse instead.
    const answersNow = await tx.assessmentAnswer.aggregate({
      where: { assessmentId },
      _sum: { version: true },
      _count: true,
    });
    const answersScored = detail.answers.reduce((sum, a) => sum + a.version, 0);
    if ((answersNow._sum.version ?? 0) !== answersScored || answersNow._count !== detail.answers.length) {
      throw conflict("An answer changed while completing. Review the latest answers and complete again.");
    }
    const rows = snapshotRows(assessmentId, score);
    await tx.assessmentPillarScore.createMany({ data: rows.pillarScores });
    await tx.assessmentGap.createMany({ data: rows.gaps });
    // The pilot points at its latest completed assessment (by completion time).
    const pilot = await tx.pilot.findFirstOrThrow({
      where: { id: detail.pilot.id, organizationId: actor.organizationId },
      select: { latestAssessment: { select: { completedAt: true } } },
    });
    const latestAt = pilot.latestAssessment?.completedAt;
    if (!latestAt || latestAt <= now) {
      await tx.pilot.update({ where: { id: detail.pilot.id }, data: { latestAssessmentId: assessmentId } });
    }
  });
  return score;
}

export interface AssessmentSummary {
  id: string;
  status: AssessmentStatus;
  startedAt: Date;
  completedAt: Date | null;
  discardedAt: Date | null;
  startedBy: string | null;
  discardedBy: string | null;
  verdict: ScoreResult["verdict"] | null;
  readinessScore: number | null;
  meanScore: number | null;
  coverage: number | null;
  /** Gates below their target level in the stored snapshot (0 until completed). */
  gatesUnmet: number;
  frameworkVersion: number;
  pillarScores: { pillarKey: string; pillarTitle: string; score: number | null; coverage: number | null }[];
}

/**
 * A pilot's assessments with their stored snapshots: the open one first, then completed and
 * discarded ones, newest first (by completion or discard time).
 */
export async function listPilotAssessments(actor: Actor, pilotId: string): Promise<AssessmentSummary[]> {
  assertCan(actor, "org:read");
  const rows = await db.assessment.findMany({
    where: inOrg(actor, { pilotId }),
    orderBy: [{ completedAt: { sort: "desc", nulls: "first" } }, { startedAt: "desc" }],
    select: {
      id: true,
      status: true,
      startedAt: true,
      completedAt: true,
      discardedAt: true,
      startedBy: { select: { name: true } },
      discardedBy: { select: { name: true } },
      verdict: true,
      readinessScore: true,
      meanScore: true,
      coverage: true,
      frameworkVersion: { select: { version: true } },
      pillarScores: {
        orderBy: { position: "asc" },
        select: { pillarKey: true, pillarTitle: true, score: true, coverage: true },
      },
    },
  });
  // Counted in one grouped query over these ids: Prisma's filtered relation _count scans every
  // gate gap of the database (60 ms at 22,000 assessments), this reads a handful of index rows.
  const gates = await db.assessmentGap.groupBy({
    by: ["assessmentId"],
    where: { assessmentId: { in: rows.map((r) => r.id) }, isGate: true },
    _count: { _all: true },
  });
  const gatesUnmet = new Map(gates.map((g) => [g.assessmentId, g._count._all]));
  const closedAt = (a: { completedAt: Date | null; discardedAt: Date | null }) =>
    (a.completedAt ?? a.discardedAt)?.getTime() ?? Number.POSITIVE_INFINITY;
  return rows
    .map(({ frameworkVersion, startedBy, discardedBy, ...r }) => ({
      ...r,
      startedBy: startedBy?.name ?? null,
      discardedBy: discardedBy?.name ?? null,
      gatesUnmet: gatesUnmet.get(r.id) ?? 0,
      frameworkVersion: frameworkVersion.version,
    }))
    .sort((a, b) => closedAt(b) - closedAt(a) || b.startedAt.getTime() - a.startedAt.getTime());
}

/** The completed assessment before this one, for the change per pillar. */
export async function previousCompleted(
  actor: Actor,
  pilotId: string,
  before: Date,
): Promise<AssessmentSummary | null> {
  const all = await listPilotAssessments(actor, pilotId);
  return all.find((a) => a.status === "COMPLETED" && a.completedAt !== null && a.completedAt < before) ?? null;
}

/** The pilot's latest completed assessment (what its verdict is), or null when it has none. */
export async function latestCompleted(actor: Actor, pilotId: string): Promise<AssessmentSummary | null> {
  const all = await listPilotAssessments(actor, pilotId);
  return all.find((a) => a.status === "COMPLETED") ?? null;
}

/**
 * What changed per criterion since the pilot's previous completed assessment: before a completed
 * assessment, the one completed before it; for an open one, the latest completed. Null when
 * there is none to compare with (or the assessment was discarded).
 */
export async function getChangesSincePrevious(actor: Actor, assessmentId: string): Promise<ChangesSince | null> {
  assertCan(actor, "org:read");
  const detail = await getAssessment(actor, assessmentId);
  if (detail.status === "DISCARDED") return null;
  const previous = await db.assessment.findFirst({
    where: inOrg(actor, {
      pilotId: detail.pilot.id,
      status: "COMPLETED",
      id: { not: detail.id },
      ...(detail.completedAt ? { completedAt: { lt: new Date(detail.completedAt) } } : {}),
    }),
    orderBy: [{ completedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      completedAt: true,
      frameworkVersionId: true,
      answers: { select: { level: true, notApplicable: true, criterion: { select: { key: true } } } },
    },
  });
  if (!previous?.completedAt) return null;
  const criteria = await db.frameworkCriterion.findMany({
    where: { versionId: previous.frameworkVersionId },
    orderBy: [{ pillar: { position: "asc" } }, { position: "asc" }],
    select: { key: true, title: true },
  });
  const answered = new Map(previous.answers.map((a) => [a.criterion.key, a]));
  return diffAnswers(
    { id: previous.id, completedAt: previous.completedAt.toISOString() },
    {
      pillars: detail.framework.pillars,
      answers: new Map(detail.answers.map((a) => [a.criterionKey, a])),
    },
    criteria.map((c) => ({
      key: c.key,
      title: c.title,
      level: answered.get(c.key)?.level ?? null,
      notApplicable: answered.get(c.key)?.notApplicable ?? false,
    })),
  );
}

/**
 * Discards an open assessment: it keeps its answers and stays in the pilot's history with who
 * discarded it and when, but it is never scored, never the pilot's latest and counts nowhere in
 * the portfolio. The pilot can then start a new assessment. Another organisation's id is 404.
 */
export async function discardAssessment(
  actor: Actor,
  assessmentId: string,
  options: WriteOptions = {},
): Promise<{ pilotId: string }> {
  assertCan(actor, "assessment:write");
  const assessment = await findAssessment(actor, assessmentId);
  if (assessment.status !== "IN_PROGRESS") {
    throw conflict(
      assessment.status === "DISCARDED"
        ? "This assessment was already discarded."
        : "A completed assessment cannot be discarded: it is part of the pilot's readiness history.",
    );
  }
  // One statement: it waits for the row lock an answer being saved or a completion holds, then
  // only an assessment still open changes.
  const discarded = await db.assessment.updateMany({
    where: inOrg(actor, { id: assessmentId, status: "IN_PROGRESS" }),
    data: {
      status: "DISCARDED",
      openForPilotId: null,
      discardedAt: options.now ?? new Date(),
      discardedById: actor.userId,
    },
  });
  if (discarded.count !== 1) throw conflict("This assessment was completed or discarded meanwhile.");
  return { pilotId: assessment.pilot.id };
}
