import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { HeatmapSort } from "../filters";
import { nullableNumeric, pillarScores, stage, verdict } from "./parse";
import type { FigurePart } from "./sql";
import type { Heatmap, PillarColumn } from "./types";

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

/** The first `limit` assessed pilots in `sort` order, each with its pillar scores by key. */
export function heatmapPart(sort: HeatmapSort, limit: number): FigurePart {
  const heat = heatmapOrder(sort);
  return {
    ctes: Prisma.sql`heat AS (
      SELECT b.*, row_number() OVER (ORDER BY ${heat.order}) AS ord
      FROM base b ${heat.join} WHERE b.aid IS NOT NULL
      ORDER BY ord LIMIT ${limit}
    )`,
    json: Prisma.sql`(SELECT json_agg(json_build_object(
          'id', h.id, 'assessmentId', h.aid, 'name', h.name, 'stage', h.stage, 'verdict', h.verdict, 'readiness', h.readiness,
          'scores', (SELECT json_object_agg(ps."pillarKey", ps.score) FROM "AssessmentPillarScore" ps WHERE ps."assessmentId" = h.aid)
        ) ORDER BY h.ord) FROM heat h)`,
  };
}

export const heatmapRowSchema = z.object({
  id: z.string(),
  assessmentId: z.string(),
  name: z.string(),
  stage,
  verdict,
  readiness: nullableNumeric,
  scores: pillarScores,
});

/** Rows aligned with the pillar columns; `total` is every assessed pilot, not just the rows shown. */
export function toHeatmap(
  rows: readonly z.output<typeof heatmapRowSchema>[],
  pillars: PillarColumn[],
  total: number,
  sort: HeatmapSort,
  limit: number,
): Heatmap {
  return {
    pillars,
    rows: rows.map((r) => ({
      pilotId: r.id,
      assessmentId: r.assessmentId,
      name: r.name,
      stage: r.stage,
      verdict: r.verdict,
      readiness: r.readiness,
      scores: pillars.map((p) => r.scores[p.key] ?? null),
    })),
    total,
    sort,
    limit,
  };
}
