/**
 * The report model: everything a report says, as plain data, built once on the server and drawn
 * by each renderer (PDF, Word, the share page). The figures come from the same functions the
 * dashboard and the pilot page read, so the numbers in a report are the numbers on screen.
 * Pure: no database, no React.
 */
import type { PilotStage, Verdict } from "@/generated/prisma/enums";
import { formatDate, formatScore, plural } from "@/lib/format";
import { VERDICT_LABELS } from "@/modules/assessments/shared";
import { STAGE_LABELS } from "@/modules/pilots/shared";
import {
  DEFAULT_STALLED_DAYS,
  VERDICT_FILTER_LABELS,
  type PortfolioFilters,
  type VerdictFilter,
} from "@/modules/portfolio/shared";
import type {
  FunnelStage,
  PortfolioHeadline,
  StalledList,
  SystemicGap,
  TrendMonth,
  VerdictCount,
} from "@/modules/portfolio";

/** A gap of a pilot's latest assessment with the step that closes it. */
export interface ReportGap {
  title: string;
  isGate: boolean;
  level: number;
  targetLevel: number;
  nextStep: string;
}

/** One pilot as a report shows it (a page of the portfolio report, or the pilot report). */
export interface ReportPilot {
  id: string;
  name: string;
  summary: string;
  businessUnit: string;
  owningTeam: string;
  ownerName: string | null;
  executiveSponsor: string | null;
  stage: PilotStage;
  daysInStage: number;
  /** Null: never assessed. */
  verdict: Verdict | null;
  readiness: number | null;
  mean: number | null;
  coverage: number | null;
  assessedAt: string | null;
  frameworkVersion: number | null;
  pillars: { title: string; score: number | null }[];
  /** The top gaps of the latest assessment, gates first. */
  gaps: ReportGap[];
  /** Every gap of that assessment (the report shows the first few). */
  gapCount: number;
}

/**
 * A follow-up from a live workshop: an item the room disagreed on (votes two levels or more
 * apart) or marked "verify with evidence" — the list a consultant hands over with the report.
 */
export interface FollowUp {
  /** The criterion, as the room discussed it. */
  title: string;
  pilotName: string | null;
  /** Why it needs following up, in words. */
  why: string;
  /** The workshop's title and date. */
  workshop: string;
}

/** What the method page says about the framework the scores come from. */
export interface ReportMethod {
  frameworkName: string | null;
  /** The published version new assessments use. */
  currentVersion: number | null;
  /** The versions the report's assessments were scored against, ascending. */
  versionsUsed: number[];
  thresholds: { ready: number; conditional: number };
}

interface ReportBase {
  organizationName: string;
  currency: string;
  /** ISO 8601. */
  generatedAt: string;
  followUps: FollowUp[];
  method: ReportMethod;
}

export interface PortfolioReport extends ReportBase {
  kind: "portfolio";
  filters: PortfolioFilters;
  /** The filters in words, one line each. */
  view: string[];
  headline: PortfolioHeadline;
  verdicts: VerdictCount[];
  /** Mean pillar score over the assessed pilots in the report, by pillar. */
  pillarAverages: { title: string; average: number | null; pilots: number }[];
  topGaps: SystemicGap[];
  stalled: StalledList;
  trend: TrendMonth[];
  funnel: FunnelStage[];
  /** Plain-words sentences for the executive summary. */
  summary: string[];
  /** A page each, least ready first; at most MAX_REPORT_PILOTS. */
  pilots: ReportPilot[];
  /** Pilots in the view (pilots.length is smaller when capped). */
  pilotsInView: number;
}

export interface PilotReport extends ReportBase {
  kind: "pilot";
  pilot: ReportPilot;
  /** Completed assessments, oldest first. */
  history: { completedAt: string; verdict: Verdict | null; readiness: number | null }[];
  summary: string[];
}

export type Report = PortfolioReport | PilotReport;

/** Pilots that get a page of their own in a portfolio report. */
export const MAX_REPORT_PILOTS = 200;
/** Gaps listed per pilot. */
export const REPORT_GAPS_PER_PILOT = 5;

// ---- Figures in words, formatted exactly as the dashboard formats them

const n = (count: number) => count.toLocaleString("en");
export const percent = (share: number | null) => (share === null ? "Not assessed" : `${Math.round(share * 100)}%`);

/** The dashboard's five headline figures, with its labels and its formatting. */
export function headlineFigures(
  h: PortfolioHeadline,
  stalledDays: number,
): { label: string; value: string; detail: string }[] {
  return [
    {
      label: "Pilots",
      value: n(h.total),
      detail:
        `${n(h.assessed)} with a completed assessment` +
        (h.retiredLeftOut > 0 ? `; ${n(h.retiredLeftOut)} retired not counted` : ""),
    },
    { label: "Share assessed", value: h.total === 0 ? "No pilots" : percent(h.assessedShare), detail: "" },
    {
      label: "Share ready",
      value: percent(h.readyShare),
      detail:
        h.readyShare === null ? "No completed assessments yet" : `${n(h.ready)} of ${n(h.assessed)} assessed pilots`,
    },
    {
      label: "Median readiness",
      value: h.medianReadiness === null ? "Not assessed" : formatScore(h.medianReadiness),
      detail: "Of each pilot's latest assessment (0–100)",
    },
    {
      label: "Stalled pilots",
      value: n(h.stalled),
      detail: `Over ${stalledDays} days in pilot or production intent, or no assessment in 90 days`,
    },
  ];
}

export const verdictLabel = (v: VerdictFilter | null) =>
  v === null || v === "NOT_ASSESSED" ? "Not assessed" : VERDICT_LABELS[v];
export const stageLabel = (s: PilotStage) => STAGE_LABELS[s];

/** "Mar 2026" from "2026-03". */
export function monthName(month: string): string {
  const [year, m] = month.split("-").map(Number);
  if (!year || !m) return month;
  return new Date(Date.UTC(year, m - 1, 1)).toLocaleString("en-GB", {
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** The trend in one sentence: the median now against the earliest month with an assessed pilot. */
export function trendSentence(trend: TrendMonth[]): string | null {
  const withScores = trend.filter((m) => m.medianReadiness !== null);
  const first = withScores[0];
  const last = withScores.at(-1);
  if (!first || !last) return null;
  if (first === last)
    return `Median readiness was first measured in ${monthName(last.month)}, at ${formatScore(last.medianReadiness)}.`;
  const delta = last.medianReadiness! - first.medianReadiness!;
  const move = Math.abs(delta) < 0.05 ? "held at" : delta > 0 ? "rose from" : "fell from";
  return move === "held at"
    ? `Median readiness held at ${formatScore(last.medianReadiness)} from ${monthName(first.month)} to ${monthName(last.month)}.`
    : `Median readiness ${move} ${formatScore(first.medianReadiness)} in ${monthName(first.month)} to ${formatScore(last.medianReadiness)} in ${monthName(last.month)}.`;
}

/** The executive summary of a portfolio, in plain words. */
export function portfolioSummary(r: Pick<PortfolioReport, "headline" | "topGaps" | "stalled" | "trend">): string[] {
  const h = r.headline;
  const out: string[] = [];
  if (h.total === 0) return ["No pilots match this view."];
  out.push(
    h.assessed === 0
      ? `${plural(h.total, "pilot")} in view; none has a completed assessment yet, so readiness is not known.`
      : `${n(h.ready)} of ${plural(h.assessed, "assessed pilot")} ${h.ready === 1 ? "is" : "are"} ready for production (${percent(h.readyShare)}); ${n(h.assessed)} of ${plural(h.total, "pilot")} in view have been assessed.`,
  );
  if (h.medianReadiness !== null)
    out.push(
      `The median readiness score is ${formatScore(h.medianReadiness)} out of 100 (a pilot scores its weakest pillar).`,
    );
  const gaps = r.topGaps.slice(0, 3);
  if (gaps.length > 0)
    out.push(`The gaps that recur most: ${gaps.map((g) => `${g.title} (${plural(g.pilots, "pilot")})`).join("; ")}.`);
  if (h.stalled > 0) {
    const longest = r.stalled.rows[0];
    out.push(
      `${plural(h.stalled, "pilot")} ${h.stalled === 1 ? "is" : "are"} stalled` +
        (longest
          ? `; the longest is ${longest.name}, ${plural(longest.daysInStage, "day")} in ${stageLabel(longest.stage)}.`
          : "."),
    );
  } else out.push("No pilot is stalled.");
  const trend = trendSentence(r.trend);
  if (trend) out.push(trend);
  return out;
}

/** The summary of one pilot, in plain words. */
export function pilotSummary(p: ReportPilot): string[] {
  const out = [`${p.name} is in ${stageLabel(p.stage)}, for ${plural(p.daysInStage, "day")}.`];
  if (p.verdict === null) out.push("It has no completed assessment, so its readiness is not known.");
  else {
    out.push(
      `Its latest assessment (${formatDate(p.assessedAt)}) found it ${VERDICT_LABELS[p.verdict].toLowerCase()}, with a readiness score of ${formatScore(p.readiness)} out of 100.`,
    );
    const weakest = p.pillars.filter((x) => x.score !== null).sort((a, b) => a.score! - b.score!)[0];
    if (weakest) out.push(`Its weakest pillar is ${weakest.title} (${formatScore(weakest.score)}).`);
    out.push(
      p.gapCount === 0
        ? "No criterion is below its target."
        : `${plural(p.gapCount, "criterion", "criteria")} ${p.gapCount === 1 ? "is" : "are"} below target; the first steps are listed below.`,
    );
  }
  out.push(p.ownerName ? `Owner: ${p.ownerName}.` : "Nobody is named as its owner.");
  return out;
}

/** How scores and verdicts are computed, in plain words (docs/scoring.md is the contract). */
export function methodParagraphs(m: ReportMethod): string[] {
  const version =
    m.frameworkName === null
      ? "No framework version is published."
      : `Framework: ${m.frameworkName}, version ${m.currentVersion ?? "—"} is the one new assessments use` +
        (m.versionsUsed.length > 0
          ? `; the assessments in this report were scored against version ${m.versionsUsed.join(", ")}.`
          : ".");
  return [
    version,
    "Each criterion is answered on four levels: 0 absent, 1 done by hand when someone remembers, 2 written down and done on a schedule, 3 automated with alerts. A criterion can also be marked not applicable, with a reason.",
    "A pillar's score is the weighted share of the highest level reached by its answered, applicable criteria, from 0 to 100. The readiness score of a pilot is its lowest pillar score: a pilot is as ready as its weakest area. The mean of the pillars is shown beside it, never instead.",
    `The verdict follows the first rule that applies: Incomplete if any applicable criterion is unanswered; Blocked if a gate criterion is below its target level; Ready if readiness is at least ${m.thresholds.ready}; Conditional if it is at least ${m.thresholds.conditional}; Not ready otherwise.`,
    "A gap is a criterion below its target level. Gaps are ranked gates first, then by weight times the levels missing; each comes with the next step that closes it.",
    "Portfolio figures read each pilot's latest completed assessment, whose scores are stored when it is completed and never change afterwards. Retired and archived pilots are left out unless the stage filter asks for retired ones. A pilot is stalled when it has been in pilot or production intent longer than the chosen number of days, or has had no assessment in 90 days.",
  ];
}

/** A dashboard view's filters in words, one line each (as the printed dashboard says them). */
export function describeFilters(filters: PortfolioFilters): string[] {
  const list = (label: string, values: readonly string[], all: string) =>
    `${label}: ${values.length === 0 ? all : values.join(", ")}`;
  return [
    list("Business units", filters.units, "all"),
    list("Owning teams", filters.teams, "all"),
    list("Stages", filters.stages.map(stageLabel), "all but retired"),
    list("Tags", filters.tags, "all"),
    list(
      "Latest verdicts",
      filters.verdicts.map((v) => VERDICT_FILTER_LABELS[v]),
      "all",
    ),
    `Stalled after ${filters.stalledDays} days${filters.stalledDays === DEFAULT_STALLED_DAYS ? " (default)" : ""}`,
  ];
}

/** The file name of a report: "preflight-acme-portfolio-2026-11-24.pdf". */
export function reportFileName(orgSlug: string, what: string, generatedAt: string, ext: "pdf" | "docx"): string {
  const safe = (s: string) =>
    s
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "report";
  return `preflight-${safe(orgSlug)}-${safe(what)}-${generatedAt.slice(0, 10)}.${ext}`;
}
