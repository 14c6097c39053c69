import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { TREND_MONTHS } from "./constants";
import { nullableNumeric, numeric } from "./parse";
import type { Scope } from "./scope";
import type { TrendMonth } from "./types";

const monthRowSchema = z.object({
  month: z.string(),
  assessments: numeric,
  medianReadiness: nullableNumeric,
  meanReadiness: nullableNumeric,
  ready: numeric,
});

/** Every completed assessment of the filtered pilots, by month of completion (UTC), last 18 months. */
export async function trendQuery(s: Scope, organizationId: string): Promise<TrendMonth[]> {
  const rows = await db.$queryRaw<unknown[]>`
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
  return z
    .array(monthRowSchema)
    .parse(rows)
    .map((r) => ({
      month: r.month,
      assessments: r.assessments,
      medianReadiness: r.medianReadiness,
      meanReadiness: r.meanReadiness,
      readyShare: r.ready / r.assessments,
    }));
}
