import { z } from "zod";
import { db } from "@/lib/db";
import { pilotListSearchFor, type PortfolioFilters } from "../filters";
import { TOP_GAPS_LIMIT } from "./constants";
import { numeric } from "./parse";
import type { Scope } from "./scope";
import type { SystemicGap } from "./types";

const gapRowSchema = z.object({
  criterionKey: z.string(),
  title: z.string(),
  pillarKey: z.string(),
  isGate: z.boolean(),
  pilots: numeric,
});

/**
 * Criteria most often below target across the latest assessments of the pilots the figures
 * count (retired ones only when the stage filter asks for them), each with the pilot list's
 * query that lists exactly the pilots counted. Each assessment stores its
 * gap keys as an array, so the count reads one row per pilot (no join to every gap row); the
 * title, pillar and gate flag then come from one stored gap row per criterion. A key appears
 * once per assessment and a pilot has one latest assessment, so count(*) counts distinct pilots.
 */
export async function topGapsQuery(s: Scope, f: PortfolioFilters): Promise<SystemicGap[]> {
  const rows = await db.$queryRaw<unknown[]>`
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
  return z
    .array(gapRowSchema)
    .parse(rows)
    .map((g) => ({ ...g, pilotsSearch: pilotListSearchFor(f, { gap: g.criterionKey }) }));
}
