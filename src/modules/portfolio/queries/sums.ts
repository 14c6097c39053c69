import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { nullableNumeric, numeric } from "./parse";
import type { FigurePart } from "./sql";
import type { SpendFigure } from "./types";

/**
 * Counts and median of a set of pilots: the whole filtered portfolio (the total row) or one
 * rollup group, in one pass with GROUPING SETS. The headline, the verdict counts and the rollup
 * all read these rows.
 */
export const sumsPart: FigurePart = {
  ctes: Prisma.sql`sums AS (
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
    )`,
  json: Prisma.sql`(SELECT json_agg(sums ORDER BY sums."group") FROM sums)`,
};

export const sumsRowSchema = z.object({
  isTotal: z.boolean(),
  group: z.string().nullable(),
  pilots: numeric,
  IDEA: numeric,
  PILOT: numeric,
  PRODUCTION_INTENT: numeric,
  PRODUCTION: numeric,
  RETIRED: numeric,
  assessed: numeric,
  INCOMPLETE: numeric,
  BLOCKED: numeric,
  READY: numeric,
  CONDITIONAL: numeric,
  NOT_READY: numeric,
  medianReadiness: nullableNumeric,
  stalled: numeric,
  preProduction: numeric,
  spend: nullableNumeric,
  withoutCost: numeric,
});

export type SumsRow = z.output<typeof sumsRowSchema>;

/** The spend of `pilots` pre-production pilots: unknown (null) when none of them has a cost, 0 when there are none. */
export function spendFigure(amount: number | null, pilots: number, withoutCost: number): SpendFigure {
  return { amount: amount ?? (pilots === 0 ? 0 : null), pilots, withoutCost };
}
