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
 * assessments; Foxtrot an INCOMPLETE one from 2024-12-15 (outside the 18-month trend window);
 * Delta an assessment still in progress. Golf is archived (READY, 2026-04-15) and organisation B
 * has its own READY pilot "Hotel" in Finance / Ledger tagged llm: neither may ever count.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { completeAssessment, saveAnswer, startAssessment } from "@/modules/assessments";
import { createAccount, pilotValues, type TestAccount } from "@/modules/demo";
import { DEFAULT_FRAMEWORK } from "@/modules/frameworks";
import type { Actor } from "@/modules/access/shared";
import type { PilotFormValues } from "@/modules/pilots/shared";
import { archivePilot, createPilot, updatePilot } from "@/modules/pilots";
import { toCsv } from "./csv";
import { getPortfolio, getPortfolioCsvRows, type Portfolio } from "./queries";

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

/** Answers per pillar, one character per criterion: "0"–"3" a level, "n" N/A, "-" unanswered. Missing pillar: all "3". */
type Plan = Partial<Record<string, string>>;

async function assess(actor: Actor, pilotId: string, started: string, completed: string | null, plan: Plan) {
  const { id } = await startAssessment(actor, pilotId, { now: day(started) });
  for (const pillar of DEFAULT_FRAMEWORK.pillars) {
    const codes = plan[pillar.key] ?? "3".repeat(pillar.criteria.length);
    if (codes.length !== pillar.criteria.length) throw new Error(`plan for ${pillar.key} has the wrong length`);
    for (const [i, criterion] of pillar.criteria.entries()) {
      const code = codes[i]!;
      if (code === "-") continue;
      await saveAnswer(
        actor,
        id,
        code === "n"
          ? { criterionKey: criterion.key, expectedVersion: 0, notApplicable: true, naReason: "Does not apply here" }
          : { criterionKey: criterion.key, expectedVersion: 0, level: Number(code) },
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
    ({ version } = await updatePilot(actor, id, { ...values, stage, expectedVersion: version }, { now: day(date) }));
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
    expect(p.headline).toEqual({
      total: 6, // Golf archived, Hotel elsewhere
      byStage: { IDEA: 1, PILOT: 2, PRODUCTION_INTENT: 1, PRODUCTION: 1, RETIRED: 1 },
      assessed: 5,
      assessedShare: 0.8333, // 5 / 6
      ready: 1,
      readyShare: 0.2, // 1 READY / 5 assessed
      medianReadiness: 61.1111, // [44.44, 53.33, 61.11, 81.82, 86.11] → Delta
      stalled: 3, // Bravo, Echo, Charlie
      // IDEA/PILOT/PRODUCTION_INTENT: Echo 800 + Bravo 2000 + Delta 1500; Charlie unknown.
      preProductionSpend: { amount: 4300, pilots: 4, withoutCost: 1 },
    });
  });

  it("verdict distribution of latest assessments", () => {
    expect(p.verdicts).toEqual([
      { verdict: "READY", pilots: 1 },
      { verdict: "CONDITIONAL", pilots: 1 },
      { verdict: "NOT_READY", pilots: 1 },
      { verdict: "BLOCKED", pilots: 1 },
      { verdict: "INCOMPLETE", pilots: 1 },
      { verdict: "NOT_ASSESSED", pilots: 1 },
    ]);
  });

  it("heatmap rows, worst readiness first, with null for pillars without a score", () => {
    expect(p.heatmap.pillars).toEqual(PILLARS);
    expect(p.heatmap.total).toBe(5);
    expect(p.heatmap.limit).toBe(50);
    expect(p.heatmap.rows).toEqual([
      {
        pilotId: ids.Foxtrot,
        name: "Foxtrot",
        stage: "RETIRED",
        verdict: "NOT_READY",
        readiness: 44.4444,
        scores: [94.4444, 100, 44.4444, 100, 100, 100],
      },
      {
        pilotId: ids.Charlie,
        name: "Charlie",
        stage: "PRODUCTION_INTENT",
        verdict: "INCOMPLETE",
        readiness: 53.3333,
        scores: [53.3333, null, null, null, null, null],
      },
      {
        pilotId: ids.Delta,
        name: "Delta",
        stage: "PILOT",
        verdict: "CONDITIONAL",
        readiness: 61.1111,
        scores: [94.4444, 100, 100, 77.7778, 61.1111, 100],
      },
      {
        pilotId: ids.Bravo,
        name: "Bravo",
        stage: "PILOT",
        verdict: "BLOCKED",
        readiness: 81.8182,
        scores: [100, 100, 100, 93.9394, 100, 81.8182],
      },
      {
        pilotId: ids.Alpha,
        name: "Alpha",
        stage: "PRODUCTION",
        verdict: "READY",
        readiness: 86.1111,
        scores: [100, 100, 100, 100, 86.1111, 100],
      },
    ]);
  });

  it("top systemic gaps from latest assessments only", () => {
    // quality-checks: Charlie, Delta, Foxtrot (Alpha's older ones, Golf and Hotel do not count);
    // alerting: Bravo, Delta; then the single ones, the gate first, then by key.
    expect(p.topGaps.map((g) => [g.criterionKey, g.pilots, g.isGate])).toEqual([
      ["data.quality-checks", 3, false],
      ["observability.alerting", 2, false],
      ["ownership.owning-team", 1, true],
      ["guardrails.adversarial-input", 1, false],
      ["guardrails.fairness", 1, false],
      ["guardrails.human-review", 1, false],
      ["guardrails.sensitive-topics", 1, false],
      ["observability.drift", 1, false],
      ["observability.latency-errors", 1, false],
      ["operations.retraining", 1, false],
    ]);
    expect(p.topGaps[0]).toEqual({
      criterionKey: "data.quality-checks",
      title: "Data quality checks",
      pillarKey: "data",
      isGate: false,
      pilots: 3,
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

  it("readiness trend per month from every completed assessment in the last 18 months", () => {
    expect(p.trend).toEqual([
      { month: "2025-12", assessments: 1, medianReadiness: 44.4444, meanReadiness: 44.4444, readyShare: 0 }, // Foxtrot
      { month: "2026-01", assessments: 1, medianReadiness: 42.4242, meanReadiness: 42.4242, readyShare: 0 }, // Alpha #1
      { month: "2026-02", assessments: 1, medianReadiness: 53.3333, meanReadiness: 53.3333, readyShare: 0 }, // Charlie
      { month: "2026-03", assessments: 1, medianReadiness: 66.6667, meanReadiness: 66.6667, readyShare: 0 }, // Alpha #2
      // 2026-04: only Golf (archived) → no month
      // Alpha #3 86.1111 READY and Bravo 81.8182 → (86.1111 + 81.8182) / 2
      { month: "2026-05", assessments: 2, medianReadiness: 83.9646, meanReadiness: 83.9646, readyShare: 0.5 },
      { month: "2026-06", assessments: 1, medianReadiness: 61.1111, meanReadiness: 61.1111, readyShare: 0 }, // Delta
    ]);
  });

  it("cost per outcome against readiness", () => {
    // Bravo: 0 outcomes; Charlie: no cost; Echo: not assessed.
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
        {
          pilotId: ids.Foxtrot,
          name: "Foxtrot",
          costPerOutcome: 10,
          readiness: 44.4444,
          verdict: "NOT_READY",
          monthlyRunCost: 1000,
          outcomesPerMonth: 100,
        },
      ],
      total: 3,
      capped: false,
      cap: 2000,
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
        // Foxtrot 44.4444; Echo 800; stalled: Echo
        {
          group: "Marketing",
          pilots: 2,
          assessed: 1,
          ready: 0,
          medianReadiness: 44.4444,
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
        {
          group: "Growth",
          pilots: 2,
          assessed: 1,
          ready: 0,
          medianReadiness: 44.4444,
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
    expect(names(await load({ sort: "-readiness" }))).toEqual(["Alpha", "Bravo", "Delta", "Charlie", "Foxtrot"]);
    expect(names(await load({ sort: "name" }))).toEqual(["Alpha", "Bravo", "Charlie", "Delta", "Foxtrot"]);
    expect(names(await load({ sort: "-name" }))).toEqual(["Foxtrot", "Delta", "Charlie", "Bravo", "Alpha"]);
    // operations: Delta 61.11, Alpha 86.11, then 100s by readiness (Foxtrot 44.44, Bravo 81.82), Charlie none last.
    expect(names(await load({ sort: "pillar:operations" }))).toEqual(["Delta", "Alpha", "Foxtrot", "Bravo", "Charlie"]);
    expect(names(await load({ sort: "-pillar:ownership" }))).toEqual(["Foxtrot", "Delta", "Alpha", "Bravo", "Charlie"]);
    const limited = await load({}, { heatmapLimit: 2 });
    expect(names(limited)).toEqual(["Foxtrot", "Charlie"]);
    expect(limited.heatmap.total).toBe(5); // "showing 2 of 5"
  });

  it("stalledDays moves the threshold", async () => {
    // 170: Bravo's 165 days no longer count; Charlie and Echo still lack a recent assessment.
    const p170 = await load({ stalledDays: 170 });
    expect(p170.headline.stalled).toBe(2);
    expect(p170.stalled.rows.map((r) => [r.name, r.reasons])).toEqual([
      ["Echo", ["NEVER_ASSESSED"]],
      ["Charlie", ["NO_RECENT_ASSESSMENT"]],
    ]);
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
    const p = await load({ unit: "Finance" }); // Alpha, Bravo (Hotel is in Finance too, elsewhere)
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
    expect(p.trend.map((m) => [m.month, m.assessments])).toEqual([
      ["2026-01", 1],
      ["2026-03", 1],
      ["2026-05", 2],
    ]);
    expect(p.costVsReadiness.points.map((c) => c.name)).toEqual(["Alpha"]);
    expect(p.rollup.rows.map((g) => g.group)).toEqual(["Finance"]);
    expect(p.facets.units).toEqual(["Finance", "Marketing", "Operations"]); // menus stay unfiltered
  });

  it("stage", async () => {
    const p = await load({ stage: "PILOT" }); // Bravo 81.8182, Delta 61.1111
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
    expect(p.trend.map((m) => [m.month, m.assessments])).toEqual([
      ["2026-05", 1],
      ["2026-06", 1],
    ]);
  });

  it("owning team", async () => {
    const p = await load({ team: "Growth" }); // Echo (never assessed), Foxtrot 44.4444
    expect(p.headline).toMatchObject({
      total: 2,
      assessed: 1,
      assessedShare: 0.5,
      ready: 0,
      readyShare: 0,
      medianReadiness: 44.4444,
      stalled: 1,
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
    expect(p.trend.map((m) => m.month)).toEqual(["2025-12"]); // the 2024-12 one is outside the window
  });

  it("tag", async () => {
    // llm: Alpha, Bravo, Delta, Foxtrot → readiness [44.44, 61.11, 81.82, 86.11]; Hotel elsewhere.
    const p = await load({ tag: "LLM" });
    expect(p.filters.tag).toBe("llm");
    expect(p.headline).toMatchObject({
      total: 4,
      assessed: 4,
      ready: 1,
      readyShare: 0.25,
      medianReadiness: 71.4646,
      stalled: 1,
    });
    expect(p.topGaps.slice(0, 2).map((g) => [g.criterionKey, g.pilots])).toEqual([
      ["data.quality-checks", 2], // Delta, Foxtrot
      ["observability.alerting", 2], // Bravo, Delta
    ]);
    expect(p.costVsReadiness.total).toBe(3);
  });

  it("verdict", async () => {
    const conditional = await load({ verdict: "CONDITIONAL" });
    expect(conditional.headline).toMatchObject({ total: 1, assessed: 1, readyShare: 0, medianReadiness: 61.1111 });
    expect(conditional.heatmap.rows.map((r) => r.name)).toEqual(["Delta"]);
    expect(conditional.trend.map((m) => m.month)).toEqual(["2026-06"]);

    const ready = await load({ verdict: "READY" });
    // Alpha's whole history counts in the trend, not only its READY assessment.
    expect(ready.trend.map((m) => [m.month, m.assessments, m.readyShare])).toEqual([
      ["2026-01", 1, 0],
      ["2026-03", 1, 0],
      ["2026-05", 1, 1],
    ]);
  });

  it("NOT_ASSESSED: shares and medians are null, never 0", async () => {
    const p = await load({ verdict: "NOT_ASSESSED" });
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
    });
    expect(p.heatmap).toMatchObject({ pillars: [], rows: [], total: 0 });
    expect(p.topGaps).toEqual([]);
    expect(p.trend).toEqual([]);
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
    const p = await load({ unit: "Nowhere" });
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
    });
    expect(p.verdicts.every((v) => v.pilots === 0)).toBe(true);
    expect(p.heatmap).toEqual({ pillars: [], rows: [], total: 0, sort: "readiness", limit: 50 });
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
    expect(p.trend).toEqual([]);
    expect(p.costVsReadiness).toEqual({ points: [], total: 0, capped: false, cap: 2000 });
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
  it("one row per filtered pilot, ordered by name, with each pillar's score", async () => {
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
    expect(r4(csv.rows)).toEqual([
      {
        pilotId: ids.Alpha,
        name: "Alpha",
        businessUnit: "Finance",
        owningTeam: "Ledger",
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
      },
      {
        pilotId: ids.Bravo,
        name: "Bravo",
        businessUnit: "Finance",
        owningTeam: "Platform",
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
      },
      {
        // coverage 2/31
        pilotId: ids.Charlie,
        name: "Charlie",
        businessUnit: "Operations",
        owningTeam: "Platform",
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
      },
      {
        pilotId: ids.Delta,
        name: "Delta",
        businessUnit: "Operations",
        owningTeam: "Fleet",
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
      },
      {
        pilotId: ids.Echo,
        name: "Echo",
        businessUnit: "Marketing",
        owningTeam: "Growth",
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
      },
      {
        pilotId: ids.Foxtrot,
        name: "Foxtrot",
        businessUnit: "Marketing",
        owningTeam: "Growth",
        stage: "RETIRED",
        daysInStage: 151,
        verdict: "NOT_READY",
        readiness: 44.4444,
        coverage: 1,
        pillarScores: scores(94.4444, 100, 44.4444, 100, 100, 100),
        monthlyRunCost: 1000,
        outcomesPerMonth: 100,
        costPerOutcome: 10,
        lastAssessedAt: "2025-12-01",
      },
    ]);

    const lines = toCsv(csv.rows, csv.columns).split("\r\n");
    expect(lines[0]).toBe(
      "Pilot,Business unit,Owning team,Stage,Days in stage,Verdict,Readiness score,Coverage (%)," +
        "Governed data (data),Automated evaluation (evaluation),Guardrails (guardrails),Observability and cost (observability)," +
        "CI/CD and operations (operations),Ownership (ownership),Monthly run cost,Outcomes per month,Cost per outcome,Last assessed",
    );
    expect(lines[1]).toBe(
      "Alpha,Finance,Ledger,PRODUCTION,134,READY,86.1,100,100,100,100,100,86.1,100,5000,1000,5,2026-05-10",
    );
    expect(lines[3]).toBe(
      "Charlie,Operations,Platform,PRODUCTION_INTENT,75,INCOMPLETE,53.3,6.5,53.3,,,,,,,500,,2026-02-01",
    );
    expect(lines[5]).toBe("Echo,Marketing,Growth,IDEA,106,NOT_ASSESSED,,,,,,,,,800,,,");
    expect(lines).toHaveLength(8); // header, 6 rows, "" after the last CRLF
  });

  it("applies the filters", async () => {
    const csv = await getPortfolioCsvRows(owner, { team: "Platform", verdict: "BLOCKED" }, NOW);
    expect(csv.rows.map((r) => r.name)).toEqual(["Bravo"]);
    const none = await getPortfolioCsvRows(owner, { verdict: "NOT_ASSESSED" }, NOW);
    expect(none.pillars).toEqual([]);
    expect(none.rows.map((r) => [r.name, r.verdict])).toEqual([["Echo", "NOT_ASSESSED"]]);
  });
});
