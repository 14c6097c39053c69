import "server-only";
import { db } from "@/lib/db";
import { daysSince, formatDate } from "@/lib/format";
import { assertCan, type Actor } from "@/modules/access/shared";
import { listPilotAssessments } from "@/modules/assessments";
import { getPilot, listPilots, pilotListQuerySchema, type PilotListItem } from "@/modules/pilots";
import {
  getPortfolioCached,
  parsePortfolioFilters,
  pilotListSearchFor,
  type PortfolioFilters,
} from "@/modules/portfolio";
import { DEFAULT_THRESHOLDS } from "@/modules/scoring";
import { getWorkshopFollowUps, type WorkshopFollowUp } from "@/modules/workshops";
import {
  describeFilters,
  MAX_REPORT_PILOTS,
  REPORT_GAPS_PER_PILOT,
  pilotSummary,
  portfolioSummary,
  type FollowUp,
  type PilotReport,
  type PortfolioReport,
  type ReportMethod,
  type ReportPilot,
} from "./model";

export interface ReportOptions {
  now?: Date;
  /** Follow-ups to show instead of the workshops' own (tests); by default, the closed workshops' list. */
  followUps?: FollowUp[];
}

const WHY: Record<WorkshopFollowUp["reasons"][number], string> = {
  disagreement: "The room disagreed (votes two levels or more apart)",
  verify: "Verify with evidence",
};

/** The follow-ups of the organisation's closed workshops for these pilots, newest workshop first. */
async function workshopFollowUps(actor: Actor, pilotIds: string[]): Promise<FollowUp[]> {
  const wanted = new Set(pilotIds);
  const all = await getWorkshopFollowUps(actor, pilotIds.length === 1 ? pilotIds[0] : undefined);
  return all
    .filter((f) => wanted.has(f.pilotId))
    .map((f) => ({
      title: f.criterionTitle,
      pilotName: f.pilotName,
      why: f.reasons.map((r) => WHY[r]).join("; "),
      workshop: `${f.workshopTitle}, ${formatDate(f.workshopDate)}`,
    }));
}

/** The framework the scores are read against: the newest published version, and the versions the report used. */
async function methodFor(actor: Actor, versionsUsed: number[]): Promise<ReportMethod> {
  const current = await db.frameworkVersion.findFirst({
    where: { status: "PUBLISHED", framework: { organizationId: actor.organizationId } },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { version: "desc" }],
    select: { version: true, readyThreshold: true, conditionalThreshold: true, framework: { select: { name: true } } },
  });
  return {
    frameworkName: current?.framework.name ?? null,
    currentVersion: current?.version ?? null,
    versionsUsed: [...new Set(versionsUsed)].sort((a, b) => a - b),
    thresholds: current
      ? { ready: current.readyThreshold, conditional: current.conditionalThreshold }
      : { ...DEFAULT_THRESHOLDS },
  };
}

/** The latest completed assessment of each pilot: pillar scores and top gaps, one query. */
async function latestDetails(actor: Actor, pilotIds: string[]) {
  const rows = await db.pilot.findMany({
    where: { organizationId: actor.organizationId, id: { in: pilotIds } },
    select: {
      id: true,
      executiveSponsor: true,
      latestAssessment: {
        select: {
          meanScore: true,
          coverage: true,
          gapKeys: true,
          frameworkVersion: { select: { version: true } },
          pillarScores: { orderBy: { position: "asc" }, select: { pillarTitle: true, score: true } },
          gaps: {
            orderBy: { rank: "asc" },
            take: REPORT_GAPS_PER_PILOT,
            select: { criterionTitle: true, isGate: true, level: true, targetLevel: true, remediation: true },
          },
        },
      },
    },
  });
  return new Map(rows.map((r) => [r.id, r]));
}

type Details = Awaited<ReturnType<typeof latestDetails>> extends Map<string, infer V> ? V : never;

function toReportPilot(
  item: Pick<
    PilotListItem,
    "id" | "name" | "summary" | "businessUnit" | "owningTeam" | "ownerName" | "stage" | "stageEnteredAt" | "readiness"
  >,
  details: Details | undefined,
  now: Date,
): ReportPilot {
  const latest = item.readiness ? details?.latestAssessment : null;
  return {
    id: item.id,
    name: item.name,
    summary: item.summary,
    businessUnit: item.businessUnit,
    owningTeam: item.owningTeam,
    ownerName: item.ownerName,
    executiveSponsor: details?.executiveSponsor ?? null,
    stage: item.stage,
    daysInStage: daysSince(item.stageEnteredAt, now),
    verdict: item.readiness?.verdict ?? null,
    readiness: item.readiness?.readinessScore ?? null,
    mean: latest?.meanScore ?? null,
    coverage: latest?.coverage ?? null,
    assessedAt: item.readiness?.completedAt.toISOString() ?? null,
    frameworkVersion: latest?.frameworkVersion.version ?? null,
    pillars: latest?.pillarScores.map((p) => ({ title: p.pillarTitle, score: p.score })) ?? [],
    gaps:
      latest?.gaps.map((g) => ({
        title: g.criterionTitle,
        isGate: g.isGate,
        level: g.level,
        targetLevel: g.targetLevel,
        nextStep: g.remediation,
      })) ?? [],
    gapCount: latest?.gapKeys.length ?? 0,
  };
}

/** The pilots a dashboard view counts (the pilot list its figures link to), least ready first. */
async function pilotsInView(actor: Actor, filters: PortfolioFilters, now: Date) {
  const base = pilotListQuerySchema.parse(new URLSearchParams(pilotListSearchFor(filters)));
  const items: PilotListItem[] = [];
  let total = 0;
  for (let page = 1; items.length < MAX_REPORT_PILOTS; page++) {
    const result = await listPilots(actor, { ...base, sort: "readiness", dir: "asc", size: 100, page }, { now });
    total = result.total;
    items.push(...result.items);
    if (result.page >= result.pageCount) break;
  }
  return { items: items.slice(0, MAX_REPORT_PILOTS), total };
}

/**
 * The portfolio report for a dashboard view: the dashboard's own figures for the same filters
 * (getPortfolioCached, so the numbers are those on screen), a page per pilot in the view and
 * the method. `rawFilters` is parsed exactly as the dashboard parses its URL.
 */
export async function buildPortfolioReport(
  actor: Actor & { organizationName: string; currency: string },
  rawFilters: unknown,
  options: ReportOptions = {},
): Promise<PortfolioReport> {
  assertCan(actor, "org:read");
  const now = options.now ?? new Date();
  const filters = parsePortfolioFilters(rawFilters);
  const [portfolio, inView] = await Promise.all([
    getPortfolioCached(actor, filters, now),
    pilotsInView(actor, filters, now),
  ]);
  const details = await latestDetails(
    actor,
    inView.items.map((p) => p.id),
  );
  const pilots = inView.items.map((item) => toReportPilot(item, details.get(item.id), now));

  // Mean pillar score over the assessed pilots in the report, pillar by pillar in first-seen order.
  const sums = new Map<string, { total: number; pilots: number }>();
  for (const p of pilots) {
    for (const pillar of p.pillars) {
      const s = sums.get(pillar.title) ?? { total: 0, pilots: 0 };
      if (pillar.score !== null) {
        s.total += pillar.score;
        s.pilots += 1;
      }
      sums.set(pillar.title, s);
    }
  }
  const base = {
    headline: portfolio.headline,
    topGaps: portfolio.topGaps,
    stalled: portfolio.stalled,
    trend: portfolio.trend,
  };
  return {
    kind: "portfolio",
    organizationName: actor.organizationName,
    currency: actor.currency,
    generatedAt: portfolio.generatedAt,
    filters: portfolio.filters,
    view: describeFilters(portfolio.filters),
    ...base,
    verdicts: portfolio.verdicts,
    funnel: portfolio.funnel,
    pillarAverages: [...sums].map(([title, s]) => ({
      title,
      average: s.pilots > 0 ? s.total / s.pilots : null,
      pilots: s.pilots,
    })),
    summary: portfolioSummary(base),
    pilots,
    pilotsInView: inView.total,
    followUps:
      options.followUps ??
      (await workshopFollowUps(
        actor,
        pilots.map((p) => p.id),
      )),
    method: await methodFor(
      actor,
      pilots.flatMap((p) => (p.frameworkVersion === null ? [] : [p.frameworkVersion])),
    ),
  };
}

/** The report of one pilot: its latest verdict, pillar scores, top gaps, history and the method. Another organisation's id is 404. */
export async function buildPilotReport(
  actor: Actor & { organizationName: string; currency: string },
  pilotId: string,
  options: ReportOptions = {},
): Promise<PilotReport> {
  assertCan(actor, "org:read");
  const now = options.now ?? new Date();
  const pilot = await getPilot(actor, pilotId);
  const [details, assessments] = await Promise.all([
    latestDetails(actor, [pilot.id]),
    listPilotAssessments(actor, pilot.id),
  ]);
  const reportPilot = toReportPilot(pilot, details.get(pilot.id), now);
  const history = assessments
    .filter((a) => a.status === "COMPLETED" && a.completedAt !== null)
    .map((a) => ({ completedAt: a.completedAt!.toISOString(), verdict: a.verdict, readiness: a.readinessScore }))
    .reverse();
  return {
    kind: "pilot",
    organizationName: actor.organizationName,
    currency: actor.currency,
    generatedAt: now.toISOString(),
    pilot: reportPilot,
    history,
    summary: pilotSummary(reportPilot),
    followUps: options.followUps ?? (await workshopFollowUps(actor, [pilot.id])),
    method: await methodFor(
      actor,
      assessments.filter((a) => a.status === "COMPLETED").map((a) => a.frameworkVersion),
    ),
  };
}
