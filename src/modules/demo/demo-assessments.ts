import type { Verdict } from "@/modules/scoring";

/**
 * Assessment histories of the demo pilots, scored against the default framework (v1).
 *
 * Each pillar's answers are written as one character per criterion, in the framework's order:
 * "0"–"3" a level, "n" not applicable (the reason is in `na`), "-" not answered yet.
 *
 *   data          scheduled-feed · quality-checks · lineage-versioning · access-control · sensitive-data
 *   evaluation    test-set · every-change · kpi-thresholds · tracked-over-time · live-feedback
 *   guardrails    uncertain-output · adversarial-input · sensitive-topics · human-review · fairness
 *   observability request-tracing · drift · latency-errors · cost-per-outcome · alerting · dashboard
 *   operations    deploy-pipeline · versioning · rollback · staged-rollout · retraining
 *   ownership     owning-team · on-call · backlog-budget · runbook · business-outcome
 *
 * Together the histories show every verdict, improving trends, a stalled pilot, pilots without
 * a named owner failing the owning-team gate, and one assessment still in progress.
 */
export type DemoPillarKey = "data" | "evaluation" | "guardrails" | "observability" | "operations" | "ownership";

export interface DemoAssessment {
  startedDaysAgo: number;
  /** null: still in progress. */
  completedDaysAgo: number | null;
  levels: Record<DemoPillarKey, string>;
  /** Reasons for the "n" answers, by criterion key. */
  na?: Record<string, string>;
  /** Notes on some answers, by criterion key. */
  notes?: Record<string, string>;
  /** The verdict this history is written to produce; null while in progress. */
  expected: Verdict | null;
}

export interface DemoAnswer {
  criterionKey: string;
  expectedVersion: 0;
  level: number | null;
  notApplicable: boolean;
  naReason?: string;
  notes?: string;
}

/** Turns a history entry into the answers to save, checked against the framework's shape. */
export function demoAnswers(
  plan: DemoAssessment,
  pillars: readonly { key: string; criteria: readonly { key: string }[] }[],
): DemoAnswer[] {
  const answers: DemoAnswer[] = [];
  for (const pillar of pillars) {
    const codes = plan.levels[pillar.key as DemoPillarKey];
    if (codes === undefined || codes.length !== pillar.criteria.length) {
      throw new Error(
        `Demo assessment: pillar "${pillar.key}" needs ${pillar.criteria.length} answers, got "${codes}".`,
      );
    }
    pillar.criteria.forEach(({ key }, i) => {
      const code = codes[i]!;
      const notes = plan.notes?.[key];
      if (code === "-") return;
      if (code === "n") {
        const naReason = plan.na?.[key];
        if (!naReason) throw new Error(`Demo assessment: "${key}" is not applicable but has no reason.`);
        answers.push({ criterionKey: key, expectedVersion: 0, level: null, notApplicable: true, naReason, notes });
        return;
      }
      const level = Number(code);
      if (!Number.isInteger(level) || level < 0 || level > 3) throw new Error(`Demo assessment: bad code "${code}".`);
      answers.push({ criterionKey: key, expectedVersion: 0, level, notApplicable: false, notes });
    });
  }
  return answers;
}

const NO_GENERATED_TEXT = "It outputs a score to internal specialists; no generated text reaches anyone.";

/** Histories by pilot name (see demo-data.ts), oldest first. Pilots not listed have no assessment. */
export const DEMO_ASSESSMENTS: Record<string, DemoAssessment[]> = {
  // In production since 45 days ago; a steady climb from a blocked pilot to ready.
  "Claims intake triage": [
    {
      startedDaysAgo: 296,
      completedDaysAgo: 292,
      levels: {
        data: "21211",
        evaluation: "22111",
        guardrails: "21122",
        observability: "211011",
        operations: "21121",
        ownership: "22211",
      },
      notes: {
        "observability.cost-per-outcome":
          "Token spend is on the cloud bill, but nobody has divided it by claims routed.",
        "evaluation.every-change": "The test set is run by hand before each prompt change; not in the pipeline yet.",
      },
      expected: "BLOCKED",
    },
    {
      startedDaysAgo: 158,
      completedDaysAgo: 151,
      levels: {
        data: "22222",
        evaluation: "23221",
        guardrails: "22222",
        observability: "222222",
        operations: "22212",
        ownership: "22222",
      },
      expected: "CONDITIONAL",
    },
    {
      startedDaysAgo: 33,
      completedDaysAgo: 30,
      levels: {
        data: "33232",
        evaluation: "33322",
        guardrails: "32232",
        observability: "323332",
        operations: "32322",
        ownership: "33222",
      },
      notes: {
        "guardrails.human-review":
          "Emails below 0.7 routing confidence go to the triage desk queue; reviewed within 2 hours.",
        "observability.cost-per-outcome": "0.65 per routed claim, all-in, on the claims operations dashboard.",
      },
      expected: "READY",
    },
  ],

  // Heading for production; evaluation now runs in the pipeline.
  "Underwriting document summariser": [
    {
      startedDaysAgo: 205,
      completedDaysAgo: 198,
      levels: {
        data: "12121",
        evaluation: "21111",
        guardrails: "2112n",
        observability: "101110",
        operations: "21111",
        ownership: "21121",
      },
      na: {
        "guardrails.fairness":
          "Briefs describe commercial risks (companies), not individuals, and underwriters take every pricing decision.",
      },
      expected: "BLOCKED",
    },
    {
      startedDaysAgo: 48,
      completedDaysAgo: 44,
      levels: {
        data: "22222",
        evaluation: "23222",
        guardrails: "2223n",
        observability: "222212",
        operations: "22222",
        ownership: "22222",
      },
      na: {
        "guardrails.fairness":
          "Briefs describe commercial risks (companies), not individuals, and underwriters take every pricing decision.",
      },
      expected: "CONDITIONAL",
    },
  ],

  // A classic ML model built in notebooks, industrialised over a year.
  "Fraud ring detection": [
    {
      startedDaysAgo: 345,
      completedDaysAgo: 340,
      levels: {
        data: "11111",
        evaluation: "21111",
        guardrails: "21n21",
        observability: "101110",
        operations: "01010",
        ownership: "21111",
      },
      na: { "guardrails.sensitive-topics": NO_GENERATED_TEXT },
      notes: {
        "operations.deploy-pipeline": "The model is retrained in a notebook and the file copied to the scoring server.",
      },
      expected: "BLOCKED",
    },
    {
      startedDaysAgo: 252,
      completedDaysAgo: 248,
      levels: {
        data: "21221",
        evaluation: "23211",
        guardrails: "21n21",
        observability: "111211",
        operations: "22111",
        ownership: "21111",
      },
      na: { "guardrails.sensitive-topics": NO_GENERATED_TEXT },
      expected: "NOT_READY",
    },
    {
      startedDaysAgo: 163,
      completedDaysAgo: 160,
      levels: {
        data: "22222",
        evaluation: "33221",
        guardrails: "22n22",
        observability: "222221",
        operations: "22212",
        ownership: "22221",
      },
      na: { "guardrails.sensitive-topics": NO_GENERATED_TEXT },
      expected: "CONDITIONAL",
    },
    {
      startedDaysAgo: 64,
      completedDaysAgo: 61,
      levels: {
        data: "32222",
        evaluation: "33222",
        guardrails: "22n32",
        observability: "212322",
        operations: "32222",
        ownership: "32222",
      },
      na: { "guardrails.sensitive-topics": NO_GENERATED_TEXT },
      notes: { "observability.drift": "Drift in claim features is reviewed in a monthly notebook; no alert yet." },
      expected: "CONDITIONAL",
    },
  ],

  // Blocked on guardrails and cost; the team is re-assessing now.
  "Contact centre agent assist": [
    {
      startedDaysAgo: 93,
      completedDaysAgo: 88,
      levels: {
        data: "21212",
        evaluation: "22111",
        guardrails: "11112",
        observability: "211111",
        operations: "21111",
        ownership: "21121",
      },
      notes: {
        "guardrails.uncertain-output": "Suggestions are always shown, even when retrieval finds nothing relevant.",
        "observability.cost-per-outcome": "We know the monthly bill, not the cost per assisted call.",
      },
      expected: "BLOCKED",
    },
    {
      startedDaysAgo: 3,
      completedDaysAgo: null,
      levels: {
        data: "22212",
        evaluation: "23211",
        guardrails: "2-112",
        observability: "------",
        operations: "-----",
        ownership: "-----",
      },
      expected: null,
    },
  ],

  // No named owner: fails the owning-team gate.
  "Policy wording Q&A for brokers": [
    {
      startedDaysAgo: 64,
      completedDaysAgo: 62,
      levels: {
        data: "11211",
        evaluation: "21111",
        guardrails: "21211",
        observability: "110111",
        operations: "21111",
        ownership: "10010",
      },
      notes: {
        "ownership.owning-team": "The developer who built it looks after it between other projects.",
      },
      expected: "BLOCKED",
    },
  ],

  // Stalled in pilot for over a year: the gates are met but operations and ownership never moved.
  "Subrogation opportunity finder": [
    {
      startedDaysAgo: 334,
      completedDaysAgo: 330,
      levels: {
        data: "21121",
        evaluation: "23111",
        guardrails: "21n21",
        observability: "101211",
        operations: "21110",
        ownership: "21110",
      },
      na: { "guardrails.sensitive-topics": NO_GENERATED_TEXT },
      expected: "NOT_READY",
    },
    {
      startedDaysAgo: 123,
      completedDaysAgo: 120,
      levels: {
        data: "21221",
        evaluation: "23111",
        guardrails: "21n21",
        observability: "111211",
        operations: "21111",
        ownership: "21111",
      },
      na: { "guardrails.sensitive-topics": NO_GENERATED_TEXT },
      notes: {
        "operations.retraining": "Only the original data scientist can rebuild the model, and she has moved team.",
      },
      expected: "NOT_READY",
    },
  ],

  // Long in production; drift monitoring and automated retraining took it to ready.
  "Renewal churn early warning": [
    {
      startedDaysAgo: 322,
      completedDaysAgo: 320,
      levels: {
        data: "32222",
        evaluation: "33222",
        guardrails: "22n22",
        observability: "212322",
        operations: "32222",
        ownership: "32222",
      },
      na: { "guardrails.sensitive-topics": NO_GENERATED_TEXT },
      expected: "CONDITIONAL",
    },
    {
      startedDaysAgo: 101,
      completedDaysAgo: 99,
      levels: {
        data: "33332",
        evaluation: "33323",
        guardrails: "32n33",
        observability: "333333",
        operations: "33233",
        ownership: "33322",
      },
      na: { "guardrails.sensitive-topics": NO_GENERATED_TEXT },
      expected: "READY",
    },
  ],

  // Completed before the team had answers for operations: incomplete.
  "Medical report extraction": [
    {
      startedDaysAgo: 44,
      completedDaysAgo: 41,
      levels: {
        data: "22132",
        evaluation: "22211",
        guardrails: "21222",
        observability: "11-1--",
        operations: "-----",
        ownership: "22111",
      },
      notes: {
        "data.access-control":
          "Reports are on a shared drive the whole claims team can read; a restricted bucket is planned.",
      },
      expected: "INCOMPLETE",
    },
  ],

  // An early experiment with no owner and no operations yet.
  "Marketing copy generator": [
    {
      startedDaysAgo: 22,
      completedDaysAgo: 21,
      levels: {
        data: "1011n",
        evaluation: "10010",
        guardrails: "10111",
        observability: "000100",
        operations: "00100",
        ownership: "10001",
      },
      na: {
        "data.sensitive-data": "Prompts use product facts and brand guidelines only; no customer or employee data.",
      },
      expected: "BLOCKED",
    },
  ],

  // Assessed before it was retired: nobody could say what an answer cost.
  "HR policy assistant": [
    {
      startedDaysAgo: 300,
      completedDaysAgo: 296,
      levels: {
        data: "11222",
        evaluation: "11111",
        guardrails: "21221",
        observability: "110001",
        operations: "21111",
        ownership: "20111",
      },
      expected: "BLOCKED",
    },
  ],

  // Blocked on cost, then stuck on weak observability, now conditional.
  "Pricing anomaly monitor": [
    {
      startedDaysAgo: 263,
      completedDaysAgo: 259,
      levels: {
        data: "22122",
        evaluation: "22111",
        guardrails: "21n11",
        observability: "111111",
        operations: "21111",
        ownership: "21121",
      },
      na: {
        "guardrails.sensitive-topics": "It flags quotes to pricing analysts; it produces no text and answers no one.",
      },
      expected: "BLOCKED",
    },
    {
      startedDaysAgo: 174,
      completedDaysAgo: 171,
      levels: {
        data: "32222",
        evaluation: "33221",
        guardrails: "21n21",
        observability: "111211",
        operations: "22212",
        ownership: "22221",
      },
      na: {
        "guardrails.sensitive-topics": "It flags quotes to pricing analysts; it produces no text and answers no one.",
      },
      expected: "NOT_READY",
    },
    {
      startedDaysAgo: 53,
      completedDaysAgo: 50,
      levels: {
        data: "33222",
        evaluation: "33222",
        guardrails: "22n22",
        observability: "222222",
        operations: "32222",
        ownership: "22222",
      },
      na: {
        "guardrails.sensitive-topics": "It flags quotes to pricing analysts; it produces no text and answers no one.",
      },
      expected: "CONDITIONAL",
    },
  ],
};
