/**
 * The benchmark's lower bound: the plainest SQL that computes the dashboard's figures, one
 * query per figure, with no application code around it. Run with the same concurrency as the
 * app (all at once) so the ratio measures the app's overhead, not parallelism.
 */
import type { PrismaClient } from "@/generated/prisma/client";

export async function lowerBoundQueries(db: PrismaClient, org: string, now: Date) {
  const active = `p."organizationId" = $1 AND p."archivedAt" IS NULL`;
  const latest = `LEFT JOIN "Assessment" a ON a.id = p."latestAssessmentId"`;
  const q = <T = Record<string, unknown>>(sql: string, ...params: unknown[]) =>
    db.$queryRawUnsafe<T[]>(sql, org, ...params);
  const stalledWhere = `(p.stage IN ('PILOT','PRODUCTION_INTENT') AND p."stageEnteredAt" < $2::timestamp - interval '90 days')
      OR (p.stage IN ('IDEA','PILOT','PRODUCTION_INTENT') AND (a."completedAt" IS NULL OR a."completedAt" < $2::timestamp - interval '90 days'))`;
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
      `SELECT c."toStage", percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM COALESCE(c."leftAt", $2::timestamp) - c."enteredAt")) AS median
         FROM "Pilot" p JOIN "PilotStageChange" c ON c."pilotId" = p.id WHERE ${active} GROUP BY c."toStage"`,
      nowIso,
    ),
    q(
      `SELECT p.id, p.name, p.stage, p."stageEnteredAt", a."completedAt" FROM "Pilot" p ${latest} WHERE ${active} AND (${stalledWhere}) ORDER BY p."stageEnteredAt" LIMIT 50`,
      nowIso,
    ),
    q(
      `SELECT date_trunc('month', a."completedAt") AS month, count(*)::int AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY a."readinessScore") AS median,
           avg(a."readinessScore") AS mean, count(*) FILTER (WHERE a.verdict = 'READY')::int AS ready
         FROM "Pilot" p JOIN "Assessment" a ON a."pilotId" = p.id AND a.status = 'COMPLETED'
         WHERE ${active} AND a."completedAt" >= date_trunc('month', $2::timestamp) - interval '17 months' GROUP BY 1 ORDER BY 1`,
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
      `SELECT (SELECT array_agg(DISTINCT p."businessUnit") FROM "Pilot" p WHERE ${active}) AS units,
                (SELECT array_agg(DISTINCT p."owningTeam") FROM "Pilot" p WHERE ${active}) AS teams,
                (SELECT array_agg(DISTINCT t) FROM "Pilot" p, unnest(p.tags) t WHERE ${active}) AS tags`,
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
