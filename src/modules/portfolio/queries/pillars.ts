import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { numeric } from "./parse";
import type { Scope } from "./scope";
import type { FigurePart } from "./sql";
import type { PillarColumn } from "./types";

// Every assessment of one framework version stores the same pillars: one assessment per version
// (the newest) gives the columns; titles and positions from the newest.

export const pillarRowSchema = z.object({ key: z.string(), title: z.string(), position: numeric });

type PillarRow = z.output<typeof pillarRowSchema>;

/** Framework order (position), ties by key. */
export function sortPillars(rows: readonly PillarRow[]): PillarColumn[] {
  return [...rows]
    .sort((a, b) => a.position - b.position || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ key, title }) => ({ key, title }));
}

/** The columns of the heatmap, over the latest assessments in `base`. */
export const pillarsPart: FigurePart = {
  ctes: Prisma.sql`per_version AS (
      SELECT DISTINCT ON (fvid) aid, "completedAt" FROM base WHERE aid IS NOT NULL ORDER BY fvid, "completedAt" DESC
    ),
    pillars AS (
      SELECT DISTINCT ON (ps."pillarKey") ps."pillarKey" AS key, ps."pillarTitle" AS title, ps.position
      FROM per_version v JOIN "AssessmentPillarScore" ps ON ps."assessmentId" = v.aid
      ORDER BY ps."pillarKey", v."completedAt" DESC
    )`,
  json: Prisma.sql`(SELECT json_agg(pillars) FROM pillars)`,
};

/** The pillar columns alone (for the CSV); the dashboard gets them inside `pilotFigures`. */
export async function pillarColumns(s: Scope): Promise<PillarColumn[]> {
  const rows = await db.$queryRaw<unknown[]>`
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
  return sortPillars(z.array(pillarRowSchema).parse(rows));
}
