import { z } from "zod";
import { Prisma } from "@/generated/prisma/client";
import type { PilotStage } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/modules/access/shared";
import { STAGE_LABELS } from "@/modules/pilots/shared";
import { roundScore } from "@/modules/scoring";
import type { CsvColumn } from "../csv";
import {
  NOT_ASSESSED,
  portfolioFiltersSchema,
  VERDICT_FILTER_LABELS,
  type PortfolioFilters,
  type VerdictFilter,
} from "../filters";
import { jsonText, nullableNumeric, numeric, pillarScores, stage, verdict } from "./parse";
import { pillarColumns } from "./pillars";
import { scope } from "./scope";
import { daysSince } from "./sql";
import type { PillarColumn } from "./types";

export interface PortfolioCsvRow {
  pilotId: string;
  name: string;
  businessUnit: string;
  owningTeam: string;
  ownerName: string | null;
  ownerEmail: string | null;
  executiveSponsor: string | null;
  stage: PilotStage;
  daysInStage: number;
  verdict: VerdictFilter;
  /** 0–100, full precision; null when not assessed or no pillar has a score. */
  readiness: number | null;
  /** 0–1; null when not assessed. */
  coverage: number | null;
  /** By pillar key; a pillar absent from the latest assessment is undefined. */
  pillarScores: Record<string, number | null>;
  monthlyRunCost: number | null;
  outcomesPerMonth: number | null;
  costPerOutcome: number | null;
  /** YYYY-MM-DD (UTC); null when never assessed. */
  lastAssessedAt: string | null;
  /** Titles of the latest assessment's first TOP_GAPS_IN_CSV gaps, ranked as in docs/scoring.md. */
  topGaps: string[];
}

/** Gaps per pilot in the CSV: the ones to act on first. */
export const TOP_GAPS_IN_CSV = 3;

export interface PortfolioCsv {
  pillars: PillarColumn[];
  rows: PortfolioCsvRow[];
  /** Ready for `toCsv(rows, columns)`. */
  columns: CsvColumn<PortfolioCsvRow>[];
}

const round = (n: number | null, places: number) => (n === null ? null : Number(n.toFixed(places)));

/**
 * The CSV columns: labels, not codes ("Production intent", "Not ready"), so the file reads well
 * in a spreadsheet; one column per pillar, headed by its title and keyed by its key; then the
 * top gaps by criterion title.
 */
export function portfolioCsvColumns(pillars: readonly PillarColumn[]): CsvColumn<PortfolioCsvRow>[] {
  return [
    { header: "Pilot", value: (r) => r.name },
    { header: "Business unit", value: (r) => r.businessUnit },
    { header: "Owning team", value: (r) => r.owningTeam },
    { header: "Owner", value: (r) => r.ownerName },
    { header: "Owner email", value: (r) => r.ownerEmail },
    { header: "Executive sponsor", value: (r) => r.executiveSponsor },
    { header: "Stage", value: (r) => STAGE_LABELS[r.stage] },
    { header: "Days in stage", value: (r) => r.daysInStage },
    { header: "Verdict", value: (r) => VERDICT_FILTER_LABELS[r.verdict] },
    { header: "Readiness score", value: (r) => roundScore(r.readiness) },
    { header: "Coverage (%)", value: (r) => roundScore(r.coverage === null ? null : r.coverage * 100) },
    ...pillars.map((p): CsvColumn<PortfolioCsvRow> => ({
      header: `${p.title} (${p.key})`,
      value: (r) => roundScore(r.pillarScores[p.key] ?? null),
    })),
    ...Array.from({ length: TOP_GAPS_IN_CSV }, (_, i): CsvColumn<PortfolioCsvRow> => ({
      header: `Top gap ${i + 1}`,
      value: (r) => r.topGaps[i] ?? null,
    })),
    { header: "Monthly run cost", value: (r) => r.monthlyRunCost },
    { header: "Outcomes per month", value: (r) => r.outcomesPerMonth },
    { header: "Cost per outcome", value: (r) => round(r.costPerOutcome, 4) },
    { header: "Last assessed", value: (r) => r.lastAssessedAt },
  ];
}

const csvRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  businessUnit: z.string(),
  owningTeam: z.string(),
  ownerName: z.string().nullable(),
  ownerEmail: z.string().nullable(),
  executiveSponsor: z.string().nullable(),
  stage,
  daysInStage: numeric,
  verdict: verdict.nullable(),
  readiness: nullableNumeric,
  coverage: nullableNumeric,
  scores: jsonText(pillarScores).nullable(),
  monthlyRunCost: nullableNumeric,
  outcomesPerMonth: nullableNumeric,
  costPerOutcome: nullableNumeric,
  lastAssessedAt: z.string().nullable(),
  gaps: jsonText(z.array(z.string())).nullable(),
});

/**
 * One row per pilot the dashboard counts (filtered; retired only when the stage filter asks),
 * ordered by name, with each pillar's score pivoted in SQL and the top gaps' titles.
 */
export async function getPortfolioCsvRows(
  actor: Actor,
  filters: Partial<PortfolioFilters> = {},
  now: Date = new Date(),
): Promise<PortfolioCsv> {
  assertCan(actor, "org:read");
  const f = portfolioFiltersSchema.parse(filters);
  const s = scope(actor, f, now);
  const [pillars, rows] = await Promise.all([
    pillarColumns(s),
    db.$queryRaw<unknown[]>`
      SELECT p.id, p.name, p."businessUnit", p."owningTeam", p."ownerName", p."ownerEmail", p."executiveSponsor",
        p.stage::text AS stage, ${daysSince(s.now, Prisma.sql`p."stageEnteredAt"`)} AS "daysInStage",
        la.verdict::text AS verdict, la."readinessScore" AS readiness, la.coverage,
        (SELECT json_object_agg(ps."pillarKey", ps.score)::text FROM "AssessmentPillarScore" ps WHERE ps."assessmentId" = la.id) AS scores,
        p."monthlyRunCost", p."outcomesPerMonth",
        CASE WHEN p."outcomesPerMonth" > 0 THEN p."monthlyRunCost"::float8 / p."outcomesPerMonth" END AS "costPerOutcome",
        to_char(la."completedAt", 'YYYY-MM-DD') AS "lastAssessedAt",
        (SELECT json_agg(g."criterionTitle" ORDER BY g.rank)::text FROM "AssessmentGap" g
          WHERE g."assessmentId" = la.id AND g.rank < ${TOP_GAPS_IN_CSV}) AS gaps
      FROM ${s.from(true)}
      WHERE ${s.where()}
      ORDER BY p.name ASC, p.id ASC`,
  ]);
  return {
    pillars,
    columns: portfolioCsvColumns(pillars),
    rows: z
      .array(csvRowSchema)
      .parse(rows)
      .map((r) => ({
        pilotId: r.id,
        name: r.name,
        businessUnit: r.businessUnit,
        owningTeam: r.owningTeam,
        ownerName: r.ownerName,
        ownerEmail: r.ownerEmail,
        executiveSponsor: r.executiveSponsor,
        stage: r.stage,
        daysInStage: r.daysInStage,
        verdict: r.verdict ?? NOT_ASSESSED,
        readiness: r.readiness,
        coverage: r.coverage,
        pillarScores: r.scores ?? {},
        monthlyRunCost: r.monthlyRunCost,
        outcomesPerMonth: r.outcomesPerMonth,
        costPerOutcome: r.costPerOutcome,
        lastAssessedAt: r.lastAssessedAt,
        topGaps: r.gaps ?? [],
      })),
  };
}
