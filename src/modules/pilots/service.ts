import "server-only";
import type { PilotStage } from "@/generated/prisma/enums";
import { db, type Prisma } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { assertCan, type Actor } from "@/modules/access/shared";
import type { Verdict } from "@/modules/scoring";
import {
  hasPilotListFilters,
  NOT_ASSESSED,
  pilotInputSchema,
  pilotListQuerySchema,
  pilotUpdateSchema,
  type PilotListQuery,
} from "./schemas";
import { isGatedMove, needsStageReason, stageReasonRequired, type LatestReadiness } from "./stage-gate";
import { costPerOutcome, isOverdue } from "./stages";

/** The tenant condition every pilot query starts from: an id from elsewhere matches nothing. */
function inOrg(actor: Actor, where: Prisma.PilotWhereInput = {}): Prisma.PilotWhereInput {
  return { ...where, organizationId: actor.organizationId };
}

const listSelect = {
  id: true,
  name: true,
  summary: true,
  businessUnit: true,
  owningTeam: true,
  ownerName: true,
  stage: true,
  stageEnteredAt: true,
  targetProductionDate: true,
  monthlyRunCost: true,
  outcomesPerMonth: true,
  tags: true,
  archivedAt: true,
  updatedAt: true,
  // The latest completed assessment (kept on the pilot): its verdict and readiness score.
  latestAssessment: { select: { status: true, verdict: true, readinessScore: true, completedAt: true } },
} satisfies Prisma.PilotSelect;

type ListRow = Prisma.PilotGetPayload<{ select: typeof listSelect }>;

/** The pilot's readiness as its latest completed assessment found it; null when it has none. */
export interface PilotReadinessSummary {
  verdict: Verdict;
  /** Null when that assessment could not score readiness (e.g. an incomplete one). */
  readinessScore: number | null;
  completedAt: Date;
}

/** What the list and the pilot page derive from a row: cost per outcome, readiness, overdue. */
function withFigures<R extends ListRow>({ latestAssessment, ...pilot }: R, now: Date) {
  const latest = latestAssessment;
  const readiness: PilotReadinessSummary | null =
    latest && latest.status === "COMPLETED" && latest.verdict && latest.completedAt
      ? { verdict: latest.verdict, readinessScore: latest.readinessScore, completedAt: latest.completedAt }
      : null;
  return {
    ...pilot,
    costPerOutcome: costPerOutcome(pilot.monthlyRunCost, pilot.outcomesPerMonth),
    readiness,
    overdue: isOverdue(pilot.targetProductionDate, pilot.stage, now),
  };
}

// Every sort ends on the id, so rows that tie keep one fixed order and pages never overlap.
const SORT_ORDER: Record<PilotListQuery["sort"], (dir: Prisma.SortOrder) => Prisma.PilotOrderByWithRelationInput[]> = {
  name: (dir) => [{ name: dir }, { id: "asc" }],
  stage: (dir) => [{ stage: dir }, { name: "asc" }, { id: "asc" }],
  // Pilots without a score (never assessed, or not scored) come last whichever the direction.
  readiness: (dir) => [
    { latestAssessment: { readinessScore: { sort: dir, nulls: "last" } } },
    { name: "asc" },
    { id: "asc" },
  ],
  updated: (dir) => [{ updatedAt: dir }, { id: "asc" }],
  cost: (dir) => [{ monthlyRunCost: { sort: dir, nulls: "last" } }, { name: "asc" }, { id: "asc" }],
  target: (dir) => [{ targetProductionDate: { sort: dir, nulls: "last" } }, { name: "asc" }, { id: "asc" }],
};

/**
 * The list's filters as one Prisma condition: OR within a filter, AND across filters. The
 * portfolio dashboard applies the same filters in SQL (portfolio/queries/scope.ts), so a
 * dashboard figure and the list it links to count the same pilots. A verdict or a gap reads the
 * pilot's latest completed assessment (Pilot.latestAssessmentId).
 */
function listConditions(actor: Actor, query: PilotListQuery): Prisma.PilotWhereInput[] {
  const latest = (where: Prisma.AssessmentWhereInput): Prisma.PilotWhereInput => ({
    latestAssessment: { is: { ...where, organizationId: actor.organizationId, status: "COMPLETED" } },
  });
  const and: Prisma.PilotWhereInput[] = [];
  if (query.units.length > 0) and.push({ businessUnit: { in: query.units } });
  if (query.stages.length > 0) and.push({ stage: { in: query.stages } });
  if (query.teams.length > 0) and.push({ owningTeam: { in: query.teams } });
  if (query.tags.length > 0) and.push({ tags: { hasSome: query.tags } });
  if (query.verdicts.length > 0) {
    const verdicts = query.verdicts.filter((v): v is Verdict => v !== NOT_ASSESSED);
    and.push({
      OR: [
        ...(query.verdicts.includes(NOT_ASSESSED) ? [{ latestAssessmentId: null }] : []),
        ...(verdicts.length > 0 ? [latest({ verdict: { in: verdicts } })] : []),
      ],
    });
  }
  if (query.gap) and.push(latest({ gapKeys: { has: query.gap } }));
  if (query.q) {
    and.push({
      OR: [
        { name: { contains: query.q, mode: "insensitive" } },
        { summary: { contains: query.q, mode: "insensitive" } },
        { owningTeam: { contains: query.q, mode: "insensitive" } },
        { ownerName: { contains: query.q, mode: "insensitive" } },
        { tags: { has: query.q.toLowerCase() } },
      ],
    });
  }
  return and;
}

interface ListOptions {
  /** The day "overdue" is judged on; now unless a test says otherwise. */
  now?: Date;
}

/**
 * One page of the pilot list, with the true number of pilots matching the filters. A page past
 * the end answers the last page (`page` says which page was served). Each pilot comes with its
 * latest verdict and readiness score (null: never assessed) and whether its target production
 * date is overdue. When the active list is empty without any filter, `archivedCount` says how
 * many pilots are in the archive (so the page can say that every pilot is archived); else 0.
 */
export async function listPilots(actor: Actor, rawQuery: unknown = {}, options: ListOptions = {}) {
  assertCan(actor, "org:read");
  const query = pilotListQuerySchema.parse(rawQuery);
  const conditions = listConditions(actor, query);
  const where = inOrg(actor, {
    archivedAt: query.archived ? { not: null } : null,
    ...(conditions.length > 0 ? { AND: conditions } : {}),
  });
  const pageSize = query.size;
  const pageOf = (page: number) =>
    db.pilot.findMany({
      where,
      select: listSelect,
      orderBy: SORT_ORDER[query.sort](query.dir),
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  // The count and the requested page at once; only a page past the end costs a second query.
  const [total, requested] = await Promise.all([db.pilot.count({ where }), pageOf(query.page)]);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pageCount);
  const rows = page === query.page ? requested : await pageOf(page);
  const now = options.now ?? new Date();
  const items = rows.map((p) => withFigures(p, now));
  const archivedCount =
    total === 0 && !query.archived && !hasPilotListFilters(query)
      ? await db.pilot.count({ where: inOrg(actor, { archivedAt: { not: null } }) })
      : 0;
  return { items, total, page, pageSize, pageCount, archivedCount };
}
export type PilotListPage = Awaited<ReturnType<typeof listPilots>>;
export type PilotListItem = PilotListPage["items"][number];

/** Values for the filter menus: the business units and teams in use. */
export async function listPilotFacets(actor: Actor) {
  assertCan(actor, "org:read");
  // GROUP BY in SQL: Prisma's `distinct` fetches every pilot's value and dedupes in JavaScript.
  const [units, teams] = await Promise.all([
    db.pilot.groupBy({ by: ["businessUnit"], where: inOrg(actor), orderBy: { businessUnit: "asc" } }),
    db.pilot.groupBy({ by: ["owningTeam"], where: inOrg(actor), orderBy: { owningTeam: "asc" } }),
  ]);
  return { businessUnits: units.map((u) => u.businessUnit), teams: teams.map((t) => t.owningTeam) };
}

/**
 * The title of a criterion, for the `gap` filter's note ("Below target on: Input drift is
 * monitored"): as the organisation's newest published framework version calls it, else as a
 * stored gap row of one of its assessments does (a criterion a later version dropped); null when
 * the organisation has no such criterion. Both lookups are small: a version's criteria are unique
 * by key, and gap rows are indexed by key.
 */
export async function gapCriterionTitle(actor: Actor, criterionKey: string): Promise<string | null> {
  assertCan(actor, "org:read");
  const criterion = await db.frameworkCriterion.findFirst({
    where: { key: criterionKey, version: { status: "PUBLISHED", framework: { organizationId: actor.organizationId } } },
    orderBy: [{ version: { publishedAt: { sort: "desc", nulls: "last" } } }, { id: "asc" }],
    select: { title: true },
  });
  if (criterion) return criterion.title;
  const gap = await db.assessmentGap.findFirst({
    where: { criterionKey, assessment: { organizationId: actor.organizationId, status: "COMPLETED" } },
    select: { criterionTitle: true },
  });
  return gap?.criterionTitle ?? null;
}

export async function getPilot(actor: Actor, id: string) {
  assertCan(actor, "org:read");
  const pilot = await db.pilot.findFirst({
    where: inOrg(actor, { id }),
    select: {
      ...listSelect,
      workflow: true,
      targetOutcome: true,
      ownerEmail: true,
      executiveSponsor: true,
      startDate: true,
      version: true,
      createdAt: true,
      stageChanges: {
        select: {
          id: true,
          fromStage: true,
          toStage: true,
          enteredAt: true,
          reason: true,
          changedBy: { select: { name: true } },
        },
        orderBy: { enteredAt: "desc" },
      },
    },
  });
  if (!pilot) throw notFound("Pilot not found.");
  return withFigures(pilot, new Date());
}
export type PilotDetail = Awaited<ReturnType<typeof getPilot>>;

interface WriteOptions {
  /** When the change happened; the demo seed backdates history, everything else uses now. */
  now?: Date;
}

export async function createPilot(actor: Actor, input: unknown, options: WriteOptions = {}): Promise<{ id: string }> {
  assertCan(actor, "pilot:write");
  const data = parseInput(pilotInputSchema, input);
  const now = options.now ?? new Date();
  return db.pilot.create({
    data: {
      ...data,
      organizationId: actor.organizationId,
      stageEnteredAt: now,
      createdAt: now,
      stageChanges: { create: { fromStage: null, toStage: data.stage, enteredAt: now, changedById: actor.userId } },
    },
    select: { id: true },
  });
}

const STALE_EDIT =
  "Someone else changed this pilot after you opened it. Reload the page to see their changes, then make yours again.";

/** Checks that a pilot is in the actor's organisation, or answers 404. */
async function assertPilotInOrg(
  tx: Prisma.TransactionClient,
  actor: Actor,
  id: string,
): Promise<{ stage: PilotStage; version: number }> {
  const pilot = await tx.pilot.findFirst({ where: inOrg(actor, { id }), select: { stage: true, version: true } });
  if (!pilot) throw notFound("Pilot not found.");
  return pilot;
}

/** The pilot's latest completed assessment as the stage gate reads it; null when it has none. */
async function latestReadiness(
  tx: Prisma.TransactionClient,
  actor: Actor,
  id: string,
): Promise<LatestReadiness | null> {
  const pilot = await tx.pilot.findFirst({
    where: inOrg(actor, { id }),
    select: {
      latestAssessment: {
        select: { status: true, verdict: true, _count: { select: { gaps: { where: { isGate: true } } } } },
      },
    },
  });
  const latest = pilot?.latestAssessment;
  if (!latest || latest.status !== "COMPLETED" || !latest.verdict) return null;
  return { verdict: latest.verdict, gatesUnmet: latest._count.gaps };
}

/**
 * Saves an edit made on version `expectedVersion`. A stale edit is refused (409) rather than
 * silently overwriting someone else's change. A stage change is recorded in the history. A move
 * towards production that the latest assessment does not support needs `stageReason` (400 with
 * a field error on it otherwise, nothing saved), which is kept with the stage change.
 */
export async function updatePilot(
  actor: Actor,
  id: string,
  input: unknown,
  options: WriteOptions = {},
): Promise<{ version: number }> {
  assertCan(actor, "pilot:write");
  const data = parseInput(pilotInputSchema, input);
  const { expectedVersion, stageReason } = parseInput(pilotUpdateSchema, input);
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const current = await assertPilotInOrg(tx, actor, id);
    const stageChanged = current.stage !== data.stage;
    if (current.version !== expectedVersion) throw conflict(STALE_EDIT);
    if (stageChanged && !stageReason && isGatedMove(current.stage, data.stage)) {
      const latest = await latestReadiness(tx, actor, id);
      if (needsStageReason(current.stage, data.stage, latest)) {
        const message = stageReasonRequired(data.stage, latest);
        throw new AppError("BAD_REQUEST", message, { stageReason: [message] }, { latest });
      }
    }
    const updated = await tx.pilot.updateMany({
      where: inOrg(actor, { id, version: expectedVersion }),
      data: { ...data, version: { increment: 1 }, ...(stageChanged ? { stageEnteredAt: now } : {}) },
    });
    if (updated.count !== 1) throw conflict(STALE_EDIT);
    if (stageChanged) {
      await tx.pilotStageChange.updateMany({ where: { pilotId: id, leftAt: null }, data: { leftAt: now } });
      await tx.pilotStageChange.create({
        data: {
          pilotId: id,
          fromStage: current.stage,
          toStage: data.stage,
          enteredAt: now,
          changedById: actor.userId,
          reason: stageReason,
        },
      });
    }
    return { version: expectedVersion + 1 };
  });
}

async function setArchived(actor: Actor, id: string, archived: boolean): Promise<void> {
  assertCan(actor, "pilot:write");
  const result = await db.pilot.updateMany({
    where: inOrg(actor, { id }),
    data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } },
  });
  if (result.count !== 1) throw notFound("Pilot not found.");
}

export const archivePilot = (actor: Actor, id: string) => setArchived(actor, id, true);
export const restorePilot = (actor: Actor, id: string) => setArchived(actor, id, false);
