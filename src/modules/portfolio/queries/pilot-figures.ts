import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import type { PortfolioFilters } from "../filters";
import { costPart, costRowSchema } from "./cost-vs-readiness";
import { heatmapPart, heatmapRowSchema } from "./heatmap";
import { jsonList, jsonText } from "./parse";
import { pillarRowSchema, pillarsPart } from "./pillars";
import type { Scope } from "./scope";
import { stalledPart, stalledRowSchema } from "./stalled";
import { sumsPart, sumsRowSchema } from "./sums";

const figuresSchema = z.object({
  sums: jsonList(sumsRowSchema),
  pillars: jsonList(pillarRowSchema),
  heatmap: jsonList(heatmapRowSchema),
  stalled: jsonList(stalledRowSchema),
  cost: jsonList(costRowSchema),
});

export type PilotFigures = z.output<typeof figuresSchema>;

/**
 * Every per-pilot figure in one statement: the filtered pilots with their latest assessment are
 * read once (the `base` CTE), then aggregated several ways — headline and rollup (one pass with
 * GROUPING SETS), verdict counts, heatmap rows, stalled list, cost points and the pillar columns.
 * Each part comes back as JSON: one round trip, one scan, on PGlite and PostgreSQL alike.
 */
export async function pilotFigures(s: Scope, f: PortfolioFilters, heatmapLimit: number): Promise<PilotFigures> {
  const group = f.groupBy === "team" ? Prisma.sql`p."owningTeam"` : Prisma.sql`p."businessUnit"`;
  const heatmap = heatmapPart(f.sort, heatmapLimit);
  const stalled = stalledPart(s);
  const rows = await db.$queryRaw<unknown[]>`
    WITH base AS MATERIALIZED (
      SELECT p.id, p.name, p.stage::text AS stage, p."stageEnteredAt", ${group} AS grp,
        p."monthlyRunCost" AS cost, p."outcomesPerMonth" AS outcomes,
        la.id AS aid, la.verdict::text AS verdict, la."readinessScore" AS readiness, la."completedAt",
        la."frameworkVersionId" AS fvid,
        ${s.longInStage} AS long, ${s.noRecentAssessment} AS stale, ${s.preProduction} AS pre
      FROM ${s.from(true)}
      WHERE ${s.where()}
    ),
    ${sumsPart.ctes},
    ${pillarsPart.ctes},
    ${heatmap.ctes},
    ${stalled.ctes},
    ${costPart.ctes}
    SELECT json_build_object(
      'sums', ${sumsPart.json},
      'pillars', ${pillarsPart.json},
      'heatmap', ${heatmap.json},
      'stalled', ${stalled.json},
      'cost', ${costPart.json}
    )::text AS figures`;
  const [row] = z.tuple([z.object({ figures: jsonText(figuresSchema) })]).parse(rows);
  return row.figures;
}
