import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { COST_POINTS_LIMIT } from "./constants";
import { numeric, verdict } from "./parse";
import type { FigurePart } from "./sql";
import type { CostVsReadiness } from "./types";

/**
 * Assessed pilots with a readiness score, a cost and outcomes (cost per outcome needs both), by
 * name, at most COST_POINTS_LIMIT.
 */
export const costPart: FigurePart = {
  ctes: Prisma.sql`cost AS (
      SELECT b.*, row_number() OVER (ORDER BY b.name ASC, b.id ASC) AS ord, count(*) OVER () AS total
      FROM base b WHERE b.aid IS NOT NULL AND b.readiness IS NOT NULL AND b.cost IS NOT NULL AND b.outcomes > 0
      ORDER BY ord LIMIT ${COST_POINTS_LIMIT}
    )`,
  json: Prisma.sql`(SELECT json_agg(json_build_object(
          'id', c.id, 'name', c.name, 'costPerOutcome', c.cost::float8 / c.outcomes, 'readiness', c.readiness,
          'verdict', c.verdict, 'monthlyRunCost', c.cost, 'outcomesPerMonth', c.outcomes, 'total', c.total
        ) ORDER BY c.ord) FROM cost c)`,
};

export const costRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  costPerOutcome: numeric,
  readiness: numeric,
  verdict,
  monthlyRunCost: numeric,
  outcomesPerMonth: numeric,
  /** All pilots that qualify, repeated on every row. */
  total: numeric,
});

export function toCostVsReadiness(rows: readonly z.output<typeof costRowSchema>[]): CostVsReadiness {
  const total = rows[0]?.total ?? 0;
  return {
    points: rows.map((r) => ({
      pilotId: r.id,
      name: r.name,
      costPerOutcome: r.costPerOutcome,
      readiness: r.readiness,
      verdict: r.verdict,
      monthlyRunCost: r.monthlyRunCost,
      outcomesPerMonth: r.outcomesPerMonth,
    })),
    total,
    capped: total > rows.length,
    cap: COST_POINTS_LIMIT,
  };
}
