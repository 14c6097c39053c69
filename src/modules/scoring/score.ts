/**
 * The scoring engine: a pure function from a framework and a set of answers to scores,
 * a verdict, gate results and ranked gaps. The contract is docs/scoring.md.
 *
 * Results keep full floating-point precision; use `roundScore` for display only.
 */
import {
  MAX_LEVEL,
  type Answer,
  type Answers,
  type CriterionSpec,
  type FrameworkSpec,
  type Gap,
  type GateResult,
  type Level,
  type PillarResult,
  type ScoreResult,
  type Verdict,
} from "./types";

const VERDICT_RANK: Readonly<Record<Verdict, number>> = {
  INCOMPLETE: 0,
  BLOCKED: 1,
  NOT_READY: 2,
  CONDITIONAL: 3,
  READY: 4,
};

/** Orders verdicts from worst to best: INCOMPLETE 0, BLOCKED 1, NOT_READY 2, CONDITIONAL 3, READY 4. */
export function verdictRank(v: Verdict): number {
  return VERDICT_RANK[v];
}

/**
 * Rounds a score to one decimal for display (half up). Scores are compared with the
 * thresholds at full precision, so never feed a rounded value back into a verdict.
 */
export function roundScore(n: number): number;
export function roundScore(n: number | null): number | null;
export function roundScore(n: number | null): number | null {
  if (n === null || !Number.isFinite(n)) return n;
  const rounded = Math.round(n * 10) / 10;
  return rounded === 0 ? 0 : rounded; // no "-0"
}

/**
 * Structural problems that make a framework unscorable: duplicate keys, a criterion in an
 * unknown pillar, a weight that is not a positive finite number, a target level outside 0–3,
 * thresholds that are not finite numbers. Returns an empty array for a valid framework.
 */
export function validateFrameworkSpec(framework: FrameworkSpec): string[] {
  const problems: string[] = [];
  const pillarKeys = new Set<string>();
  for (const p of framework.pillars) {
    if (pillarKeys.has(p.key)) problems.push(`duplicate pillar key "${p.key}"`);
    pillarKeys.add(p.key);
  }
  const criterionKeys = new Set<string>();
  for (const c of framework.criteria) {
    if (criterionKeys.has(c.key)) problems.push(`duplicate criterion key "${c.key}"`);
    criterionKeys.add(c.key);
    if (!pillarKeys.has(c.pillarKey)) problems.push(`criterion "${c.key}" is in unknown pillar "${c.pillarKey}"`);
    if (!(Number.isFinite(c.weight) && c.weight > 0))
      problems.push(`criterion "${c.key}" has weight ${c.weight}; it must be a positive number`);
    if (!isLevel(c.targetLevel))
      problems.push(`criterion "${c.key}" has target level ${String(c.targetLevel)}; it must be 0, 1, 2 or 3`);
  }
  const { ready, conditional } = framework.thresholds;
  if (!Number.isFinite(ready)) problems.push(`thresholds.ready must be a finite number`);
  if (!Number.isFinite(conditional)) problems.push(`thresholds.conditional must be a finite number`);
  return problems;
}

function isLevel(n: unknown): n is Level {
  return n === 0 || n === 1 || n === 2 || n === 3;
}

/** Own-property lookup, so a key such as "constructor" never reads Object.prototype. */
function answerFor(answers: Answers, key: string): Answer | undefined {
  return Object.prototype.hasOwnProperty.call(answers, key) ? answers[key] : undefined;
}

type Classified = { state: "unanswered" } | { state: "na" } | { state: "level"; level: Level };

function classify(answer: Answer | undefined): Classified {
  if (answer?.kind === "na") return { state: "na" };
  if (answer?.kind === "level") return { state: "level", level: answer.level };
  return { state: "unanswered" };
}

/**
 * Scores an assessment against a framework.
 *
 * - Pillar score = 100 × Σ(weight × level) / Σ(weight × 3) over the pillar's answered, applicable
 *   criteria; null when there are none.
 * - Coverage = answered applicable / applicable, overall and per pillar; null when nothing is
 *   applicable (the overall null coverage counts as complete).
 * - Readiness = lowest non-null pillar score; mean = mean of non-null pillar scores.
 * - Verdict, first match: INCOMPLETE (coverage < 1), BLOCKED (an applicable gate below its
 *   target), READY (readiness ≥ ready), CONDITIONAL (≥ conditional), NOT_READY.
 * - Gaps = answered applicable criteria below target: gates first, then weight × (target − level)
 *   descending, then framework order.
 *
 * N/A criteria are left out of every sum and of the gaps. Answers for keys that are not in the
 * framework are ignored. Throws an Error if the framework is structurally invalid
 * (see `validateFrameworkSpec`).
 */
export function scoreAssessment(framework: FrameworkSpec, answers: Answers): ScoreResult {
  const problems = validateFrameworkSpec(framework);
  if (problems.length > 0) throw new Error(`Invalid framework: ${problems.join("; ")}`);

  interface PillarAcc {
    earned: number;
    possible: number;
    answered: number;
    applicable: number;
  }
  const acc = new Map<string, PillarAcc>();
  for (const p of framework.pillars) acc.set(p.key, { earned: 0, possible: 0, answered: 0, applicable: 0 });

  let answered = 0;
  let applicable = 0;
  let gateBlocks = false;
  const gates: GateResult[] = [];
  const gaps: (Gap & { order: number })[] = [];

  framework.criteria.forEach((c: CriterionSpec, order) => {
    const a = classify(answerFor(answers, c.key));
    const pillar = acc.get(c.pillarKey);
    // validateFrameworkSpec guarantees the pillar exists.
    if (!pillar) throw new Error(`unreachable: unknown pillar "${c.pillarKey}"`);

    if (a.state !== "na") {
      applicable += 1;
      pillar.applicable += 1;
    }
    if (a.state === "level") {
      answered += 1;
      pillar.answered += 1;
      pillar.earned += c.weight * a.level;
      pillar.possible += c.weight * MAX_LEVEL;
      if (a.level < c.targetLevel) {
        if (c.isGate) gateBlocks = true;
        gaps.push({
          key: c.key,
          title: c.title,
          pillarKey: c.pillarKey,
          level: a.level,
          targetLevel: c.targetLevel,
          isGate: c.isGate,
          weight: c.weight,
          priority: c.weight * (c.targetLevel - a.level),
          remediation: c.remediation,
          order,
        });
      }
    }

    if (c.isGate) {
      gates.push({
        key: c.key,
        title: c.title,
        pillarKey: c.pillarKey,
        level: a.state === "level" ? a.level : null,
        targetLevel: c.targetLevel,
        status:
          a.state === "na"
            ? "not_applicable"
            : a.state === "unanswered"
              ? "unanswered"
              : a.level >= c.targetLevel
                ? "met"
                : "unmet",
      });
    }
  });

  const pillars: PillarResult[] = framework.pillars.map((p) => {
    const s = acc.get(p.key) ?? { earned: 0, possible: 0, answered: 0, applicable: 0 };
    return {
      key: p.key,
      title: p.title,
      // Multiply before dividing, so exact ratios (e.g. 9/12 → 75) stay exact; clamp, because with
      // fractional weights rounding can land a hair above 100 (e.g. 100 × 3w / 3w = 100.00000000000001).
      score: s.answered > 0 && s.possible > 0 ? Math.min(100, (100 * s.earned) / s.possible) : null,
      coverage: s.applicable > 0 ? s.answered / s.applicable : null,
      answered: s.answered,
      applicable: s.applicable,
    };
  });

  const scores = pillars.flatMap((p) => (p.score === null ? [] : [p.score]));
  const readiness = scores.length > 0 ? Math.min(...scores) : null;
  const mean = scores.length > 0 ? scores.reduce((sum, s) => sum + s, 0) / scores.length : null;
  const coverage = applicable > 0 ? answered / applicable : null;

  let verdict: Verdict;
  if (coverage !== null && coverage < 1) verdict = "INCOMPLETE";
  else if (gateBlocks) verdict = "BLOCKED";
  else if (readiness !== null && readiness >= framework.thresholds.ready) verdict = "READY";
  else if (readiness !== null && readiness >= framework.thresholds.conditional) verdict = "CONDITIONAL";
  else verdict = "NOT_READY";

  gaps.sort((x, y) => Number(y.isGate) - Number(x.isGate) || y.priority - x.priority || x.order - y.order);

  return {
    pillars,
    coverage,
    answered,
    applicable,
    readiness,
    mean,
    verdict,
    gates,
    gaps: gaps.map(({ order: _order, ...gap }) => gap),
  };
}
