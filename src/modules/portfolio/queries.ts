import "server-only";
import { Prisma } from "@/generated/prisma/client";
import type { PilotStage, Verdict } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/modules/orgs/roles";
import { STAGES } from "@/modules/pilots/stages";
import { roundScore } from "@/modules/scoring";
import type { CsvColumn } from "./csv";
import {
  NOT_ASSESSED,
  portfolioFiltersSchema,
  type GroupBy,
  type HeatmapSort,
  type PortfolioFilters,
  type VerdictFilter,
} from "./filters";

/**
 * The portfolio dashboard's figures. Every figure is aggregated in PostgreSQL (raw SQL built
 * from Prisma.sql fragments: every filter value is a bind parameter, only our own constants are
 * inlined); only the rows a chart or table
 * shows come back to JavaScript. Every query is scoped to the actor's organisation in its own
 * WHERE clause, leaves archived pilots out, and applies the same filters. Independent queries
 * run in parallel.
 *
 * "Latest" figures read each pilot's latest completed assessment through Pilot.latestAssessmentId;
 * the trend reads every completed assessment. Shares, medians and scores are null — never 0 —
 * when nothing is assessed.
 */

/** Stages before production: their run cost is the "spend on pilots not yet in production". */
export const PRE_PRODUCTION_STAGES = ["IDEA", "PILOT", "PRODUCTION_INTENT"] as const satisfies readonly PilotStage[];
/** A pilot stalls when it stays in one of these longer than `stalledDays`. */
export const STALL_STAGES = ["PILOT", "PRODUCTION_INTENT"] as const satisfies readonly PilotStage[];
/**
 * A pilot not yet in production (IDEA, PILOT, PRODUCTION_INTENT) also stalls when it has no
 * completed assessment in this many days (or none at all). Pilots in PRODUCTION or RETIRED are
 * never "stalled": they are no longer on the way to production.
 */
export const ASSESSMENT_STALE_DAYS = 90;
export const HEATMAP_DEFAULT_LIMIT = 50;
export const STALLED_LIMIT = 50;
export const COST_POINTS_LIMIT = 2000;
export const TREND_MONTHS = 18;
export const TOP_GAPS_LIMIT = 10;

/** Verdicts in display order, best first, then the pilots without a completed assessment. */
export const VERDICT_DISPLAY_ORDER = [
  "READY",
  "CONDITIONAL",
  "NOT_READY",
  "BLOCKED",
  "INCOMPLETE",
  NOT_ASSESSED,
] as const satisfies readonly VerdictFilter[];

// ---- Result types ---------------------------------------------------------------------------

/** Monthly run cost of the pilots not yet in production. */
export interface SpendFigure {
  /** Sum of the recorded costs; null when none of `pilots` has a cost recorded (unknown), 0 when there are no such pilots. */
  amount: number | null;
  /** Pilots in IDEA, PILOT or PRODUCTION_INTENT. */
  pilots: number;
  /** How many of them have no cost recorded (not counted in `amount`). */
  withoutCost: number;
}

export interface PortfolioHeadline {
  total: number;
  byStage: Record<PilotStage, number>;
  /** Pilots with a latest completed assessment. */
  assessed: number;
  /** assessed / total; null when there are no pilots. */
  assessedShare: number | null;
  /** Assessed pilots whose latest verdict is READY. */
  ready: number;
  /** ready / assessed; null when none is assessed. */
  readyShare: number | null;
  /** Median readiness score of the latest assessments; null when none is assessed. */
  medianReadiness: number | null;
  stalled: number;
  preProductionSpend: SpendFigure;
}

export interface VerdictCount {
  verdict: VerdictFilter;
  pilots: number;
}

export interface PillarColumn {
  key: string;
  title: string;
}

export interface HeatmapRow {
  pilotId: string;
  name: string;
  stage: PilotStage;
  verdict: Verdict;
  readiness: number | null;
  /** Aligned with `heatmap.pillars`; null when the pillar has no score (all N/A) or is absent. */
  scores: (number | null)[];
}

export interface Heatmap {
  /** Columns: the pillars of the latest assessments, in framework order. */
  pillars: PillarColumn[];
  /** At most `limit` rows, in `sort` order. */
  rows: HeatmapRow[];
  /** All assessed pilots ("showing 50 of 812"). */
  total: number;
  sort: HeatmapSort;
  limit: number;
}

export interface SystemicGap {
  criterionKey: string;
  title: string;
  pillarKey: string;
  isGate: boolean;
  /** Pilots whose latest assessment has this criterion below target. */
  pilots: number;
}

export interface FunnelStage {
  stage: PilotStage;
  /** Pilots in this stage now. */
  pilots: number;
  /** Median days per stay in this stage, past and current stays together; null when there were none. */
  medianDays: number | null;
  /** Stays measured: past ones plus the current ones. */
  stays: number;
}

export type StalledReason = "LONG_IN_STAGE" | "NO_RECENT_ASSESSMENT" | "NEVER_ASSESSED";

export interface StalledPilot {
  pilotId: string;
  name: string;
  stage: PilotStage;
  daysInStage: number;
  /** ISO 8601; null when never assessed. */
  lastAssessedAt: string | null;
  reasons: StalledReason[];
}

export interface StalledList {
  /** At most 50, longest in stage first. */
  rows: StalledPilot[];
  total: number;
  stalledDays: number;
  assessmentWindowDays: number;
}

export interface TrendMonth {
  /** YYYY-MM (UTC). Months without completed assessments are left out. */
  month: string;
  assessments: number;
  medianReadiness: number | null;
  meanReadiness: number | null;
  /** READY assessments / assessments that month. */
  readyShare: number;
}

export interface CostPoint {
  pilotId: string;
  name: string;
  costPerOutcome: number;
  readiness: number;
  verdict: Verdict;
  monthlyRunCost: number;
  outcomesPerMonth: number;
}

export interface CostVsReadiness {
  points: CostPoint[];
  /** Pilots that qualify; more than `points.length` when capped. */
  total: number;
  capped: boolean;
  cap: number;
}

export interface RollupRow {
  group: string;
  pilots: number;
  assessed: number;
  ready: number;
  medianReadiness: number | null;
  spend: SpendFigure;
  stalled: number;
}

export interface Portfolio {
  /** ISO 8601 of the `now` the figures were computed at. */
  generatedAt: string;
  filters: PortfolioFilters;
  headline: PortfolioHeadline;
  verdicts: VerdictCount[];
  heatmap: Heatmap;
  topGaps: SystemicGap[];
  funnel: FunnelStage[];
  stalled: StalledList;
  trend: TrendMonth[];
  costVsReadiness: CostVsReadiness;
  rollup: { groupBy: GroupBy; rows: RollupRow[] };
  /** Values for the filter menus: in use by the organisation's active pilots, unfiltered. */
  facets: { units: string[]; teams: string[]; tags: string[] };
}

export interface PortfolioOptions {
  /** Heatmap rows to return (1–500, default 50). */
  heatmapLimit?: number;
}

// ---- SQL building blocks --------------------------------------------------------------------

/** Raw numbers arrive as number, bigint or numeric (string/Decimal) depending on type and driver. */
function num(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}
/** For counts and values the query guarantees are present. */
const num0 = (value: unknown): number => num(value) ?? 0;

const isoTimestamp = (column: Prisma.Sql) => Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Columns are `timestamp(3)` holding UTC; `now` is bound as UTC the same way. */
function utc(now: Date): Prisma.Sql {
  return Prisma.sql`(CAST(${now.toISOString()} AS timestamptz) AT TIME ZONE 'UTC')`;
}

/** A constant list of stages as SQL literals (our own constants, never user input). */
const stageList = (stages: readonly PilotStage[]) => Prisma.raw(stages.map((s) => `'${s}'`).join(", "));

interface Scope {
  /**
   * The pilots `p`; with `latest` (or when a filter needs it) LEFT JOINed to their latest
   * completed assessment `la`, null when never assessed.
   */
  from: (latest: boolean) => Prisma.Sql;
  /** Organisation, not archived, and the filters. */
  where: (...extra: Prisma.Sql[]) => Prisma.Sql;
  now: Prisma.Sql;
  /** Pilot in a stall stage for more than stalledDays (needs `la`). */
  longInStage: Prisma.Sql;
  /** Pilot before production with no completed assessment in ASSESSMENT_STALE_DAYS (needs `la`). */
  noRecentAssessment: Prisma.Sql;
  preProduction: Prisma.Sql;
}

/** Whole days from a timestamp column to now, never negative. */
const daysSince = (now: Prisma.Sql, column: Prisma.Sql) =>
  Prisma.sql`GREATEST(0, floor(extract(epoch FROM (${now} - ${column})) / 86400))::int`;

function scope(actor: Actor, f: PortfolioFilters, now: Date): Scope {
  const org = actor.organizationId;
  const nowSql = utc(now);
  const conditions = [Prisma.sql`p."organizationId" = ${org}`, Prisma.sql`p."archivedAt" IS NULL`];
  if (f.unit) conditions.push(Prisma.sql`p."businessUnit" = ${f.unit}`);
  if (f.team) conditions.push(Prisma.sql`p."owningTeam" = ${f.team}`);
  if (f.stage) conditions.push(Prisma.sql`p.stage = CAST(${f.stage} AS "PilotStage")`);
  if (f.tag) conditions.push(Prisma.sql`p.tags @> ARRAY[${f.tag}]::text[]`);
  if (f.verdict === NOT_ASSESSED) conditions.push(Prisma.sql`p."latestAssessmentId" IS NULL`);
  else if (f.verdict) conditions.push(Prisma.sql`la.verdict = CAST(${f.verdict} AS "Verdict")`);
  const filterNeedsLatest = Boolean(f.verdict && f.verdict !== NOT_ASSESSED);

  // Pilot.latestAssessmentId only ever points at one of the pilot's own completed assessments;
  // the join repeats the organisation and status anyway.
  const withLatest = Prisma.sql`"Pilot" p
      LEFT JOIN "Assessment" la
        ON la.id = p."latestAssessmentId" AND la."organizationId" = ${org} AND la.status = 'COMPLETED'`;
  const preProduction = Prisma.sql`p.stage IN (${stageList(PRE_PRODUCTION_STAGES)})`;
  return {
    from: (latest) => (latest || filterNeedsLatest ? withLatest : Prisma.sql`"Pilot" p`),
    where: (...extra) => Prisma.join([...conditions, ...extra], " AND "),
    now: nowSql,
    longInStage: Prisma.sql`(p.stage IN (${stageList(STALL_STAGES)})
      AND p."stageEnteredAt" < ${nowSql} - CAST(${f.stalledDays} AS int) * interval '1 day')`,
    noRecentAssessment: Prisma.sql`(${preProduction}
      AND (la."completedAt" IS NULL OR la."completedAt" < ${nowSql} - ${Prisma.raw(`interval '${ASSESSMENT_STALE_DAYS} days'`)}))`,
    preProduction,
  };
}

function spendFigure(amount: unknown, pilots: unknown, withoutCost: unknown): SpendFigure {
  const n = num0(pilots);
  return { amount: num(amount) ?? (n === 0 ? 0 : null), pilots: n, withoutCost: num0(withoutCost) };
}

function parseScores(json: string | null): Record<string, number | null> {
  return json ? (JSON.parse(json) as Record<string, number | null>) : {};
}

function sortPillars(rows: readonly { key: string; title: string; position: unknown }[]): PillarColumn[] {
  return [...rows]
    .sort((a, b) => num0(a.position) - num0(b.position) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ key, title }) => ({ key, title }));
}

/** The pillar columns alone (for the CSV); the dashboard gets them inside `pilotFigures`. */
async function pillarColumns(s: Scope): Promise<PillarColumn[]> {
  const rows = await db.$queryRaw<{ key: string; title: string; position: unknown }[]>`
    WITH per_version AS (
      SELECT DISTINCT ON (la."frameworkVersionId") la.id, la."completedAt"
      FROM ${s.from(true)}
      WHERE ${s.where(Prisma.sql`la.id IS NOT NULL`)}
      ORDER BY la."frameworkVersionId", la."completedAt" DESC
    )
    SELECT DISTINCT ON (ps."pillarKey") ps."pillarKey" AS key, ps."pillarTitle" AS title, ps.position
    FROM per_version v
    JOIN "AssessmentPillarScore" ps ON ps."assessmentId" = v.id
    ORDER BY ps."pillarKey", v."completedAt" DESC`;
  return sortPillars(rows);
}

// ---- The figures ----------------------------------------------------------------------------

/** Counts and median of a set of pilots: the whole filtered portfolio or one rollup group. */
interface SumsJson {
  isTotal: boolean;
  group: string | null;
  pilots: number;
  IDEA: number;
  PILOT: number;
  PRODUCTION_INTENT: number;
  PRODUCTION: number;
  RETIRED: number;
  assessed: number;
  INCOMPLETE: number;
  BLOCKED: number;
  READY: number;
  CONDITIONAL: number;
  NOT_READY: number;
  medianReadiness: number | null;
  stalled: number;
  preProduction: number;
  spend: number | null;
  withoutCost: number;
}

interface PilotFiguresJson {
  sums: SumsJson[] | null;
  pillars: { key: string; title: string; position: number }[] | null;
  heatmap:
    | {
        id: string;
        name: string;
        stage: PilotStage;
        verdict: Verdict;
        readiness: number | null;
        scores: Record<string, number | null> | null;
      }[]
    | null;
  stalled:
    | {
        id: string;
        name: string;
        stage: PilotStage;
        daysInStage: number;
        lastAssessedAt: string | null;
        longInStage: boolean;
        noRecentAssessment: boolean;
        total: number;
      }[]
    | null;
  cost:
    | {
        id: string;
        name: string;
        costPerOutcome: number;
        readiness: number;
        verdict: Verdict;
        monthlyRunCost: number;
        outcomesPerMonth: number;
        total: number;
      }[]
    | null;
}

/**
 * Heatmap order over the `base` CTE (alias b); pilots without a value come last, ties by name.
 * Sorting by a pillar joins that pillar's score row (alias sp).
 */
function heatmapOrder(sort: HeatmapSort): { join: Prisma.Sql; order: Prisma.Sql } {
  const desc = sort.startsWith("-");
  const field = desc ? sort.slice(1) : sort;
  const dir = desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const tie = Prisma.sql`b.name ASC, b.id ASC`;
  if (field === "name") return { join: Prisma.empty, order: Prisma.sql`b.name ${dir}, b.id ${dir}` };
  if (field.startsWith("pillar:")) {
    return {
      join: Prisma.sql`LEFT JOIN "AssessmentPillarScore" sp
        ON sp."assessmentId" = b.aid AND sp."pillarKey" = ${field.slice("pillar:".length)}`,
      order: Prisma.sql`sp.score ${dir} NULLS LAST, b.readiness ASC NULLS LAST, ${tie}`,
    };
  }
  return { join: Prisma.empty, order: Prisma.sql`b.readiness ${dir} NULLS LAST, ${tie}` };
}

/**
 * Every per-pilot figure in one statement: the filtered pilots with their latest assessment are
 * read once (the `base` CTE), then aggregated several ways — headline and rollup (one pass with
 * GROUPING SETS), verdict counts, heatmap rows, stalled list, cost points and the pillar columns.
 * Each part comes back as JSON: one round trip, one scan, on PGlite and PostgreSQL alike.
 */
async function pilotFigures(s: Scope, f: PortfolioFilters, heatmapLimit: number): Promise<PilotFiguresJson> {
  const group = f.groupBy === "team" ? Prisma.sql`p."owningTeam"` : Prisma.sql`p."businessUnit"`;
  const heat = heatmapOrder(f.sort);
  const [row] = await db.$queryRaw<{ figures: string }[]>`
    WITH base AS MATERIALIZED (
      SELECT p.id, p.name, p.stage::text AS stage, p."stageEnteredAt", ${group} AS grp,
        p."monthlyRunCost" AS cost, p."outcomesPerMonth" AS outcomes,
        la.id AS aid, la.verdict::text AS verdict, la."readinessScore" AS readiness, la."completedAt",
        la."frameworkVersionId" AS fvid,
        ${s.longInStage} AS long, ${s.noRecentAssessment} AS stale, ${s.preProduction} AS pre
      FROM ${s.from(true)}
      WHERE ${s.where()}
    ),
    sums AS (
      SELECT GROUPING(grp) = 1 AS "isTotal", grp AS "group",
        count(*)::int AS pilots,
        count(*) FILTER (WHERE stage = 'IDEA')::int AS "IDEA",
        count(*) FILTER (WHERE stage = 'PILOT')::int AS "PILOT",
        count(*) FILTER (WHERE stage = 'PRODUCTION_INTENT')::int AS "PRODUCTION_INTENT",
        count(*) FILTER (WHERE stage = 'PRODUCTION')::int AS "PRODUCTION",
        count(*) FILTER (WHERE stage = 'RETIRED')::int AS "RETIRED",
        count(aid)::int AS assessed,
        count(*) FILTER (WHERE verdict = 'INCOMPLETE')::int AS "INCOMPLETE",
        count(*) FILTER (WHERE verdict = 'BLOCKED')::int AS "BLOCKED",
        count(*) FILTER (WHERE verdict = 'READY')::int AS "READY",
        count(*) FILTER (WHERE verdict = 'CONDITIONAL')::int AS "CONDITIONAL",
        count(*) FILTER (WHERE verdict = 'NOT_READY')::int AS "NOT_READY",
        percentile_cont(0.5) WITHIN GROUP (ORDER BY readiness) AS "medianReadiness",
        count(*) FILTER (WHERE long OR stale)::int AS stalled,
        count(*) FILTER (WHERE pre)::int AS "preProduction",
        (sum(cost) FILTER (WHERE pre))::float8 AS spend,
        count(*) FILTER (WHERE pre AND cost IS NULL)::int AS "withoutCost"
      FROM base
      GROUP BY GROUPING SETS ((), (grp))
    ),
    -- Every assessment of one framework version stores the same pillars: one assessment per
    -- version (the newest) gives the columns; titles and positions from the newest.
    per_version AS (
      SELECT DISTINCT ON (fvid) aid, "completedAt" FROM base WHERE aid IS NOT NULL ORDER BY fvid, "completedAt" DESC
    ),
    pillars AS (
      SELECT DISTINCT ON (ps."pillarKey") ps."pillarKey" AS key, ps."pillarTitle" AS title, ps.position
      FROM per_version v JOIN "AssessmentPillarScore" ps ON ps."assessmentId" = v.aid
      ORDER BY ps."pillarKey", v."completedAt" DESC
    ),
    heat AS (
      SELECT b.*, row_number() OVER (ORDER BY ${heat.order}) AS ord
      FROM base b ${heat.join} WHERE b.aid IS NOT NULL
      ORDER BY ord LIMIT ${heatmapLimit}
    ),
    stalled AS (
      SELECT b.*, row_number() OVER (ORDER BY b."stageEnteredAt" ASC, b.name ASC, b.id ASC) AS ord, count(*) OVER () AS total
      FROM base b WHERE b.long OR b.stale
      ORDER BY ord LIMIT ${STALLED_LIMIT}
    ),
    cost AS (
      SELECT b.*, row_number() OVER (ORDER BY b.name ASC, b.id ASC) AS ord, count(*) OVER () AS total
      FROM base b WHERE b.aid IS NOT NULL AND b.readiness IS NOT NULL AND b.cost IS NOT NULL AND b.outcomes > 0
      ORDER BY ord LIMIT ${COST_POINTS_LIMIT}
    )
    SELECT json_build_object(
      'sums', (SELECT json_agg(sums ORDER BY sums."group") FROM sums),
      'pillars', (SELECT json_agg(pillars) FROM pillars),
      'heatmap', (SELECT json_agg(json_build_object(
          'id', h.id, 'name', h.name, 'stage', h.stage, 'verdict', h.verdict, 'readiness', h.readiness,
          'scores', (SELECT json_object_agg(ps."pillarKey", ps.score) FROM "AssessmentPillarScore" ps WHERE ps."assessmentId" = h.aid)
        ) ORDER BY h.ord) FROM heat h),
      'stalled', (SELECT json_agg(json_build_object(
          'id', t.id, 'name', t.name, 'stage', t.stage, 'daysInStage', ${daysSince(s.now, Prisma.sql`t."stageEnteredAt"`)},
          'lastAssessedAt', ${isoTimestamp(Prisma.sql`t."completedAt"`)},
          'longInStage', t.long, 'noRecentAssessment', t.stale, 'total', t.total
        ) ORDER BY t.ord) FROM stalled t),
      'cost', (SELECT json_agg(json_build_object(
          'id', c.id, 'name', c.name, 'costPerOutcome', c.cost::float8 / c.outcomes, 'readiness', c.readiness,
          'verdict', c.verdict, 'monthlyRunCost', c.cost, 'outcomesPerMonth', c.outcomes, 'total', c.total
        ) ORDER BY c.ord) FROM cost c)
    )::text AS figures`;
  return JSON.parse(row!.figures) as PilotFiguresJson;
}

/**
 * Criteria most often below target across the latest assessments. Each assessment stores its
 * gap keys as an array, so the count reads one row per pilot (no join to every gap row); the
 * title, pillar and gate flag then come from one stored gap row per criterion. A key appears
 * once per assessment and a pilot has one latest assessment, so count(*) counts distinct pilots.
 */
async function topGapsQuery(s: Scope): Promise<SystemicGap[]> {
  const rows = await db.$queryRaw<
    { criterionKey: string; title: string; pillarKey: string; isGate: boolean; pilots: unknown }[]
  >`
    WITH counts AS (
      SELECT k AS "criterionKey", count(*)::int AS pilots, max(a.id) AS sample
      FROM ${s.from(false)}
      JOIN "Assessment" a ON a.id = p."latestAssessmentId"
      CROSS JOIN LATERAL unnest(a."gapKeys") AS k
      WHERE ${s.where()}
      GROUP BY k
    )
    SELECT c."criterionKey", c.pilots, g."criterionTitle" AS title, g."pillarKey", g."isGate"
    FROM counts c
    JOIN "AssessmentGap" g ON g."assessmentId" = c.sample AND g."criterionKey" = c."criterionKey"
    ORDER BY c.pilots DESC, g."isGate" DESC, c."criterionKey" COLLATE "C" ASC
    LIMIT ${TOP_GAPS_LIMIT}`;
  return rows.map((r) => ({
    criterionKey: r.criterionKey,
    title: r.title,
    pillarKey: r.pillarKey,
    isGate: r.isGate,
    pilots: num0(r.pilots),
  }));
}

/**
 * Median days per stay in each stage, from the stage history. A past stay lasts from entering
 * the stage to leaving it (leftAt, stored when the next stage is entered); the current stay lasts
 * until now. Both count: leaving out current stays would hide exactly the pilots that are stuck.
 */
async function funnelQuery(s: Scope): Promise<Omit<FunnelStage, "pilots">[]> {
  // One aggregate row with a FILTERed median per stage: no sort of every stay by stage first.
  const perStage = Prisma.join(
    STAGES.map(
      (stage) => Prisma.sql`
        percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FILTER (WHERE stage = ${Prisma.raw(`'${stage}'`)}) AS ${Prisma.raw(`"${stage}"`)},
        count(*) FILTER (WHERE stage = ${Prisma.raw(`'${stage}'`)})::int AS ${Prisma.raw(`"${stage}_stays"`)}`,
    ),
    ",",
  );
  const [row] = await db.$queryRaw<Record<string, unknown>[]>`
    WITH stays AS (
      SELECT c."toStage" AS stage,
        GREATEST(0, extract(epoch FROM COALESCE(c."leftAt", ${s.now}) - c."enteredAt") / 86400) AS days
      FROM ${s.from(false)}
      JOIN "PilotStageChange" c ON c."pilotId" = p.id
      WHERE ${s.where()}
    )
    SELECT ${perStage} FROM stays`;
  return STAGES.map((stage) => ({ stage, medianDays: num(row?.[stage]), stays: num0(row?.[`${stage}_stays`]) }));
}

/** Every completed assessment of the filtered pilots, by month of completion (UTC), last 18 months. */
async function trendQuery(s: Scope, organizationId: string): Promise<TrendMonth[]> {
  const rows = await db.$queryRaw<
    { month: string; assessments: unknown; medianReadiness: unknown; meanReadiness: unknown; ready: unknown }[]
  >`
    SELECT to_char(m.month, 'YYYY-MM') AS month, m.assessments, m."medianReadiness", m."meanReadiness", m.ready
    FROM (
      SELECT date_trunc('month', a."completedAt") AS month,
        count(*)::int AS assessments,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY a."readinessScore") AS "medianReadiness",
        avg(a."readinessScore")::float8 AS "meanReadiness",
        count(*) FILTER (WHERE a.verdict = 'READY')::int AS ready
      FROM ${s.from(false)}
      JOIN "Assessment" a
        ON a."pilotId" = p.id AND a."organizationId" = ${organizationId} AND a.status = 'COMPLETED'
        AND a."completedAt" >= date_trunc('month', ${s.now}) - ${Prisma.raw(`interval '${TREND_MONTHS - 1} months'`)}
        AND a."completedAt" <= ${s.now}
      WHERE ${s.where()}
      GROUP BY 1
    ) m
    ORDER BY m.month`;
  return rows.map((r) => ({
    month: r.month,
    assessments: num0(r.assessments),
    medianReadiness: num(r.medianReadiness),
    meanReadiness: num(r.meanReadiness),
    readyShare: num0(r.ready) / num0(r.assessments),
  }));
}

/** Distinct units, teams and tags of the organisation's active pilots (unfiltered, for the menus). */
async function facetsQuery(organizationId: string): Promise<Portfolio["facets"]> {
  const [r] = await db.$queryRaw<{ facets: string }[]>`
    WITH active AS MATERIALIZED (
      SELECT "businessUnit", "owningTeam", tags FROM "Pilot" WHERE "organizationId" = ${organizationId} AND "archivedAt" IS NULL
    )
    SELECT json_build_object(
      'units', (SELECT COALESCE(json_agg(v ORDER BY v), '[]') FROM (SELECT DISTINCT "businessUnit" AS v FROM active) x),
      'teams', (SELECT COALESCE(json_agg(v ORDER BY v), '[]') FROM (SELECT DISTINCT "owningTeam" AS v FROM active) x),
      'tags', (SELECT COALESCE(json_agg(v ORDER BY v), '[]') FROM (SELECT DISTINCT unnest(tags) AS v FROM active) x)
    )::text AS facets`;
  return JSON.parse(r!.facets) as Portfolio["facets"];
}

// ---- Public API -----------------------------------------------------------------------------

/** Every figure of the portfolio dashboard for the actor's organisation, filtered. */
export async function getPortfolio(
  actor: Actor,
  filters: Partial<PortfolioFilters> = {},
  now: Date = new Date(),
  options: PortfolioOptions = {},
): Promise<Portfolio> {
  assertCan(actor, "org:read");
  const f = portfolioFiltersSchema.parse(filters);
  const limit = Math.min(500, Math.max(1, Math.trunc(options.heatmapLimit ?? HEATMAP_DEFAULT_LIMIT)));
  const s = scope(actor, f, now);

  const [figures, topGaps, stays, trend, facets] = await Promise.all([
    pilotFigures(s, f, limit),
    topGapsQuery(s),
    funnelQuery(s),
    trendQuery(s, actor.organizationId),
    facetsQuery(actor.organizationId),
  ]);

  const sums = figures.sums ?? [];
  const all = sums.find((r) => r.isTotal);
  if (!all) throw new Error("unreachable: GROUPING SETS (()) always yields the total row");
  const byStage = Object.fromEntries(STAGES.map((stage) => [stage, all[stage]])) as Record<PilotStage, number>;
  const headline: PortfolioHeadline = {
    total: all.pilots,
    byStage,
    assessed: all.assessed,
    assessedShare: all.pilots > 0 ? all.assessed / all.pilots : null,
    ready: all.READY,
    readyShare: all.assessed > 0 ? all.READY / all.assessed : null,
    medianReadiness: all.assessed > 0 ? all.medianReadiness : null,
    stalled: all.stalled,
    preProductionSpend: spendFigure(all.spend, all.preProduction, all.withoutCost),
  };
  const verdicts: VerdictCount[] = VERDICT_DISPLAY_ORDER.map((verdict) => ({
    verdict,
    pilots: verdict === NOT_ASSESSED ? all.pilots - all.assessed : all[verdict],
  }));
  const rollup: RollupRow[] = sums
    .filter((r) => !r.isTotal)
    .map((r) => ({
      group: r.group ?? "",
      pilots: r.pilots,
      assessed: r.assessed,
      ready: r.READY,
      medianReadiness: r.assessed > 0 ? r.medianReadiness : null,
      spend: spendFigure(r.spend, r.preProduction, r.withoutCost),
      stalled: r.stalled,
    }));

  const pillars = sortPillars(figures.pillars ?? []);
  const stalledRows = figures.stalled ?? [];
  const costRows = figures.cost ?? [];
  const costTotal = costRows[0]?.total ?? 0;

  return {
    generatedAt: now.toISOString(),
    filters: f,
    headline,
    verdicts,
    heatmap: {
      pillars,
      rows: (figures.heatmap ?? []).map((r) => ({
        pilotId: r.id,
        name: r.name,
        stage: r.stage,
        verdict: r.verdict,
        readiness: r.readiness,
        scores: pillars.map((p) => r.scores?.[p.key] ?? null),
      })),
      total: headline.assessed,
      sort: f.sort,
      limit,
    },
    topGaps,
    funnel: stays.map((st) => ({ ...st, pilots: byStage[st.stage] })),
    stalled: {
      rows: stalledRows.map((r) => {
        const reasons: StalledReason[] = [];
        if (r.longInStage) reasons.push("LONG_IN_STAGE");
        if (r.noRecentAssessment) reasons.push(r.lastAssessedAt === null ? "NEVER_ASSESSED" : "NO_RECENT_ASSESSMENT");
        return {
          pilotId: r.id,
          name: r.name,
          stage: r.stage,
          daysInStage: r.daysInStage,
          lastAssessedAt: r.lastAssessedAt,
          reasons,
        };
      }),
      total: stalledRows[0]?.total ?? 0,
      stalledDays: f.stalledDays,
      assessmentWindowDays: ASSESSMENT_STALE_DAYS,
    },
    trend,
    costVsReadiness: {
      points: costRows.map((r) => ({
        pilotId: r.id,
        name: r.name,
        costPerOutcome: r.costPerOutcome,
        readiness: r.readiness,
        verdict: r.verdict,
        monthlyRunCost: r.monthlyRunCost,
        outcomesPerMonth: r.outcomesPerMonth,
      })),
      total: costTotal,
      capped: costTotal > costRows.length,
      cap: COST_POINTS_LIMIT,
    },
    rollup: { groupBy: f.groupBy, rows: rollup },
    facets,
  };
}

// ---- CSV export -----------------------------------------------------------------------------

export interface PortfolioCsvRow {
  pilotId: string;
  name: string;
  businessUnit: string;
  owningTeam: string;
  stage: PilotStage;
  daysInStage: number;
  verdict: VerdictFilter;
  /** 0–100, full precision; null when not assessed or no pillar has a score. */
  readiness: number | null;
  /** 0–1; null when not assessed. */
  coverage: number | null;
  /** By pillar key; a pillar absent from the latest assessment is undefined. */
  pillarScores: Record<string, number | null>;
  monthlyRunCost: number | null;
  outcomesPerMonth: number | null;
  costPerOutcome: number | null;
  /** YYYY-MM-DD (UTC); null when never assessed. */
  lastAssessedAt: string | null;
}

export interface PortfolioCsv {
  pillars: PillarColumn[];
  rows: PortfolioCsvRow[];
  /** Ready for `toCsv(rows, columns)`. */
  columns: CsvColumn<PortfolioCsvRow>[];
}

const round = (n: number | null, places: number) => (n === null ? null : Number(n.toFixed(places)));

/** The CSV columns; one per pillar, headed by its title and keyed by its key. */
export function portfolioCsvColumns(pillars: readonly PillarColumn[]): CsvColumn<PortfolioCsvRow>[] {
  return [
    { header: "Pilot", value: (r) => r.name },
    { header: "Business unit", value: (r) => r.businessUnit },
    { header: "Owning team", value: (r) => r.owningTeam },
    { header: "Stage", value: (r) => r.stage },
    { header: "Days in stage", value: (r) => r.daysInStage },
    { header: "Verdict", value: (r) => r.verdict },
    { header: "Readiness score", value: (r) => roundScore(r.readiness) },
    { header: "Coverage (%)", value: (r) => roundScore(r.coverage === null ? null : r.coverage * 100) },
    ...pillars.map((p): CsvColumn<PortfolioCsvRow> => ({
      header: `${p.title} (${p.key})`,
      value: (r) => roundScore(r.pillarScores[p.key] ?? null),
    })),
    { header: "Monthly run cost", value: (r) => r.monthlyRunCost },
    { header: "Outcomes per month", value: (r) => r.outcomesPerMonth },
    { header: "Cost per outcome", value: (r) => round(r.costPerOutcome, 4) },
    { header: "Last assessed", value: (r) => r.lastAssessedAt },
  ];
}

/** One row per filtered, active pilot, ordered by name, with each pillar's score pivoted in SQL. */
export async function getPortfolioCsvRows(
  actor: Actor,
  filters: Partial<PortfolioFilters> = {},
  now: Date = new Date(),
): Promise<PortfolioCsv> {
  assertCan(actor, "org:read");
  const f = portfolioFiltersSchema.parse(filters);
  const s = scope(actor, f, now);
  const [pillars, rows] = await Promise.all([
    pillarColumns(s),
    db.$queryRaw<
      {
        id: string;
        name: string;
        businessUnit: string;
        owningTeam: string;
        stage: PilotStage;
        daysInStage: unknown;
        verdict: Verdict | null;
        readiness: unknown;
        coverage: unknown;
        scores: string | null;
        monthlyRunCost: unknown;
        outcomesPerMonth: unknown;
        costPerOutcome: unknown;
        lastAssessedAt: string | null;
      }[]
    >`
      SELECT p.id, p.name, p."businessUnit", p."owningTeam", p.stage::text AS stage, ${daysSince(s.now, Prisma.sql`p."stageEnteredAt"`)} AS "daysInStage",
        la.verdict::text AS verdict, la."readinessScore" AS readiness, la.coverage,
        (SELECT json_object_agg(ps."pillarKey", ps.score)::text FROM "AssessmentPillarScore" ps WHERE ps."assessmentId" = la.id) AS scores,
        p."monthlyRunCost", p."outcomesPerMonth",
        CASE WHEN p."outcomesPerMonth" > 0 THEN p."monthlyRunCost"::float8 / p."outcomesPerMonth" END AS "costPerOutcome",
        to_char(la."completedAt", 'YYYY-MM-DD') AS "lastAssessedAt"
      FROM ${s.from(true)}
      WHERE ${s.where()}
      ORDER BY p.name ASC, p.id ASC`,
  ]);
  return {
    pillars,
    columns: portfolioCsvColumns(pillars),
    rows: rows.map((r) => ({
      pilotId: r.id,
      name: r.name,
      businessUnit: r.businessUnit,
      owningTeam: r.owningTeam,
      stage: r.stage,
      daysInStage: num0(r.daysInStage),
      verdict: r.verdict ?? NOT_ASSESSED,
      readiness: num(r.readiness),
      coverage: num(r.coverage),
      pillarScores: parseScores(r.scores),
      monthlyRunCost: num(r.monthlyRunCost),
      outcomesPerMonth: num(r.outcomesPerMonth),
      costPerOutcome: num(r.costPerOutcome),
      lastAssessedAt: r.lastAssessedAt,
    })),
  };
}
