import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { TREND_MONTHS } from "./constants";
import { nullableNumeric, numeric } from "./parse";
import type { Scope } from "./scope";
import type { TrendMonth } from "./types";

const monthRowSchema = z.object({
  month: z.string(),
  pilots: numeric,
  assessedPilots: numeric,
  medianReadiness: nullableNumeric,
  meanReadiness: nullableNumeric,
  ready: numeric,
});

/**
 * The portfolio's state at the end of each of the last TREND_MONTHS months (UTC; the current
 * month as of `now`), every month present whether anything changed in it or not. For each
 * filtered pilot registered by then, its latest assessment completed by then, carried forward
 * until its next one: the median and mean readiness of those, the share READY, how many pilots
 * were assessed and how many existed. The current month therefore equals the headline. The
 * pilots are the ones in view now (the filters apply to each pilot's present unit, stage…), seen
 * at each month's end. Months before any pilot was assessed have null scores, never 0.
 *
 * One statement, and no probe per pilot per month (that would be 18 × 10,000 index probes):
 *  - `spans`: every completed assessment with the time the pilot's next one replaced it (`lead`
 *    over an index-only scan already in pilot and date order);
 *  - `periods`: the months each one was its pilot's latest at the month's end — from the month
 *    it was completed (or the pilot registered, if later) up to the month before it was replaced;
 *  - `deltas`/`counts`: +1 when a period starts, −1 when it ends, summed per month for each
 *    distinct (readiness, ready) pair — readiness takes few distinct values (scores are ratios of
 *    small integers), so this is a few thousand rows, not one per pilot per month;
 *  - the median from the running count over the sorted scores, interpolated as percentile_cont.
 * Columns are timestamp(3) in UTC, so "by the month's end" is "before the next month starts".
 */
export async function trendQuery(s: Scope, organizationId: string): Promise<TrendMonth[]> {
  const rows = await db.$queryRaw<unknown[]>`
    WITH bounds AS MATERIALIZED (
      SELECT ${s.now} AS now,
        date_trunc('month', ${s.now}) - ${Prisma.raw(`interval '${TREND_MONTHS - 1} months'`)} AS first,
        date_trunc('month', ${s.now}) AS last
    ),
    months AS (
      SELECT b.first + i * interval '1 month' AS month
      FROM bounds b, generate_series(0, ${Prisma.raw(String(TREND_MONTHS - 1))}) AS i
    ),
    scoped AS MATERIALIZED (
      SELECT p.id, p."createdAt" FROM ${s.from(false)} WHERE ${s.where(Prisma.sql`p."createdAt" <= ${s.now}`)}
    ),
    spans AS (
      -- Two assessments of one pilot never complete at the same instant (completion takes a row lock).
      SELECT a."pilotId", a."readinessScore" AS score, a.verdict = 'READY' AS ready, a."completedAt",
        lead(a."completedAt") OVER (PARTITION BY a."pilotId" ORDER BY a."completedAt") AS "replacedAt"
      FROM "Assessment" a
      WHERE a."organizationId" = ${organizationId} AND a.status = 'COMPLETED' AND a."completedAt" <= ${s.now}
    ),
    periods AS MATERIALIZED (
      SELECT sp.score, sp.ready,
        GREATEST(b.first, date_trunc('month', GREATEST(sp."completedAt", sc."createdAt"))) AS "from",
        COALESCE(date_trunc('month', sp."replacedAt"), 'infinity') AS until
      FROM spans sp JOIN scoped sc ON sc.id = sp."pilotId" CROSS JOIN bounds b
    ),
    deltas AS (
      SELECT score, ready, month, sum(d)::int AS d
      FROM (
        SELECT score, ready, "from" AS month, 1 AS d FROM periods WHERE "from" < until
        UNION ALL
        SELECT score, ready, until, -1 FROM periods, bounds b WHERE "from" < until AND until <= b.last
      ) e
      GROUP BY score, ready, month
    ),
    counts AS (
      SELECT m.month, d.score, d.ready, sum(d.d)::int AS n
      FROM months m JOIN deltas d ON d.month <= m.month
      GROUP BY m.month, d.score, d.ready
      HAVING sum(d.d) > 0
    ),
    ranked AS (
      SELECT month, score, n,
        sum(n) OVER (PARTITION BY month ORDER BY score ROWS UNBOUNDED PRECEDING) AS below,
        sum(n) OVER (PARTITION BY month) AS scored
      FROM (SELECT month, score, sum(n) AS n FROM counts WHERE score IS NOT NULL GROUP BY month, score) c
    ),
    scores AS (
      -- The values at positions floor and ceil of 0.5 × (scored − 1), 0-based, as percentile_cont takes them.
      SELECT month,
        min(score) FILTER (WHERE below > floor(0.5 * (scored - 1))) AS lo,
        min(score) FILTER (WHERE below > ceil(0.5 * (scored - 1))) AS hi,
        max(0.5 * (scored - 1) - floor(0.5 * (scored - 1)))::float8 AS frac,
        sum(score * n) / sum(n) AS mean
      FROM ranked GROUP BY month
    ),
    tallies AS (
      SELECT month, sum(n)::int AS assessed, (sum(n) FILTER (WHERE ready))::int AS ready FROM counts GROUP BY month
    ),
    registered AS (
      SELECT GREATEST(b.first, date_trunc('month', sc."createdAt")) AS month, count(*)::int AS n
      FROM scoped sc CROSS JOIN bounds b GROUP BY 1
    )
    SELECT to_char(m.month, 'YYYY-MM') AS month,
      COALESCE(sum(r.n) OVER (ORDER BY m.month), 0)::int AS pilots,
      COALESCE(t.assessed, 0) AS "assessedPilots",
      sc.lo + (sc.hi - sc.lo) * sc.frac AS "medianReadiness",
      sc.mean AS "meanReadiness",
      COALESCE(t.ready, 0) AS ready
    FROM months m
      LEFT JOIN registered r ON r.month = m.month
      LEFT JOIN tallies t ON t.month = m.month
      LEFT JOIN scores sc ON sc.month = m.month
    ORDER BY m.month`;
  return z
    .array(monthRowSchema)
    .parse(rows)
    .map((r) => ({
      month: r.month,
      pilots: r.pilots,
      assessedPilots: r.assessedPilots,
      medianReadiness: r.assessedPilots > 0 ? r.medianReadiness : null,
      meanReadiness: r.assessedPilots > 0 ? r.meanReadiness : null,
      readyShare: r.assessedPilots > 0 ? r.ready / r.assessedPilots : null,
    }));
}
