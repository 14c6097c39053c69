/**
 * The benchmark's lower bound: the plainest SQL that computes the dashboard's figures, one
 * query per figure, with no application code around it. Run with the same concurrency as the
 * app (all at once) so the ratio measures the app's overhead, not parallelism.
 *
 * The same rules as the app (src/modules/portfolio/queries): without a stage filter, retired
 * pilots are out of every figure but the stage funnel; a pilot never assessed is stalled only
 * once registered more than 90 days ago; the trend is the state at each month's end (each
 * pilot's latest assessment by then, carried forward), for every one of the last 18 months.
 */
import type { PrismaClient } from "@/generated/prisma/client";

export async function lowerBoundQueries(db: PrismaClient, org: string, now: Date) {
  // Every figure but the funnel leaves retired pilots out (no stage filter in the bench).
  const withRetired = `p."organizationId" = $1 AND p."archivedAt" IS NULL`;
  const active = `${withRetired} AND p.stage <> 'RETIRED'`;
  const latest = `LEFT JOIN "Assessment" a ON a.id = p."latestAssessmentId"`;
  const q = <T = Record<string, unknown>>(sql: string, ...params: unknown[]) =>
    db.$queryRawUnsafe<T[]>(sql, org, ...params);
  const stalledWhere = `(p.stage IN ('PILOT','PRODUCTION_INTENT') AND p."stageEnteredAt" < $2::timestamp - interval '90 days')
      OR (p.stage IN ('IDEA','PILOT','PRODUCTION_INTENT') AND (
        (a."completedAt" IS NULL AND p."createdAt" < $2::timestamp - interval '90 days')
        OR a."completedAt" < $2::timestamp - interval '90 days'))`;
  const nowIso = now.toISOString();

  const [
    byStage,
    assessed,
    ready,
    median,
    stalled,
    spend,
    verdicts,
    heatmap,
    gaps,
    funnel,
    stalledList,
    trend,
    cost,
    rollup,
    facets,
  ] = await Promise.all([
    q(`SELECT p.stage, count(*)::int AS n FROM "Pilot" p WHERE ${active} GROUP BY p.stage`),
    q<{ n: number }>(`SELECT count(*)::int AS n FROM "Pilot" p WHERE ${active} AND p."latestAssessmentId" IS NOT NULL`),
    q<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Pilot" p JOIN "Assessment" a ON a.id = p."latestAssessmentId" WHERE ${active} AND a.verdict = 'READY'`,
    ),
    q<{ m: number | null }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY a."readinessScore") AS m FROM "Pilot" p JOIN "Assessment" a ON a.id = p."latestAssessmentId" WHERE ${active}`,
    ),
    q<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Pilot" p ${latest} WHERE ${active} AND (${stalledWhere})`,
      nowIso,
    ),
    q(
      `SELECT sum(p."monthlyRunCost")::float8 AS s, count(*) FILTER (WHERE p."monthlyRunCost" IS NULL)::int AS missing FROM "Pilot" p WHERE ${active} AND p.stage IN ('IDEA','PILOT','PRODUCTION_INTENT')`,
    ),
    q(`SELECT a.verdict, count(*)::int AS n FROM "Pilot" p ${latest} WHERE ${active} GROUP BY a.verdict`),
    q(
      `SELECT p.id, p.name, a.verdict, a."readinessScore", (SELECT json_object_agg(s."pillarKey", s.score) FROM "AssessmentPillarScore" s WHERE s."assessmentId" = a.id) AS scores
         FROM "Pilot" p JOIN "Assessment" a ON a.id = p."latestAssessmentId" WHERE ${active}
         ORDER BY a."readinessScore" ASC NULLS LAST, p.name LIMIT 50`,
    ),
    q(
      `SELECT k, count(*)::int AS n FROM "Pilot" p JOIN "Assessment" a ON a.id = p."latestAssessmentId", unnest(a."gapKeys") k
         WHERE ${active} GROUP BY k ORDER BY n DESC LIMIT 10`,
    ),
    q(
      `SELECT c."toStage", percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM COALESCE(c."leftAt", $2::timestamp) - c."enteredAt")) AS median,
           (SELECT count(*) FROM "Pilot" p2 WHERE p2."organizationId" = $1 AND p2."archivedAt" IS NULL AND p2.stage = c."toStage") AS pilots
         FROM "Pilot" p JOIN "PilotStageChange" c ON c."pilotId" = p.id WHERE ${withRetired} GROUP BY c."toStage"`,
      nowIso,
    ),
    q(
      `SELECT p.id, p.name, p.stage, p."stageEnteredAt", a."completedAt" FROM "Pilot" p ${latest} WHERE ${active} AND (${stalledWhere}) ORDER BY p."stageEnteredAt" LIMIT 50`,
      nowIso,
    ),
    // Each month's end: every pilot's latest assessment by then (the one completed by then and
    // not yet replaced by the next), medians over those; every month, empty ones included.
    q(
      `WITH months AS (
           SELECT m, LEAST(m + interval '1 month' - interval '1 millisecond', $2::timestamp) AS at
           FROM generate_series(0, 17) i, LATERAL (SELECT date_trunc('month', $2::timestamp) - i * interval '1 month' AS m) x
         ),
         pilots AS (SELECT p.id, p."createdAt" FROM "Pilot" p WHERE ${active} AND p."createdAt" <= $2::timestamp),
         spans AS (
           SELECT a."pilotId", a."readinessScore", a.verdict, a."completedAt",
             lead(a."completedAt") OVER (PARTITION BY a."pilotId" ORDER BY a."completedAt") AS replaced
           FROM "Assessment" a WHERE a."organizationId" = $1 AND a.status = 'COMPLETED' AND a."completedAt" <= $2::timestamp
         )
       SELECT mo.m, (SELECT count(*) FROM pilots WHERE "createdAt" <= mo.at) AS pilots, count(s."pilotId") AS assessed,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY s."readinessScore") AS median, avg(s."readinessScore") AS mean,
           count(*) FILTER (WHERE s.verdict = 'READY') AS ready
         FROM months mo
         LEFT JOIN (spans s JOIN pilots pl ON pl.id = s."pilotId")
           ON s."completedAt" <= mo.at AND (s.replaced IS NULL OR s.replaced > mo.at) AND pl."createdAt" <= mo.at
         GROUP BY mo.m, mo.at ORDER BY mo.m`,
      nowIso,
    ),
    q(
      `SELECT p.id, p.name, p."monthlyRunCost"::float8 / p."outcomesPerMonth" AS cpo, a."readinessScore" FROM "Pilot" p JOIN "Assessment" a ON a.id = p."latestAssessmentId"
         WHERE ${active} AND p."monthlyRunCost" IS NOT NULL AND p."outcomesPerMonth" > 0 AND a."readinessScore" IS NOT NULL ORDER BY p.name LIMIT 2000`,
    ),
    q(
      `SELECT p."businessUnit", count(*)::int AS pilots, count(a.id)::int AS assessed, count(*) FILTER (WHERE a.verdict = 'READY')::int AS ready,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY a."readinessScore") AS median, count(*) FILTER (WHERE ${stalledWhere})::int AS stalled,
           sum(p."monthlyRunCost") FILTER (WHERE p.stage IN ('IDEA','PILOT','PRODUCTION_INTENT'))::float8 AS spend
         FROM "Pilot" p ${latest} WHERE ${active} GROUP BY p."businessUnit"`,
      nowIso,
    ),
    q(
      `SELECT (SELECT array_agg(DISTINCT p."businessUnit") FROM "Pilot" p WHERE ${withRetired}) AS units,
                (SELECT array_agg(DISTINCT p."owningTeam") FROM "Pilot" p WHERE ${withRetired}) AS teams,
                (SELECT array_agg(DISTINCT t) FROM "Pilot" p, unnest(p.tags) t WHERE ${withRetired}) AS tags`,
    ),
  ]);
  const total = byStage.reduce((sum, r) => sum + Number(r.n), 0);
  return {
    headline: {
      total,
      assessed: assessed[0]!.n,
      ready: ready[0]!.n,
      median: median[0]!.m === null ? null : Number(median[0]!.m),
      stalled: stalled[0]!.n,
      spend: spend[0],
    },
    verdicts,
    heatmap,
    gaps,
    funnel,
    stalledList,
    trend,
    cost,
    rollup,
    facets,
  };
}
