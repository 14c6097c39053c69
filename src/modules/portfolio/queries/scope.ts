import { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/modules/access/shared";
import { NOT_ASSESSED, type PortfolioFilters } from "../filters";
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
  /** Organisation, not archived, and the filters. */
  where: (...extra: Prisma.Sql[]) => Prisma.Sql;
  now: Prisma.Sql;
  /** Pilot in a stall stage for more than stalledDays (needs `la`). */
  longInStage: Prisma.Sql;
  /** Pilot before production with no completed assessment in ASSESSMENT_STALE_DAYS (needs `la`). */
  noRecentAssessment: Prisma.Sql;
  preProduction: Prisma.Sql;
}

export function scope(actor: Actor, f: PortfolioFilters, now: Date): Scope {
  const org = actor.organizationId;
  const nowSql = utc(now);
  const conditions = [Prisma.sql`p."organizationId" = ${org}`, Prisma.sql`p."archivedAt" IS NULL`];
  if (f.unit) conditions.push(Prisma.sql`p."businessUnit" = ${f.unit}`);
  if (f.team) conditions.push(Prisma.sql`p."owningTeam" = ${f.team}`);
  if (f.stage) conditions.push(Prisma.sql`p.stage = CAST(${f.stage} AS "PilotStage")`);
  if (f.tag) conditions.push(Prisma.sql`p.tags @> ARRAY[${f.tag}]::text[]`);
  if (f.verdict === NOT_ASSESSED) conditions.push(Prisma.sql`p."latestAssessmentId" IS NULL`);
  else if (f.verdict) conditions.push(Prisma.sql`la.verdict = CAST(${f.verdict} AS "Verdict")`);
  const filterNeedsLatest = Boolean(f.verdict && f.verdict !== NOT_ASSESSED);

  // Pilot.latestAssessmentId only ever points at one of the pilot's own completed assessments;
  // the join repeats the organisation and status anyway.
  const withLatest = Prisma.sql`"Pilot" p
      LEFT JOIN "Assessment" la
        ON la.id = p."latestAssessmentId" AND la."organizationId" = ${org} AND la.status = 'COMPLETED'`;
  const preProduction = Prisma.sql`p.stage IN (${stageList(PRE_PRODUCTION_STAGES)})`;
  return {
    from: (latest) => (latest || filterNeedsLatest ? withLatest : Prisma.sql`"Pilot" p`),
    where: (...extra) => Prisma.join([...conditions, ...extra], " AND "),
    now: nowSql,
    longInStage: Prisma.sql`(p.stage IN (${stageList(STALL_STAGES)})
      AND p."stageEnteredAt" < ${nowSql} - CAST(${f.stalledDays} AS int) * interval '1 day')`,
    noRecentAssessment: Prisma.sql`(${preProduction}
      AND (la."completedAt" IS NULL OR la."completedAt" < ${nowSql} - ${Prisma.raw(`interval '${ASSESSMENT_STALE_DAYS} days'`)}))`,
    preProduction,
  };
}
