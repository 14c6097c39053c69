import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan, type Actor } from "@/modules/access/shared";
import {
  currentPublishedVersionId,
  loadVersionContent,
  toSpec,
  type VersionContent,
} from "@/modules/frameworks";
import { scoreAssessment, type Answers, type Level, type ScoreResult } from "@/modules/scoring";
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
  };
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

/** Starts an assessment of a pilot on the current published framework version, or returns the open one. */
export async function startAssessment(
  actor: Actor,
  pilotId: string,
  options: WriteOptions = {},
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

  const frameworkVersionId = await currentPublishedVersionId(actor);
  try {
    const created = await db.assessment.create({
      data: {
        organizationId: actor.organizationId,
        pilotId,
        frameworkVersionId,
        openForPilotId: pilotId,
        startedById: actor.userId,
        startedAt: options.now ?? new Date(),
      },
      select: { id: true },
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
      frameworkVersionId: true,
      verdict: true,
      readinessScore: true,
      meanScore: true,
      coverage: true,
      pilot: { select: { id: true, name: true } },
      startedBy: { select: { name: true } },
      completedBy: { select: { name: true } },
    },
  });
  if (!assessment) throw notFound("Assessment not found.");
  return assessment;
}

export interface AssessmentDetail {
  id: string;
  status: "IN_PROGRESS" | "COMPLETED";
  startedAt: string;
  completedAt: string | null;
  startedBy: string | null;
  completedBy: string | null;
  pilot: { id: string; name: string };
  framework: VersionContent;
  answers: AnswerView[];
  /** Computed now from the answers; for a completed assessment this equals its stored snapshot. */
  score: ScoreResult;
}

/** An assessment with its framework version, answers and scores; another organisation's id is 404. */
export async function getAssessment(actor: Actor, id: string): Promise<AssessmentDetail> {
  assertCan(actor, "org:read");
  const assessment = await findAssessment(actor, id);
  const [framework, rows] = await Promise.all([
    loadVersionContent(actor, assessment.frameworkVersionId),
    db.assessmentAnswer.findMany({ where: { assessmentId: assessment.id }, select: answerSelect }),
  ]);
  const answers = rows.map(toAnswerView);
  return {
    id: assessment.id,
    status: assessment.status,
    startedAt: assessment.startedAt.toISOString(),
    completedAt: assessment.completedAt?.toISOString() ?? null,
    startedBy: assessment.startedBy?.name ?? null,
    completedBy: assessment.completedBy?.name ?? null,
    pilot: assessment.pilot,
    framework,
    answers,
    score: scoreAssessment(toSpec(framework), toScoringAnswers(answers)),
  };
}

const READ_ONLY = "This assessment is completed and read-only. Start a new assessment to record changes.";

/**
 * Saves one answer written on version `expectedVersion` of it (0 = there was none). If someone
 * else saved it since, the write is refused with 409 and the current answer, so the page can
 * show both and nothing is lost silently. The check is one atomic UPDATE … WHERE version = n.
 */
export async function saveAnswer(actor: Actor, assessmentId: string, input: unknown): Promise<AnswerView> {
  assertCan(actor, "assessment:write");
  const data = parseInput(answerInputSchema, input);
  const assessment = await findAssessment(actor, assessmentId);
  if (assessment.status !== "IN_PROGRESS") throw conflict(READ_ONLY);
  const criterion = await db.frameworkCriterion.findUnique({
    where: { versionId_key: { versionId: assessment.frameworkVersionId, key: data.criterionKey } },
    select: { id: true },
  });
  if (!criterion) {
    const message = `“${data.criterionKey}” is not a criterion of this assessment's framework version.`;
    throw new AppError("BAD_REQUEST", message, { criterionKey: [message] });
  }

  const values = {
    level: data.notApplicable ? null : data.level,
    notApplicable: data.notApplicable,
    naReason: data.notApplicable ? (data.naReason ?? null) : null,
    notes: data.notes,
    evidence: data.evidence,
    updatedById: actor.userId,
  };
  const where = { assessmentId_criterionId: { assessmentId, criterionId: criterion.id } };

  const written = await db.$transaction(async (tx) => {
    // Lock the assessment row: completing (which updates that row) and answering serialise,
    // so no answer can land after the snapshot was taken.
    const open = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "Assessment"
      WHERE id = ${assessmentId} AND "organizationId" = ${actor.organizationId} AND status = 'IN_PROGRESS'
      FOR UPDATE`;
    if (open.length !== 1) throw conflict(READ_ONLY);
    if (data.expectedVersion === 0) {
      const created = await tx.assessmentAnswer.createMany({
        data: [{ assessmentId, criterionId: criterion.id, ...values }],
        skipDuplicates: true,
      });
      return created.count === 1;
    }
    const updated = await tx.assessmentAnswer.updateMany({
      where: { assessmentId, criterionId: criterion.id, version: data.expectedVersion },
      data: { ...values, version: { increment: 1 } },
    });
    return updated.count === 1;
  });

  const current = await db.assessmentAnswer.findUnique({ where, select: answerSelect });
  if (!written) {
    throw new AppError(
      "CONFLICT",
      current?.updatedBy
        ? `${current.updatedBy.name} changed this answer after you loaded it. Choose which version to keep.`
        : "Someone else changed this answer after you loaded it. Choose which version to keep.",
      undefined,
      { current: current ? toAnswerView(current) : null },
    );
  }
  return toAnswerView(current!);
}

/** Completes the assessment: scores it on the server and stores the snapshot. Read-only afterwards. */
export async function completeAssessment(
  actor: Actor,
  assessmentId: string,
  options: WriteOptions = {},
): Promise<ScoreResult> {
  assertCan(actor, "assessment:write");
  const detail = await getAssessment(actor, assessmentId);
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
    if (closed.count !== 1) throw conflict("This assessment is already completed.");
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
  status: "IN_PROGRESS" | "COMPLETED";
  startedAt: Date;
  completedAt: Date | null;
  verdict: ScoreResult["verdict"] | null;
  readinessScore: number | null;
  meanScore: number | null;
  coverage: number | null;
  frameworkVersion: number;
  pillarScores: { pillarKey: string; pillarTitle: string; score: number | null; coverage: number | null }[];
}

/** A pilot's assessments, newest first, with their stored snapshots. */
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
  return rows.map(({ frameworkVersion, ...r }) => ({ ...r, frameworkVersion: frameworkVersion.version }));
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
