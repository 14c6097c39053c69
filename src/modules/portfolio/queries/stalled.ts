import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import { ASSESSMENT_STALE_DAYS, STALLED_LIMIT } from "./constants";
import { numeric, stage } from "./parse";
import type { Scope } from "./scope";
import { daysSince, isoTimestamp, type FigurePart } from "./sql";
import type { StalledList, StalledReason } from "./types";

/** Stalled pilots (long in stage or no recent assessment), longest in stage first, at most STALLED_LIMIT. */
export function stalledPart(s: Scope): FigurePart {
  return {
    ctes: Prisma.sql`stalled AS (
      SELECT b.*, row_number() OVER (ORDER BY b."stageEnteredAt" ASC, b.name ASC, b.id ASC) AS ord, count(*) OVER () AS total
      FROM base b WHERE b.long OR b.stale
      ORDER BY ord LIMIT ${STALLED_LIMIT}
    )`,
    json: Prisma.sql`(SELECT json_agg(json_build_object(
          'id', t.id, 'name', t.name, 'stage', t.stage, 'daysInStage', ${daysSince(s.now, Prisma.sql`t."stageEnteredAt"`)},
          'lastAssessedAt', ${isoTimestamp(Prisma.sql`t."completedAt"`)},
          'longInStage', t.long, 'noRecentAssessment', t.stale, 'total', t.total
        ) ORDER BY t.ord) FROM stalled t)`,
  };
}

export const stalledRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  stage,
  daysInStage: numeric,
  lastAssessedAt: z.string().nullable(),
  longInStage: z.boolean(),
  noRecentAssessment: z.boolean(),
  /** All stalled pilots, repeated on every row. */
  total: numeric,
});

export function toStalledList(rows: readonly z.output<typeof stalledRowSchema>[], stalledDays: number): StalledList {
  return {
    rows: rows.map((r) => {
      const reasons: StalledReason[] = [];
      if (r.longInStage) reasons.push("LONG_IN_STAGE");
      if (r.noRecentAssessment) reasons.push(r.lastAssessedAt === null ? "NEVER_ASSESSED" : "NO_RECENT_ASSESSMENT");
      return {
        pilotId: r.id,
        name: r.name,
        stage: r.stage,
        daysInStage: r.daysInStage,
        lastAssessedAt: r.lastAssessedAt,
        reasons,
      };
    }),
    total: rows[0]?.total ?? 0,
    stalledDays,
    assessmentWindowDays: ASSESSMENT_STALE_DAYS,
  };
}
