import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/modules/access/shared";
import type { PilotStage } from "@/generated/prisma/enums";
import { figureStages, NOT_ASSESSED, type PortfolioFilters } from "../filters";
import { ASSESSMENT_STALE_DAYS, PRE_PRODUCTION_STAGES, STALL_STAGES } from "./constants";
import { stageList, utc } from "./sql";

/**
 * What every query shares: the organisation, "not archived" and the filters, as SQL built from
 * Prisma.sql fragments — every filter value is a bind parameter, only our own constants are
 * inlined. Each query applies it in its own WHERE clause.
 */
export interface Scope {
  /**
   * The pilots `p`; with `latest` (or when a filter needs it) LEFT JOINed to their latest
   * completed assessment `la`, null when never assessed.
   */
  from: (latest: boolean) => Prisma.Sql;
  /**
   * Organisation, not archived, the filters, and the figure stages: retired pilots only when
   * the stage filter asks for them (filters.ts, DEFAULT_FIGURE_STAGES). Every figure but the funnel.
   */
  where: (...extra: Prisma.Sql[]) => Prisma.Sql;
  /** The same with retired pilots counted even without a stage filter (the stage funnel). */
  whereWithRetired: (...extra: Prisma.Sql[]) => Prisma.Sql;
  now: Prisma.Sql;
  /** Pilot in a stall stage for more than stalledDays (needs `la`). */
  longInStage: Prisma.Sql;
  /**
   * Pilot before production with no completed assessment in ASSESSMENT_STALE_DAYS, or never
   * assessed although registered more than stalledDays ago (needs `la`). A pilot registered
   * yesterday is not stalled for not having been assessed yet.
   */
  noRecentAssessment: Prisma.Sql;
  preProduction: Prisma.Sql;
}

const stageValues = (stages: readonly PilotStage[]) =>
  Prisma.join(stages.map((stage) => Prisma.sql`CAST(${stage} AS "PilotStage")`));

export function scope(actor: Actor, f: PortfolioFilters, now: Date): Scope {
  const org = actor.organizationId;
  const nowSql = utc(now);
  // Every value is a bind parameter; OR within a filter (IN, array overlap), AND across filters.
  const conditions = [Prisma.sql`p."organizationId" = ${org}`, Prisma.sql`p."archivedAt" IS NULL`];
  if (f.units.length > 0) conditions.push(Prisma.sql`p."businessUnit" IN (${Prisma.join(f.units)})`);
  if (f.teams.length > 0) conditions.push(Prisma.sql`p."owningTeam" IN (${Prisma.join(f.teams)})`);
  if (f.tags.length > 0) conditions.push(Prisma.sql`p.tags && ARRAY[${Prisma.join(f.tags)}]::text[]`);
  const verdicts = f.verdicts.filter((v) => v !== NOT_ASSESSED);
  const verdictTerms = [
    ...(f.verdicts.includes(NOT_ASSESSED) ? [Prisma.sql`p."latestAssessmentId" IS NULL`] : []),
    ...(verdicts.length > 0
      ? [Prisma.sql`la.verdict IN (${Prisma.join(verdicts.map((v) => Prisma.sql`CAST(${v} AS "Verdict")`))})`]
      : []),
  ];
  if (verdictTerms.length > 0) conditions.push(Prisma.sql`(${Prisma.join(verdictTerms, " OR ")})`);
  const filterNeedsLatest = verdicts.length > 0;
  const withRetired =
    f.stages.length > 0 ? [...conditions, Prisma.sql`p.stage IN (${stageValues(f.stages)})`] : conditions;
  const figures = [...conditions, Prisma.sql`p.stage IN (${stageValues(figureStages(f))})`];

  // Pilot.latestAssessmentId only ever points at one of the pilot's own completed assessments;
  // the join repeats the organisation and status anyway.
  const withLatest = Prisma.sql`"Pilot" p
      LEFT JOIN "Assessment" la
        ON la.id = p."latestAssessmentId" AND la."organizationId" = ${org} AND la.status = 'COMPLETED'`;
  const preProduction = Prisma.sql`p.stage IN (${stageList(PRE_PRODUCTION_STAGES)})`;
  const stalledAgo = Prisma.sql`${nowSql} - CAST(${f.stalledDays} AS int) * interval '1 day'`;
  return {
    from: (latest) => (latest || filterNeedsLatest ? withLatest : Prisma.sql`"Pilot" p`),
    where: (...extra) => Prisma.join([...figures, ...extra], " AND "),
    whereWithRetired: (...extra) => Prisma.join([...withRetired, ...extra], " AND "),
    now: nowSql,
    longInStage: Prisma.sql`(p.stage IN (${stageList(STALL_STAGES)}) AND p."stageEnteredAt" < ${stalledAgo})`,
    noRecentAssessment: Prisma.sql`(${preProduction} AND CASE
        WHEN la."completedAt" IS NULL THEN p."createdAt" < ${stalledAgo}
        ELSE la."completedAt" < ${nowSql} - ${Prisma.raw(`interval '${ASSESSMENT_STALE_DAYS} days'`)}
      END)`,
    preProduction,
  };
}
