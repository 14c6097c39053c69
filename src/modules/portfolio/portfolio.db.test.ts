/**
 * Every portfolio figure against expectations worked out by hand on a small fixture portfolio,
 * built through the real services with backdated dates and a fixed `now`.
 *
 * Default framework v1, weights per pillar (criteria in framework order; G = gate, tN = target):
 *   data          3G·2t3·2·2·3          max 36
 *   evaluation    3·3Gt3·2·1·2          max 33
 *   guardrails    3G·2·2·3·2            max 36
 *   observability 2t3·2t3·1t3·3G·2t3·1  max 33
 *   operations    3G·2·3·2·2            max 36
 *   ownership     3G·2·2·2·2            max 33
 * Pillar score = 100 × Σ(w × level) / Σ(w × 3) over answered applicable criteria; readiness = lowest.
 *
 * Organisation A, NOW = 2026-06-15 00:00 UTC (all dates midnight UTC):
 *
 * | pilot   | unit       | team     | tags         | stage (since)          | latest verdict (completed)   | readiness        | cost/outcomes |
 * |---------|------------|----------|--------------|------------------------|------------------------------|------------------|---------------|
 * | Alpha   | Finance    | Ledger   | llm, finance | PRODUCTION (02-01) 134d| READY (2026-05-10)           | ops 31/36 86.1111| 5000 / 1000   |
 * | Bravo   | Finance    | Platform | llm          | PILOT (01-01) 165d     | BLOCKED (2026-05-01)         | own 27/33 81.8182| 2000 / 0      |
 * | Charlie | Operations | Platform | vision       | PROD_INTENT (04-01) 75d| INCOMPLETE (2026-02-01)      | data 8/15 53.3333| – / 500       |
 * | Delta   | Operations | Fleet    | llm, ops     | PILOT (05-01) 45d      | CONDITIONAL (2026-06-01), N/A| ops 22/36 61.1111| 1500 / 600    |
 * | Echo    | Marketing  | Growth   | –            | IDEA (03-01) 106d      | never assessed               | –                | 800 / –       |
 * | Foxtrot | Marketing  | Growth   | llm          | RETIRED (01-15) 151d   | NOT_READY (2025-12-01)       | guard 16/36 44.44| 1000 / 100    |
 *
 * Alpha also has NOT_READY (2026-01-10, 14/33 = 42.4242) and CONDITIONAL (2026-03-10, 24/36 = 66.6667)
 * assessments; Foxtrot an INCOMPLETE one from 2024-12-15 (before the 18-month trend window: readiness
 * 100, as only data and the full pillars are scored); Delta an assessment still in progress. Golf is
 * archived (READY, 2026-04-15) and organisation B has its own READY pilot "Hotel" in Finance / Ledger
 * tagged llm: neither may ever count.
 *
 * Foxtrot is RETIRED: without a stage filter it counts only in the stage funnel (every other figure
 * leaves retired pilots out); a stage filter that includes RETIRED brings it back. Alpha's owner is
 * "Zoë Müller" (the CSV must keep the accents), Echo has no owner.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { completeAssessment, saveAnswer, startAssessment } from "@/modules/assessments";
import { db } from "@/lib/db";
import { createAccount, pilotValues, type TestAccount } from "@/modules/demo";
import { DEFAULT_FRAMEWORK } from "@/modules/frameworks";
import type { Actor } from "@/modules/access/shared";
import type { PilotFormValues } from "@/modules/pilots/shared";
import { archivePilot, createPilot, listPilots, updatePilot } from "@/modules/pilots";
import { toCsv } from "./csv";
import { pilotListSearchFor, type PortfolioFilters } from "./filters";
import { COST_POINTS_LIMIT, getPortfolio, getPortfolioCsvRows, HEATMAP_DEFAULT_LIMIT, type Portfolio } from "./queries";

const NOW = new Date("2026-06-15T00:00:00.000Z");
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** Rounds every number in a structure to 4 decimals, so float results compare with literals. */
function r4<T>(value: T): T {
  if (typeof value === "number") return (Math.round(value * 1e4) / 1e4) as T;
  if (Array.isArray(value)) return value.map(r4) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, r4(v)])) as T;
  }
  return value;
}

/** The trend's 18 months at NOW: 2025-01 … 2026-06. */
const MONTHS = Array.from({ length: 18 }, (_, i) => {
  const d = new Date(Date.UTC(2025, i, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
});

/** One trend month as r4 gives it back. */
const trendMonth = (
  month: string,
  pilots: number,
  assessedPilots: number,
  medianReadiness: number | null,
  meanReadiness: number | null,
  readyShare: number | null,
) => ({ month, pilots, assessedPilots, medianReadiness, meanReadiness, readyShare });

/** Answers per pillar, one character per criterion: "0"–"3" a level, "n" N/A, "-" unanswered. Missing pillar: all "3". */
type Plan = Partial<Record<string, string>>;

async function assess(actor: Actor, pilotId: string, started: string, completed: string | null, plan: Plan) {
  const { id } = await startAssessment(actor, pilotId, { now: day(started) });
  // A new assessment may start from the previous one's answers (carried over): each save names
  // the version it overwrites, and a plan's "-" must not leave a carried answer in place.
  const existing = await db.assessmentAnswer.findMany({
    where: { assessmentId: id },
    select: { version: true, criterion: { select: { key: true } } },
  });
  const versions = new Map(existing.map((a) => [a.criterion.key, a.version]));
  for (const pillar of DEFAULT_FRAMEWORK.pillars) {
    const codes = plan[pillar.key] ?? "3".repeat(pillar.criteria.length);
    if (codes.length !== pillar.criteria.length) throw new Error(`plan for ${pillar.key} has the wrong length`);
    for (const [i, criterion] of pillar.criteria.entries()) {
      const code = codes[i]!;
      const expectedVersion = versions.get(criterion.key) ?? 0;
      if (code === "-") {
        if (versions.has(criterion.key)) throw new Error(`${criterion.key} was carried over: answer it in the plan`);
        continue;
      }
      await saveAnswer(
        actor,
        id,
        code === "n"
          ? { criterionKey: criterion.key, expectedVersion, notApplicable: true, naReason: "Does not apply here" }
          : { criterionKey: criterion.key, expectedVersion, level: Number(code) },
      );
    }
  }
  if (completed) await completeAssessment(actor, id, { now: day(completed) });
  return id;
}

interface PilotPlan {
  values: Partial<PilotFormValues>;
  /** [stage, date] in order; the first is the creation. */
  history: [PilotFormValues["stage"], string][];
}

async function makePilot(actor: Actor, plan: PilotPlan): Promise<string> {
  const [first, ...rest] = plan.history;
  const values = pilotValues({ ...plan.values, stage: first![0], startDate: "", targetProductionDate: "" });
  const { id } = await createPilot(actor, values, { now: day(first![1]) });
  let version = 1;
  for (const [stage, date] of rest) {
    // A move towards production ahead of the assessments may need a reason: the fixture gives one.
    ({ version } = await updatePilot(
      actor,
      id,
      { ...values, stage, expectedVersion: version, stageReason: "Backdated history of the fixture" },
      { now: day(date) },
    ));
  }
  return id;
}

let owner: TestAccount;
let other: TestAccount;
const ids: Record<string, string> = {};

beforeAll(async () => {
  owner = await createAccount({ organizationName: "Portfolio A" });
  other = await createAccount({ organizationName: "Portfolio B" });

  ids.Alpha = await makePilot(owner, {
    values: {
      name: "Alpha",
      businessUnit: "Finance",
      owningTeam: "Ledger",
      ownerName: "Zoë Müller",
      ownerEmail: "zoe.muller@example.com",
      executiveSponsor: "Chief Operating Officer, EMEA",
      tags: "llm, finance",
      monthlyRunCost: "5000",
      outcomesPerMonth: "1000",
    },
    history: [
      ["IDEA", "2025-06-01"],
      ["PILOT", "2025-08-01"],
      ["PRODUCTION_INTENT", "2025-12-01"],
      ["PRODUCTION", "2026-02-01"],
    ],
  });
  ids.Bravo = await makePilot(owner, {
    values: {
      name: "Bravo",
      businessUnit: "Finance",
      owningTeam: "Platform",
      tags: "llm",
      monthlyRunCost: "2000",
      outcomesPerMonth: "0",
    },
    history: [
      ["IDEA", "2025-11-15"],
      ["PILOT", "2026-01-01"],
    ],
  });
  ids.Charlie = await makePilot(owner, {
    values: {
      name: "Charlie",
      businessUnit: "Operations",
      owningTeam: "Platform",
      tags: "vision",
      monthlyRunCost: "",
      outcomesPerMonth: "500",
    },
    history: [
      ["PILOT", "2025-10-01"],
      ["PRODUCTION_INTENT", "2026-04-01"],
    ],
  });
  ids.Delta = await makePilot(owner, {
    values: {
      name: "Delta",
      businessUnit: "Operations",
      owningTeam: "Fleet",
      tags: "llm, ops",
      monthlyRunCost: "1500",
      outcomesPerMonth: "600",
    },
    history: [
      ["IDEA", "2026-04-01"],
      ["PILOT", "2026-05-01"],
    ],
  });
  ids.Echo = await makePilot(owner, {
    values: {
      name: "Echo",
      businessUnit: "Marketing",
      owningTeam: "Growth",
      ownerName: "",
      ownerEmail: "",
      executiveSponsor: "",
      tags: "",
      monthlyRunCost: "800",
      outcomesPerMonth: "",
    },
    history: [["IDEA", "2026-03-01"]],
  });
  ids.Foxtrot = await makePilot(owner, {
    values: {
      name: "Foxtrot",
      businessUnit: "Marketing",
      owningTeam: "Growth",
      tags: "llm",
      monthlyRunCost: "1000",
      outcomesPerMonth: "100",
    },
    history: [
      ["PILOT", "2024-11-01"],
      ["RETIRED", "2026-01-15"],
    ],
  });
  ids.Golf = await makePilot(owner, {
    values: {
      name: "Golf",
      businessUnit: "Legal",
      owningTeam: "Archive",
      tags: "archived-only",
      monthlyRunCost: "9000",
      outcomesPerMonth: "10",
    },
    history: [["PILOT", "2025-01-01"]],
  });
  ids.Hotel = await makePilot(other, {
    values: {
      name: "Hotel",
      businessUnit: "Finance",
      owningTeam: "Ledger",
      tags: "llm, research",
      monthlyRunCost: "7000",
      outcomesPerMonth: "70",
    },
    history: [["PILOT", "2025-06-01"]],
  });

  // Alpha: NOT_READY → CONDITIONAL → READY.
  // 2026-01-10: data 22222 = (6+4+4+4+6)/36 = 66.67; evaluation 03111 = (0+9+2+1+2)/33 = 42.4242 → NOT_READY.
  await assess(owner, ids.Alpha, "2026-01-05", "2026-01-10", { data: "22222", evaluation: "03111" });
  // 2026-03-10: data 22222 = 66.6667, the rest 100 → CONDITIONAL.
  await assess(owner, ids.Alpha, "2026-03-01", "2026-03-10", { data: "22222" });
  // 2026-05-10: operations 22333 = (6+4+9+6+6)/36 = 86.1111, no gap → READY.
  await assess(owner, ids.Alpha, "2026-05-01", "2026-05-10", { operations: "22333" });
  // Bravo: observability 333323 = 31/33 = 93.9394 (gap: alerting 2 < 3); ownership 13333 = 27/33 = 81.8182,
  // owning-team gate 1 < 2 → BLOCKED.
  await assess(owner, ids.Bravo, "2026-04-20", "2026-05-01", { observability: "333323", ownership: "13333" });
  // Charlie: only scheduled-feed 2 and quality-checks 1: data (6+2)/(9+6) = 53.3333, other pillars no score,
  // coverage 2/31 → INCOMPLETE (gap: data.quality-checks).
  await assess(owner, ids.Charlie, "2026-01-20", "2026-02-01", {
    data: "21---",
    evaluation: "-----",
    guardrails: "-----",
    observability: "------",
    operations: "-----",
    ownership: "-----",
  });
  // Delta: data 32333 = 34/36 = 94.4444 (gap quality-checks); guardrails 3333n = 100 (fairness N/A);
  // observability n22322 = (4+2+9+4+2)/27 = 77.7778 (gaps drift, latency-errors, alerting);
  // operations 22221 = (6+4+6+4+2)/36 = 61.1111 (gap retraining) → CONDITIONAL, coverage 29/29.
  await assess(owner, ids.Delta, "2026-05-20", "2026-06-01", {
    data: "32333",
    guardrails: "3333n",
    observability: "n22322",
    operations: "22221",
  });
  await assess(owner, ids.Delta, "2026-06-10", null, { data: "00000" }); // in progress: never counts
  // Foxtrot: 2024-12-15 INCOMPLETE (outside the trend window), then 2025-12-01: data 32333 = 94.4444,
  // guardrails 30111 = (9+0+2+3+2)/36 = 44.4444 (gaps adversarial, sensitive-topics, human-review, fairness) → NOT_READY.
  await assess(owner, ids.Foxtrot, "2024-12-01", "2024-12-15", { data: "3----", evaluation: "-----" });
  await assess(owner, ids.Foxtrot, "2025-11-20", "2025-12-01", { data: "32333", guardrails: "30111" });
  // Golf (then archived) and Hotel (organisation B): READY with the data.quality-checks gap.
  await assess(owner, ids.Golf, "2026-04-01", "2026-04-15", { data: "32333" });
  await archivePilot(owner, ids.Golf);
  await assess(other, ids.Hotel, "2026-05-15", "2026-05-20", { data: "32333" });
}, 180_000);

const load = (filters: Parameters<typeof getPortfolio>[1] = {}, options?: Parameters<typeof getPortfolio>[3]) =>
  getPortfolio(owner, filters, NOW, options).then(r4);

const PILLARS = [
  { key: "data", title: "Governed data" },
  { key: "evaluation", title: "Automated evaluation" },
  { key: "guardrails", title: "Guardrails" },
  { key: "observability", title: "Observability and cost" },
  { key: "operations", title: "CI/CD and operations" },
  { key: "ownership", title: "Ownership" },
];

describe("portfolio figures, unfiltered", () => {
  let p: Portfolio;
  beforeAll(async () => {
    p = await load();
  });

  it("headline", () => {
    // Changed: retired pilots no longer count without a stage filter, so Foxtrot (RETIRED, 44.44)
    // left the totals, the shares and the median (before: 6 pilots, 5 assessed, median 61.1111).
    expect(p.headline).toEqual({
      total: 5, // Golf archived, Hotel elsewhere, Foxtrot retired
      byStage: { IDEA: 1, PILOT: 2, PRODUCTION_INTENT: 1, PRODUCTION: 1, RETIRED: 0 },
      assessed: 4,
      assessedShare: 0.8, // 4 / 5
      ready: 1,
      readyShare: 0.25, // 1 READY / 4 assessed
      medianReadiness: 71.4646, // [53.33, 61.11, 81.82, 86.11] → (61.1111 + 81.8182) / 2
      stalled: 3, // Bravo, Echo, Charlie
      // IDEA/PILOT/PRODUCTION_INTENT: Echo 800 + Bravo 2000 + Delta 1500; Charlie unknown.
      preProductionSpend: { amount: 4300, pilots: 4, withoutCost: 1 },
      retiredLeftOut: 1, // Foxtrot
    });
  });

  it("verdict distribution of latest assessments", () => {
    expect(p.verdicts).toEqual([
      { verdict: "READY", pilots: 1 },
      { verdict: "CONDITIONAL", pilots: 1 },
      { verdict: "NOT_READY", pilots: 0 }, // changed: Foxtrot is retired
      { verdict: "BLOCKED", pilots: 1 },
      { verdict: "INCOMPLETE", pilots: 1 },
      { verdict: "NOT_ASSESSED", pilots: 1 },
    ]);
  });

  it("heatmap rows, worst readiness first, with null for pillars without a score", async () => {
    expect(p.heatmap.pillars).toEqual(PILLARS);
    expect(p.heatmap.total).toBe(4); // changed: Foxtrot (retired, first before) left out
    expect(p.heatmap.limit).toBe(HEATMAP_DEFAULT_LIMIT);
    // Each row carries the assessment its scores are from (its pilot's latest): a cell opens it.
    const pilots = await db.pilot.findMany({ select: { id: true, latestAssessmentId: true } });
    const latest = (id: string | undefined) => pilots.find((r) => r.id === id)?.latestAssessmentId;
    expect(p.heatmap.rows).toEqual([
      {
        pilotId: ids.Charlie,
        assessmentId: latest(ids.Charlie),
        name: "Charlie",
        stage: "PRODUCTION_INTENT",
        verdict: "INCOMPLETE",
        readiness: 53.3333,
        scores: [53.3333, null, null, null, null, null],
      },
      {
        pilotId: ids.Delta,
        assessmentId: latest(ids.Delta),
        name: "Delta",
        stage: "PILOT",
        verdict: "CONDITIONAL",
        readiness: 61.1111,
        scores: [94.4444, 100, 100, 77.7778, 61.1111, 100],
      },
      {
        pilotId: ids.Bravo,
        assessmentId: latest(ids.Bravo),
        name: "Bravo",
        stage: "PILOT",
        verdict: "BLOCKED",
        readiness: 81.8182,
        scores: [100, 100, 100, 93.9394, 100, 81.8182],
      },
      {
        pilotId: ids.Alpha,
        assessmentId: latest(ids.Alpha),
        name: "Alpha",
        stage: "PRODUCTION",
        verdict: "READY",
        readiness: 86.1111,
        scores: [100, 100, 100, 100, 86.1111, 100],
      },
    ]);
  });

  it("top systemic gaps from latest assessments only", () => {
    // quality-checks: Charlie, Delta (Alpha's older ones, Golf and Hotel do not count; changed:
    // Foxtrot is retired, so it and its four guardrails gaps left the list); alerting: Bravo,
    // Delta; then the single ones, the gate first, then by key.
    expect(p.topGaps.map((g) => [g.criterionKey, g.pilots, g.isGate])).toEqual([
      ["data.quality-checks", 2, false],
      ["observability.alerting", 2, false],
      ["ownership.owning-team", 1, true],
      ["observability.drift", 1, false],
      ["observability.latency-errors", 1, false],
      ["operations.retraining", 1, false],
    ]);
    // The title is what the dashboard shows; the key and the link's query are for the link.
    expect(p.topGaps[0]).toEqual({
      criterionKey: "data.quality-checks",
      title: "Data quality checks",
      pillarKey: "data",
      isGate: false,
      pilots: 2,
      pilotsSearch: "?stage=IDEA&stage=PILOT&stage=PRODUCTION_INTENT&stage=PRODUCTION&gap=data.quality-checks",
    });
  });

  it("funnel: pilots per stage and median days per stay (past and current stays)", () => {
    expect(p.funnel).toEqual([
      // Alpha 61, Bravo 47, Delta 30, Echo 106 (current) → (47 + 61) / 2
      { stage: "IDEA", pilots: 1, medianDays: 54, stays: 4 },
      // Alpha 122, Bravo 165 (current), Charlie 182, Delta 45 (current), Foxtrot 440 → 165
      { stage: "PILOT", pilots: 2, medianDays: 165, stays: 5 },
      // Alpha 62, Charlie 75 (current) → 68.5
      { stage: "PRODUCTION_INTENT", pilots: 1, medianDays: 68.5, stays: 2 },
      { stage: "PRODUCTION", pilots: 1, medianDays: 134, stays: 1 }, // Alpha, current
      { stage: "RETIRED", pilots: 1, medianDays: 151, stays: 1 }, // Foxtrot, current: 17 + 28 + 31 + 30 + 31 + 14
    ]);
  });

  it("stalled pilots with their reasons, longest in stage first", () => {
    expect(p.stalled).toEqual({
      rows: [
        // PILOT since 2026-01-01 = 165 days > 90; assessed 45 days ago.
        {
          pilotId: ids.Bravo,
          name: "Bravo",
          stage: "PILOT",
          daysInStage: 165,
          lastAssessedAt: "2026-05-01T00:00:00.000Z",
          reasons: ["LONG_IN_STAGE"],
        },
        // IDEA, never assessed.
        {
          pilotId: ids.Echo,
          name: "Echo",
          stage: "IDEA",
          daysInStage: 106,
          lastAssessedAt: null,
          reasons: ["NEVER_ASSESSED"],
        },
        // PRODUCTION_INTENT 75 days (≤ 90); last assessed 2026-02-01 = 134 days ago.
        {
          pilotId: ids.Charlie,
          name: "Charlie",
          stage: "PRODUCTION_INTENT",
          daysInStage: 75,
          lastAssessedAt: "2026-02-01T00:00:00.000Z",
          reasons: ["NO_RECENT_ASSESSMENT"],
        },
      ],
      total: 3,
      stalledDays: 90,
      assessmentWindowDays: 90,
    });
  });

  it("readiness trend: the portfolio at each month's end, every month, latest assessments carried forward", () => {
    // Changed: each month is the state at its end (each pilot's latest assessment by then), not
    // the assessments completed in it; every month is present; Foxtrot (retired) is left out.
    // Registered: Alpha 2025-06-01, Charlie 2025-10-01, Bravo 2025-11-15, Echo 2026-03-01, Delta 2026-04-01.
    expect(p.trend).toHaveLength(18);
    expect(p.trend.map((m) => m.month)).toEqual(MONTHS);
    const empty = (month: string, pilots: number) => ({
      month,
      pilots,
      assessedPilots: 0,
      medianReadiness: null,
      meanReadiness: null,
      readyShare: null,
    });
    expect(p.trend).toEqual([
      // Before any assessment: present, with null scores (never 0).
      ...MONTHS.slice(0, 5).map((m) => empty(m, 0)),
      ...MONTHS.slice(5, 9).map((m) => empty(m, 1)), // 2025-06 … 2025-09: Alpha
      empty("2025-10", 2), // + Charlie
      empty("2025-11", 3), // + Bravo
      empty("2025-12", 3), // Foxtrot's assessment this month does not count: retired
      // Alpha #1 42.4242 NOT_READY
      trendMonth("2026-01", 3, 1, 42.4242, 42.4242, 0),
      // + Charlie 53.3333 → (42.4242 + 53.3333) / 2
      trendMonth("2026-02", 3, 2, 47.8788, 47.8788, 0),
      // Alpha #2 66.6667 replaces Alpha #1 (Echo registered, not assessed)
      trendMonth("2026-03", 4, 2, 60, 60, 0),
      // No assessment completed in April: March's state carried forward (Delta registered).
      trendMonth("2026-04", 5, 2, 60, 60, 0),
      // 2026-04: Golf's assessment does not count (archived). May: Alpha #3 86.1111 READY, Bravo 81.8182
      // → [53.3333, 81.8182, 86.1111]: median Bravo, mean 221.2626 / 3
      trendMonth("2026-05", 5, 3, 81.8182, 73.7542, 0.3333),
      // June (up to now): + Delta 61.1111 → [53.33, 61.11, 81.82, 86.11]: the headline's figures.
      trendMonth("2026-06", 5, 4, 71.4646, 70.5934, 0.25),
    ]);
    const now = p.trend.at(-1)!;
    expect([now.pilots, now.assessedPilots, now.medianReadiness, now.readyShare]).toEqual([
      p.headline.total,
      p.headline.assessed,
      p.headline.medianReadiness,
      p.headline.readyShare,
    ]);
  });

  it("cost per outcome against readiness", () => {
    // Bravo: 0 outcomes; Charlie: no cost; Echo: not assessed; changed: Foxtrot (retired) left out.
    expect(p.costVsReadiness).toEqual({
      points: [
        {
          pilotId: ids.Alpha,
          name: "Alpha",
          costPerOutcome: 5,
          readiness: 86.1111,
          verdict: "READY",
          monthlyRunCost: 5000,
          outcomesPerMonth: 1000,
        },
        {
          pilotId: ids.Delta,
          name: "Delta",
          costPerOutcome: 2.5,
          readiness: 61.1111,
          verdict: "CONDITIONAL",
          monthlyRunCost: 1500,
          outcomesPerMonth: 600,
        },
      ],
      total: 2,
      capped: false,
      cap: COST_POINTS_LIMIT,
    });
  });

  it("rollup by business unit", () => {
    expect(p.rollup).toEqual({
      groupBy: "unit",
      rows: [
        // Alpha 86.1111, Bravo 81.8182 → median 83.9646; pre-production: Bravo 2000; stalled: Bravo
        {
          group: "Finance",
          pilots: 2,
          assessed: 2,
          ready: 1,
          medianReadiness: 83.9646,
          spend: { amount: 2000, pilots: 1, withoutCost: 0 },
          stalled: 1,
        },
        // Echo 800; stalled: Echo. Changed: Foxtrot (retired, 44.4444) no longer counts.
        {
          group: "Marketing",
          pilots: 1,
          assessed: 0,
          ready: 0,
          medianReadiness: null,
          spend: { amount: 800, pilots: 1, withoutCost: 0 },
          stalled: 1,
        },
        // Charlie 53.3333, Delta 61.1111 → 57.2222; Delta 1500 + Charlie unknown; stalled: Charlie
        {
          group: "Operations",
          pilots: 2,
          assessed: 2,
          ready: 0,
          medianReadiness: 57.2222,
          spend: { amount: 1500, pilots: 2, withoutCost: 1 },
          stalled: 1,
        },
      ],
    });
  });

  it("filter menus list what active pilots of this organisation use", () => {
    expect(p.facets).toEqual({
      units: ["Finance", "Marketing", "Operations"],
      teams: ["Fleet", "Growth", "Ledger", "Platform"],
      tags: ["finance", "llm", "ops", "vision"],
    });
  });
});

describe("portfolio options", () => {
  it("rollup by owning team", async () => {
    const p = await load({ groupBy: "team" });
    expect(p.rollup).toEqual({
      groupBy: "team",
      rows: [
        {
          group: "Fleet",
          pilots: 1,
          assessed: 1,
          ready: 0,
          medianReadiness: 61.1111,
          spend: { amount: 1500, pilots: 1, withoutCost: 0 },
          stalled: 0,
        },
        // Echo. Changed: Foxtrot (retired, 44.4444) no longer counts.
        {
          group: "Growth",
          pilots: 1,
          assessed: 0,
          ready: 0,
          medianReadiness: null,
          spend: { amount: 800, pilots: 1, withoutCost: 0 },
          stalled: 1,
        },
        // Alpha is in production: no pre-production spend (0, not unknown).
        {
          group: "Ledger",
          pilots: 1,
          assessed: 1,
          ready: 1,
          medianReadiness: 86.1111,
          spend: { amount: 0, pilots: 0, withoutCost: 0 },
          stalled: 0,
        },
        // Bravo 81.8182, Charlie 53.3333 → 67.5758; Bravo 2000 + Charlie unknown; both stalled
        {
          group: "Platform",
          pilots: 2,
          assessed: 2,
          ready: 0,
          medianReadiness: 67.5758,
          spend: { amount: 2000, pilots: 2, withoutCost: 1 },
          stalled: 2,
        },
      ],
    });
  });

  it("heatmap sorts and limits", async () => {
    const names = (p: Portfolio) => p.heatmap.rows.map((r) => r.name);
    // Changed: Foxtrot (retired) is no longer in the heatmap.
    expect(names(await load({ sort: "-readiness" }))).toEqual(["Alpha", "Bravo", "Delta", "Charlie"]);
    expect(names(await load({ sort: "name" }))).toEqual(["Alpha", "Bravo", "Charlie", "Delta"]);
    expect(names(await load({ sort: "-name" }))).toEqual(["Delta", "Charlie", "Bravo", "Alpha"]);
    // operations: Delta 61.11, Alpha 86.11, then 100s by readiness (Bravo 81.82), Charlie none last.
    expect(names(await load({ sort: "pillar:operations" }))).toEqual(["Delta", "Alpha", "Bravo", "Charlie"]);
    expect(names(await load({ sort: "-pillar:ownership" }))).toEqual(["Delta", "Alpha", "Bravo", "Charlie"]);
    const limited = await load({}, { heatmapLimit: 2 });
    expect(names(limited)).toEqual(["Charlie", "Delta"]);
    expect(limited.heatmap.total).toBe(4); // "showing 2 of 4"
  });

  it("stalledDays moves the threshold", async () => {
    // 170: Bravo's 165 days no longer count; Charlie still lacks a recent assessment. Changed: Echo,
    // registered 106 days ago (< 170), is not stalled for not having been assessed yet.
    const p170 = await load({ stalledDays: 170 });
    expect(p170.headline.stalled).toBe(1);
    expect(p170.stalled.rows.map((r) => [r.name, r.reasons])).toEqual([["Charlie", ["NO_RECENT_ASSESSMENT"]]]);
    // 60: Charlie's 75 days count too.
    const p60 = await load({ stalledDays: 60 });
    expect(p60.stalled.rows.map((r) => [r.name, r.reasons])).toEqual([
      ["Bravo", ["LONG_IN_STAGE"]],
      ["Echo", ["NEVER_ASSESSED"]],
      ["Charlie", ["LONG_IN_STAGE", "NO_RECENT_ASSESSMENT"]],
    ]);
  });
});

describe("filters change every figure", () => {
  it("business unit", async () => {
    const p = await load({ units: ["Finance"] }); // Alpha, Bravo (Hotel is in Finance too, elsewhere)
    expect(p.headline).toEqual({
      total: 2,
      byStage: { IDEA: 0, PILOT: 1, PRODUCTION_INTENT: 0, PRODUCTION: 1, RETIRED: 0 },
      assessed: 2,
      assessedShare: 1,
      ready: 1,
      readyShare: 0.5,
      medianReadiness: 83.9646,
      stalled: 1,
      preProductionSpend: { amount: 2000, pilots: 1, withoutCost: 0 },
      retiredLeftOut: 0,
    });
    expect(p.verdicts.filter((v) => v.pilots > 0)).toEqual([
      { verdict: "READY", pilots: 1 },
      { verdict: "BLOCKED", pilots: 1 },
    ]);
    expect(p.heatmap.rows.map((r) => r.name)).toEqual(["Bravo", "Alpha"]);
    expect(p.topGaps.map((g) => [g.criterionKey, g.pilots])).toEqual([
      ["ownership.owning-team", 1],
      ["observability.alerting", 1],
    ]);
    // IDEA: Alpha 61, Bravo 47 → 54; PILOT: Alpha 122, Bravo 165 → 143.5
    expect(p.funnel.map((s) => [s.stage, s.pilots, s.medianDays])).toEqual([
      ["IDEA", 0, 54],
      ["PILOT", 1, 143.5],
      ["PRODUCTION_INTENT", 0, 62],
      ["PRODUCTION", 1, 134],
      ["RETIRED", 0, null],
    ]);
    // Changed: the state at each month's end (Alpha from 2025-06, Bravo from 2025-11).
    expect(p.trend.slice(-8)).toEqual([
      trendMonth("2025-11", 2, 0, null, null, null),
      trendMonth("2025-12", 2, 0, null, null, null),
      trendMonth("2026-01", 2, 1, 42.4242, 42.4242, 0),
      trendMonth("2026-02", 2, 1, 42.4242, 42.4242, 0), // carried forward
      trendMonth("2026-03", 2, 1, 66.6667, 66.6667, 0),
      trendMonth("2026-04", 2, 1, 66.6667, 66.6667, 0),
      trendMonth("2026-05", 2, 2, 83.9646, 83.9646, 0.5),
      trendMonth("2026-06", 2, 2, 83.9646, 83.9646, 0.5),
    ]);
    expect(p.trend[4]).toEqual(trendMonth("2025-05", 0, 0, null, null, null));
    expect(p.trend[5]).toEqual(trendMonth("2025-06", 1, 0, null, null, null));
    expect(p.costVsReadiness.points.map((c) => c.name)).toEqual(["Alpha"]);
    expect(p.rollup.rows.map((g) => g.group)).toEqual(["Finance"]);
    expect(p.facets.units).toEqual(["Finance", "Marketing", "Operations"]); // menus stay unfiltered
  });

  it("stage", async () => {
    const p = await load({ stages: ["PILOT"] }); // Bravo 81.8182, Delta 61.1111; Golf (PILOT) is archived
    expect(p.headline).toMatchObject({
      total: 2,
      byStage: { IDEA: 0, PILOT: 2, PRODUCTION_INTENT: 0, PRODUCTION: 0, RETIRED: 0 },
      assessed: 2,
      readyShare: 0,
      medianReadiness: 71.4646, // (81.8182 + 61.1111) / 2
      stalled: 1,
      preProductionSpend: { amount: 3500, pilots: 2, withoutCost: 0 },
    });
    expect(p.heatmap.rows.map((r) => r.name)).toEqual(["Delta", "Bravo"]);
    expect(p.topGaps[0]).toMatchObject({ criterionKey: "observability.alerting", pilots: 2 });
    // the history of the filtered pilots in every stage: IDEA Bravo 47, Delta 30 → 38.5; PILOT 165, 45 → 105
    expect(p.funnel.map((s) => s.medianDays)).toEqual([38.5, 105, null, null, null]);
    expect(p.stalled.rows.map((r) => r.name)).toEqual(["Bravo"]);
    expect(p.headline.retiredLeftOut).toBe(0); // the stage filter decides which stages count
    // Changed: the state at each month's end (Bravo registered 2025-11-15, Delta 2026-04-01).
    expect(p.trend.slice(-3)).toEqual([
      trendMonth("2026-04", 2, 0, null, null, null),
      trendMonth("2026-05", 2, 1, 81.8182, 81.8182, 0),
      trendMonth("2026-06", 2, 2, 71.4646, 71.4646, 0),
    ]);
  });

  it("owning team", async () => {
    // Changed: Growth is Echo (never assessed) and Foxtrot (retired): without a stage filter only
    // Echo counts (before: 2 pilots, 1 assessed, median 44.4444 — see the next test).
    const p = await load({ teams: ["Growth"] });
    expect(p.headline).toMatchObject({
      total: 1,
      assessed: 0,
      assessedShare: 0,
      ready: 0,
      readyShare: null,
      medianReadiness: null,
      stalled: 1,
      retiredLeftOut: 1,
    });
    expect(p.verdicts.filter((v) => v.pilots > 0)).toEqual([{ verdict: "NOT_ASSESSED", pilots: 1 }]);
    expect(p.topGaps).toEqual([]);
    expect(p.trend.every((m) => m.assessedPilots === 0 && m.medianReadiness === null)).toBe(true);
    // The funnel still ends with Foxtrot's RETIRED stage.
    expect(p.funnel.map((st) => [st.stage, st.pilots])).toEqual([
      ["IDEA", 1],
      ["PILOT", 0],
      ["PRODUCTION_INTENT", 0],
      ["PRODUCTION", 0],
      ["RETIRED", 1],
    ]);
  });

  it("a stage filter that includes RETIRED brings retired pilots back into every figure", async () => {
    // The figures of the owning-team test as they were before retired pilots were left out.
    const p = await load({ teams: ["Growth"], stages: ["IDEA", "RETIRED"] }); // Echo, Foxtrot 44.4444
    expect(p.headline).toMatchObject({
      total: 2,
      byStage: { IDEA: 1, PILOT: 0, PRODUCTION_INTENT: 0, PRODUCTION: 0, RETIRED: 1 },
      assessed: 1,
      assessedShare: 0.5,
      ready: 0,
      readyShare: 0,
      medianReadiness: 44.4444,
      stalled: 1,
      retiredLeftOut: 0,
    });
    expect(p.verdicts.filter((v) => v.pilots > 0)).toEqual([
      { verdict: "NOT_READY", pilots: 1 },
      { verdict: "NOT_ASSESSED", pilots: 1 },
    ]);
    expect(p.topGaps.map((g) => g.criterionKey)).toEqual([
      "data.quality-checks",
      "guardrails.adversarial-input",
      "guardrails.fairness",
      "guardrails.human-review",
      "guardrails.sensitive-topics",
    ]);
    expect(p.heatmap.rows.map((r) => r.name)).toEqual(["Foxtrot"]);
    expect(p.costVsReadiness.points.map((c) => c.name)).toEqual(["Foxtrot"]);
    expect(p.rollup.rows.map((r) => [r.group, r.pilots, r.assessed])).toEqual([["Marketing", 2, 1]]);
    expect(p.stalled.rows.map((r) => r.name)).toEqual(["Echo"]); // a retired pilot never stalls

    // RETIRED alone: Foxtrot, and its trend from before the window. Its 2024-12-15 assessment
    // (readiness 100, INCOMPLETE) is carried into 2025 until the 2025-12-01 one replaces it.
    const retired = await load({ stages: ["RETIRED"] });
    expect(retired.headline).toMatchObject({ total: 1, assessed: 1, medianReadiness: 44.4444, stalled: 0 });
    expect(retired.trend[0]).toEqual(trendMonth("2025-01", 1, 1, 100, 100, 0));
    expect(retired.trend[10]).toEqual(trendMonth("2025-11", 1, 1, 100, 100, 0));
    expect(retired.trend[11]).toEqual(trendMonth("2025-12", 1, 1, 44.4444, 44.4444, 0));
    expect(retired.trend[17]).toEqual(trendMonth("2026-06", 1, 1, 44.4444, 44.4444, 0));

    // Archived pilots never count, whatever the stage filter: Golf is an archived PILOT.
    const all = await load({ stages: ["IDEA", "PILOT", "PRODUCTION_INTENT", "PRODUCTION", "RETIRED"] });
    expect(all.headline).toMatchObject({ total: 6, assessed: 5, medianReadiness: 61.1111, retiredLeftOut: 0 });
    expect(all.heatmap.rows.map((r) => r.name)).not.toContain("Golf");
  });

  it("tag", async () => {
    // llm: Alpha, Bravo, Delta → readiness [61.11, 81.82, 86.11]; Hotel elsewhere. Changed: Foxtrot
    // (retired, 44.44) left out (before: 4 pilots, readyShare 0.25, median 71.4646, cost total 3).
    const p = await load({ tags: ["LLM"] });
    expect(p.filters.tags).toEqual(["llm"]);
    expect(p.headline).toMatchObject({
      total: 3,
      assessed: 3,
      ready: 1,
      readyShare: 0.3333,
      medianReadiness: 81.8182,
      stalled: 1,
    });
    expect(p.topGaps.slice(0, 3).map((g) => [g.criterionKey, g.pilots])).toEqual([
      ["observability.alerting", 2], // Bravo, Delta
      ["ownership.owning-team", 1], // Bravo; a gate comes first among equals
      ["data.quality-checks", 1], // Delta
    ]);
    expect(p.costVsReadiness.total).toBe(2);
  });

  it("verdict", async () => {
    const conditional = await load({ verdicts: ["CONDITIONAL"] });
    expect(conditional.headline).toMatchObject({ total: 1, assessed: 1, readyShare: 0, medianReadiness: 61.1111 });
    expect(conditional.heatmap.rows.map((r) => r.name)).toEqual(["Delta"]);
    // Delta, registered 2026-04-01, assessed 2026-06-01.
    expect(conditional.trend.slice(-3)).toEqual([
      trendMonth("2026-04", 1, 0, null, null, null),
      trendMonth("2026-05", 1, 0, null, null, null),
      trendMonth("2026-06", 1, 1, 61.1111, 61.1111, 0),
    ]);

    const ready = await load({ verdicts: ["READY"] });
    // Alpha's whole history counts in the trend, not only its READY assessment, carried forward.
    expect(ready.trend.slice(-6).map((m) => [m.month, m.assessedPilots, m.medianReadiness, m.readyShare])).toEqual([
      ["2026-01", 1, 42.4242, 0],
      ["2026-02", 1, 42.4242, 0],
      ["2026-03", 1, 66.6667, 0],
      ["2026-04", 1, 66.6667, 0],
      ["2026-05", 1, 86.1111, 1],
      ["2026-06", 1, 86.1111, 1],
    ]);
  });

  it("NOT_ASSESSED: shares and medians are null, never 0", async () => {
    const p = await load({ verdicts: ["NOT_ASSESSED"] });
    expect(p.headline).toEqual({
      total: 1,
      byStage: { IDEA: 1, PILOT: 0, PRODUCTION_INTENT: 0, PRODUCTION: 0, RETIRED: 0 },
      assessed: 0,
      assessedShare: 0,
      ready: 0,
      readyShare: null,
      medianReadiness: null,
      stalled: 1,
      preProductionSpend: { amount: 800, pilots: 1, withoutCost: 0 },
      retiredLeftOut: 0,
    });
    expect(p.heatmap).toMatchObject({ pillars: [], rows: [], total: 0 });
    expect(p.topGaps).toEqual([]);
    // Changed: every month is present; Echo (registered 2026-03-01) is never assessed.
    expect(p.trend).toEqual(MONTHS.map((m) => trendMonth(m, m >= "2026-03" ? 1 : 0, 0, null, null, null)));
    expect(p.costVsReadiness.points).toEqual([]);
    expect(p.rollup.rows).toEqual([
      {
        group: "Marketing",
        pilots: 1,
        assessed: 0,
        ready: 0,
        medianReadiness: null,
        spend: { amount: 800, pilots: 1, withoutCost: 0 },
        stalled: 1,
      },
    ]);
    expect(p.stalled.rows.map((r) => r.reasons)).toEqual([["NEVER_ASSESSED"]]);
  });

  it("a filter matching nothing", async () => {
    const p = await load({ units: ["Nowhere"] });
    expect(p.headline).toMatchObject({
      total: 0,
      assessedShare: null,
      readyShare: null,
      medianReadiness: null,
      stalled: 0,
    });
    expect(p.funnel.every((s) => s.pilots === 0 && s.medianDays === null)).toBe(true);
  });
});

describe("tenancy and empty organisations", () => {
  it("an empty organisation has no figures, not zero scores", async () => {
    const empty = await createAccount({ organizationName: "Empty" });
    const p = r4(await getPortfolio(empty, {}, NOW));
    expect(p.headline).toEqual({
      total: 0,
      byStage: { IDEA: 0, PILOT: 0, PRODUCTION_INTENT: 0, PRODUCTION: 0, RETIRED: 0 },
      assessed: 0,
      assessedShare: null,
      ready: 0,
      readyShare: null,
      medianReadiness: null,
      stalled: 0,
      preProductionSpend: { amount: 0, pilots: 0, withoutCost: 0 },
      retiredLeftOut: 0,
    });
    expect(p.verdicts.every((v) => v.pilots === 0)).toBe(true);
    expect(p.heatmap).toEqual({ pillars: [], rows: [], total: 0, sort: "readiness", limit: HEATMAP_DEFAULT_LIMIT });
    expect(p.topGaps).toEqual([]);
    expect(p.funnel).toEqual(
      ["IDEA", "PILOT", "PRODUCTION_INTENT", "PRODUCTION", "RETIRED"].map((stage) => ({
        stage,
        pilots: 0,
        medianDays: null,
        stays: 0,
      })),
    );
    expect(p.stalled).toEqual({ rows: [], total: 0, stalledDays: 90, assessmentWindowDays: 90 });
    // Changed: every month is present, with no pilots and null scores.
    expect(p.trend).toEqual(MONTHS.map((m) => trendMonth(m, 0, 0, null, null, null)));
    expect(p.costVsReadiness).toEqual({ points: [], total: 0, capped: false, cap: COST_POINTS_LIMIT });
    expect(p.rollup.rows).toEqual([]);
    expect(p.facets).toEqual({ units: [], teams: [], tags: [] });
    expect((await getPortfolioCsvRows(empty, {}, NOW)).rows).toEqual([]);
  });

  it("organisation B sees only its own pilot", async () => {
    const viewer: Actor = { userId: other.userId, organizationId: other.organizationId, role: "VIEWER" };
    const p = r4(await getPortfolio(viewer, {}, NOW));
    expect(p.headline).toMatchObject({ total: 1, assessed: 1, ready: 1, readyShare: 1, medianReadiness: 94.4444 });
    expect(p.heatmap.rows.map((r) => r.name)).toEqual(["Hotel"]);
    expect(p.facets).toEqual({ units: ["Finance"], teams: ["Ledger"], tags: ["llm", "research"] });
  });
});

describe("CSV export", () => {
  it("one row per counted pilot, ordered by name, with owner, pillar scores and top gaps", async () => {
    const csv = await getPortfolioCsvRows(owner, {}, NOW);
    expect(csv.pillars).toEqual(PILLARS);
    const scores = (
      data: number | null,
      ev: number | null,
      gu: number | null,
      ob: number | null,
      op: number | null,
      ow: number | null,
    ) => ({
      data,
      evaluation: ev,
      guardrails: gu,
      observability: ob,
      operations: op,
      ownership: ow,
    });
    // Changed: Foxtrot (retired) is left out, as from every figure; owner, email, sponsor and the
    // top gaps (ranked gates first, then weight × shortfall, then framework order) are new.
    expect(r4(csv.rows)).toEqual([
      {
        pilotId: ids.Alpha,
        name: "Alpha",
        businessUnit: "Finance",
        owningTeam: "Ledger",
        ownerName: "Zoë Müller",
        ownerEmail: "zoe.muller@example.com",
        executiveSponsor: "Chief Operating Officer, EMEA",
        stage: "PRODUCTION",
        daysInStage: 134,
        verdict: "READY",
        readiness: 86.1111,
        coverage: 1,
        pillarScores: scores(100, 100, 100, 100, 86.1111, 100),
        monthlyRunCost: 5000,
        outcomesPerMonth: 1000,
        costPerOutcome: 5,
        lastAssessedAt: "2026-05-10",
        topGaps: [],
      },
      {
        pilotId: ids.Bravo,
        name: "Bravo",
        businessUnit: "Finance",
        owningTeam: "Platform",
        ownerName: "Dana Reyes",
        ownerEmail: "dana.reyes@example.com",
        executiveSponsor: "CFO",
        stage: "PILOT",
        daysInStage: 165,
        verdict: "BLOCKED",
        readiness: 81.8182,
        coverage: 1,
        pillarScores: scores(100, 100, 100, 93.9394, 100, 81.8182),
        monthlyRunCost: 2000,
        outcomesPerMonth: 0,
        costPerOutcome: null,
        lastAssessedAt: "2026-05-01",
        // The gate first (owning team, 3 × 1), then alerting (2 × 1).
        topGaps: ["A named owning team", "Alerts that reach someone"],
      },
      {
        // coverage 2/31
        pilotId: ids.Charlie,
        name: "Charlie",
        businessUnit: "Operations",
        owningTeam: "Platform",
        ownerName: "Dana Reyes",
        ownerEmail: "dana.reyes@example.com",
        executiveSponsor: "CFO",
        stage: "PRODUCTION_INTENT",
        daysInStage: 75,
        verdict: "INCOMPLETE",
        readiness: 53.3333,
        coverage: 0.0645,
        pillarScores: scores(53.3333, null, null, null, null, null),
        monthlyRunCost: null,
        outcomesPerMonth: 500,
        costPerOutcome: null,
        lastAssessedAt: "2026-02-01",
        topGaps: ["Data quality checks"],
      },
      {
        pilotId: ids.Delta,
        name: "Delta",
        businessUnit: "Operations",
        owningTeam: "Fleet",
        ownerName: "Dana Reyes",
        ownerEmail: "dana.reyes@example.com",
        executiveSponsor: "CFO",
        stage: "PILOT",
        daysInStage: 45,
        verdict: "CONDITIONAL",
        readiness: 61.1111,
        coverage: 1,
        pillarScores: scores(94.4444, 100, 100, 77.7778, 61.1111, 100),
        monthlyRunCost: 1500,
        outcomesPerMonth: 600,
        costPerOutcome: 2.5,
        lastAssessedAt: "2026-06-01",
        // No gate; priority 2 each: quality checks, drift, alerting, retraining (framework order),
        // then latency 1 × 1: the first three.
        topGaps: ["Data quality checks", "Input and output drift monitoring", "Alerts that reach someone"],
      },
      {
        pilotId: ids.Echo,
        name: "Echo",
        businessUnit: "Marketing",
        owningTeam: "Growth",
        ownerName: null,
        ownerEmail: null,
        executiveSponsor: null,
        stage: "IDEA",
        daysInStage: 106,
        verdict: "NOT_ASSESSED",
        readiness: null,
        coverage: null,
        pillarScores: {},
        monthlyRunCost: 800,
        outcomesPerMonth: null,
        costPerOutcome: null,
        lastAssessedAt: null,
        topGaps: [],
      },
    ]);

    // What the export route sends: labels, not codes; a UTF-8 byte-order mark first.
    const file = toCsv(csv.rows, csv.columns, { byteOrderMark: true });
    expect([...new TextEncoder().encode(file).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.startsWith("\uFEFFPilot,")).toBe(true);
    const lines = file.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "Pilot,Business unit,Owning team,Owner,Owner email,Executive sponsor,Stage,Days in stage,Verdict,Readiness score,Coverage (%)," +
        "Governed data (data),Automated evaluation (evaluation),Guardrails (guardrails),Observability and cost (observability)," +
        "CI/CD and operations (operations),Ownership (ownership),Top gap 1,Top gap 2,Top gap 3," +
        "Monthly run cost,Outcomes per month,Cost per outcome,Last assessed",
    );
    expect(lines[1]).toBe(
      'Alpha,Finance,Ledger,Zoë Müller,zoe.muller@example.com,"Chief Operating Officer, EMEA",Production,134,Ready,86.1,100,' +
        "100,100,100,100,86.1,100,,,,5000,1000,5,2026-05-10",
    );
    expect(lines[2]).toBe(
      "Bravo,Finance,Platform,Dana Reyes,dana.reyes@example.com,CFO,Pilot,165,Blocked,81.8,100," +
        "100,100,100,93.9,100,81.8,A named owning team,Alerts that reach someone,,2000,0,,2026-05-01",
    );
    expect(lines[3]).toBe(
      "Charlie,Operations,Platform,Dana Reyes,dana.reyes@example.com,CFO,Production intent,75,Incomplete,53.3,6.5," +
        "53.3,,,,,,Data quality checks,,,,500,,2026-02-01",
    );
    expect(lines[5]).toBe("Echo,Marketing,Growth,,,,Idea,106,Not assessed,,,,,,,,,,,,800,,,");
    expect(lines).toHaveLength(7); // header, 5 rows, "" after the last CRLF
  });

  it("applies the filters, several values each, and brings retired pilots in when asked", async () => {
    const csv = await getPortfolioCsvRows(owner, { teams: ["Platform"], verdicts: ["BLOCKED"] }, NOW);
    expect(csv.rows.map((r) => r.name)).toEqual(["Bravo"]);
    const none = await getPortfolioCsvRows(owner, { verdicts: ["NOT_ASSESSED"] }, NOW);
    expect(none.pillars).toEqual([]);
    expect(none.rows.map((r) => [r.name, r.verdict])).toEqual([["Echo", "NOT_ASSESSED"]]);
    const several = await getPortfolioCsvRows(
      owner,
      { teams: ["Platform", "Growth"], stages: ["PILOT", "RETIRED"] },
      NOW,
    );
    expect(several.rows.map((r) => r.name)).toEqual(["Bravo", "Foxtrot"]);
    const foxtrot = several.rows[1]!;
    // adversarial input 2 × (2 − 0) = 4, human review 3 × 1 = 3, then quality checks 2 × 1 (framework order).
    expect(foxtrot.topGaps).toEqual([
      "Resistance to adversarial input",
      "Human review and escalation",
      "Data quality checks",
    ]);
    expect(toCsv([foxtrot], several.columns).split("\r\n")[1]).toContain(",Retired,151,Not ready,44.4,");
  });
});

describe("multi-value filters: OR within a filter, AND across filters", () => {
  const pilotNames = (p: Portfolio) => p.heatmap.rows.map((r) => r.name).sort();
  /** The pilot list's names for the same filters (all stages the figures count). */
  const listed = async (filters: Partial<PortfolioFilters>) => {
    const f = (await load(filters)).filters;
    const page = await listPilots(owner, new URLSearchParams(pilotListSearchFor(f).slice(1) + "&size=100"));
    return page.items.map((i) => i.name);
  };

  it("OR within a filter", async () => {
    const units = await load({ units: ["Finance", "Operations"] });
    expect(units.headline).toMatchObject({ total: 4, assessed: 4, medianReadiness: 71.4646 });
    expect(pilotNames(units)).toEqual(["Alpha", "Bravo", "Charlie", "Delta"]);
    expect(units.rollup.rows.map((r) => [r.group, r.pilots])).toEqual([
      ["Finance", 2],
      ["Operations", 2],
    ]);
    const tags = await load({ tags: ["vision", "OPS"] }); // Charlie, Delta
    expect(pilotNames(tags)).toEqual(["Charlie", "Delta"]);
    const verdicts = await load({ verdicts: ["READY", "NOT_ASSESSED"] }); // Alpha, Echo
    expect(verdicts.headline).toMatchObject({ total: 2, assessed: 1, ready: 1, readyShare: 1 });
    expect(verdicts.verdicts.filter((v) => v.pilots > 0)).toEqual([
      { verdict: "READY", pilots: 1 },
      { verdict: "NOT_ASSESSED", pilots: 1 },
    ]);
    const stages = await load({ stages: ["IDEA", "PRODUCTION_INTENT"] }); // Echo, Charlie
    expect(stages.headline.byStage).toEqual({ IDEA: 1, PILOT: 0, PRODUCTION_INTENT: 1, PRODUCTION: 0, RETIRED: 0 });
  });

  it("AND across filters", async () => {
    // Finance or Operations, and pilot or production: Alpha (PRODUCTION), Bravo and Delta (PILOT).
    const p = await load({ units: ["Finance", "Operations"], stages: ["PILOT", "PRODUCTION"] });
    expect(pilotNames(p)).toEqual(["Alpha", "Bravo", "Delta"]);
    expect(p.headline).toMatchObject({ total: 3, assessed: 3, medianReadiness: 81.8182 });
    // Ledger or Fleet, and conditional or ready: Alpha, Delta.
    const q = await load({ teams: ["Ledger", "Fleet"], verdicts: ["CONDITIONAL", "READY"] });
    expect(pilotNames(q)).toEqual(["Alpha", "Delta"]);
    // A tag and a unit that never meet: nothing.
    expect((await load({ tags: ["vision"], units: ["Finance"] })).headline.total).toBe(0);
  });

  it("the pilot list applies the same filters to the same pilots", async () => {
    expect(await listed({ units: ["Finance", "Operations"], stages: ["PILOT", "PRODUCTION"] })).toEqual([
      "Alpha",
      "Bravo",
      "Delta",
    ]);
    expect(await listed({ teams: ["Ledger", "Fleet"], verdicts: ["CONDITIONAL", "READY"] })).toEqual([
      "Alpha",
      "Delta",
    ]);
    expect(await listed({ tags: ["vision", "ops"] })).toEqual(["Charlie", "Delta"]);
    expect(await listed({ verdicts: ["READY", "NOT_ASSESSED"] })).toEqual(["Alpha", "Echo"]);
    // Without a stage filter the link spells out every stage but RETIRED: Foxtrot stays out.
    expect(await listed({ teams: ["Growth"] })).toEqual(["Echo"]);
    expect(await listed({ teams: ["Growth"], stages: ["IDEA", "RETIRED"] })).toEqual(["Echo", "Foxtrot"]);
  });
});

describe("a recurring gap opens the pilots below target on it", () => {
  /** Every recurring gap's link lists as many pilots as the gap's count says, and the right ones. */
  async function expectLinksMatchCounts(filters: Partial<PortfolioFilters>) {
    const p = await load(filters);
    expect(p.topGaps.length).toBeGreaterThan(0);
    for (const g of p.topGaps) {
      const list = await listPilots(owner, new URLSearchParams(g.pilotsSearch));
      expect(list.total, `${g.criterionKey} with ${JSON.stringify(filters)}`).toBe(g.pilots);
    }
    return p;
  }

  it("the number on each gap equals the number of pilots its link lists", async () => {
    await expectLinksMatchCounts({});
    await expectLinksMatchCounts({ units: ["Finance", "Operations"] });
    await expectLinksMatchCounts({ tags: ["llm"] });
    await expectLinksMatchCounts({ verdicts: ["CONDITIONAL", "BLOCKED", "NOT_READY"] });
    await expectLinksMatchCounts({ stages: ["PILOT", "RETIRED"] });
    await expectLinksMatchCounts({ teams: ["Growth"], stages: ["IDEA", "RETIRED"] });
  });

  it("lists exactly the pilots whose latest assessment has the gap", async () => {
    const p = await load();
    const quality = p.topGaps.find((g) => g.criterionKey === "data.quality-checks")!;
    // Charlie and Delta; not Alpha (only its older assessments had it), Foxtrot (retired),
    // Golf (archived) nor Hotel (another organisation).
    const list = await listPilots(owner, new URLSearchParams(quality.pilotsSearch));
    expect(list.items.map((i) => i.name)).toEqual(["Charlie", "Delta"]);
    expect(quality.pilots).toBe(2);
    // The gap filter alone (no stages) lists Foxtrot too: the link is what keeps it out.
    const alone = await listPilots(owner, { gap: "data.quality-checks" });
    expect(alone.items.map((i) => i.name)).toEqual(["Charlie", "Delta", "Foxtrot"]);
    // The dashboard's filters ride along: Operations only.
    const ops = await load({ units: ["Operations"] });
    const opsQuality = ops.topGaps.find((g) => g.criterionKey === "data.quality-checks")!;
    expect(opsQuality.pilotsSearch).toBe(
      "?unit=Operations&stage=IDEA&stage=PILOT&stage=PRODUCTION_INTENT&stage=PRODUCTION&gap=data.quality-checks",
    );
  });
});

describe("trend and stalled rules on a small portfolio of their own", () => {
  // Organisation C, same NOW. Kilo, Lima and Mike registered 2026-01-05 in PRODUCTION:
  //   Kilo 2026-02-10 all 3 → 100 READY; re-assessed 2026-06-10, data 21111 → 15/36 = 41.6667 NOT_READY.
  //   Lima 2026-02-20 data 22222 → 66.6667 CONDITIONAL. Mike 2026-03-05 evaluation 03111 → 42.4242 NOT_READY.
  // Oscar: IDEA since 2026-01-05 (161 days), never assessed. November: IDEA, registered today.
  let trendOwner: TestAccount;
  let c: Portfolio;
  beforeAll(async () => {
    trendOwner = await createAccount({ organizationName: "Portfolio C" });
    const pilot = (name: string, stage: PilotFormValues["stage"], since: string) =>
      makePilot(trendOwner, {
        values: { name, businessUnit: "Claims", owningTeam: "Core" },
        history: [[stage, since]],
      });
    const kilo = await pilot("Kilo", "PRODUCTION", "2026-01-05");
    const lima = await pilot("Lima", "PRODUCTION", "2026-01-05");
    const mike = await pilot("Mike", "PRODUCTION", "2026-01-05");
    await pilot("Oscar", "IDEA", "2026-01-05");
    await pilot("November", "IDEA", "2026-06-15");
    await assess(trendOwner, kilo, "2026-02-01", "2026-02-10", {});
    await assess(trendOwner, lima, "2026-02-15", "2026-02-20", { data: "22222" });
    await assess(trendOwner, mike, "2026-03-01", "2026-03-05", { evaluation: "03111" });
    await assess(trendOwner, kilo, "2026-06-05", "2026-06-10", { data: "21111" });
    c = r4(await getPortfolio(trendOwner, {}, NOW));
  }, 120_000);

  it("carries each pilot's latest assessment forward: a quiet month repeats the one before", () => {
    expect(c.trend.slice(0, 12).every((m) => m.pilots === 0 && m.medianReadiness === null)).toBe(true);
    expect(c.trend.slice(12)).toEqual([
      trendMonth("2026-01", 4, 0, null, null, null), // registered, not assessed: null, never 0
      trendMonth("2026-02", 4, 2, 83.3333, 83.3333, 0.5), // Kilo 100, Lima 66.67
      trendMonth("2026-03", 4, 3, 66.6667, 69.697, 0.3333), // + Mike 42.42
      trendMonth("2026-04", 4, 3, 66.6667, 69.697, 0.3333), // nothing new: the same state
      trendMonth("2026-05", 4, 3, 66.6667, 69.697, 0.3333),
      // Kilo falls from 100 to 41.67: the median moves from Lima's 66.67 to Mike's 42.42, the
      // next score in line — not to Kilo's 41.67, as an average of June's assessments would say.
      // November is registered today: it exists, unassessed.
      trendMonth("2026-06", 5, 3, 42.4242, 50.2525, 0),
    ]);
    expect(c.headline).toMatchObject({ total: 5, assessed: 3, medianReadiness: 42.4242, readyShare: 0 });
  });

  it("a pilot registered less than stalledDays ago is not stalled for never having been assessed", async () => {
    // Oscar: 161 days without an assessment. November: registered today — not stalled.
    expect(c.stalled.rows.map((r) => [r.name, r.reasons, r.daysInStage])).toEqual([["Oscar", ["NEVER_ASSESSED"], 161]]);
    expect(c.headline.stalled).toBe(1);
    // With 200 days, Oscar is too young to count as well.
    const p200 = await getPortfolio(trendOwner, { stalledDays: 200 }, NOW);
    expect(p200.stalled.rows).toEqual([]);
    // A day later November is still young; Oscar still counts at the default.
    const tomorrow = await getPortfolio(trendOwner, {}, new Date("2026-06-16T00:00:00.000Z"));
    expect(tomorrow.stalled.rows.map((r) => r.name)).toEqual(["Oscar"]);
  });
});
