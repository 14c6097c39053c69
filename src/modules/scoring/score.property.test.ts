import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  scoreAssessment,
  verdictRank,
  type Answer,
  type CriterionSpec,
  type FrameworkSpec,
  type Level,
  type ScoreResult,
} from "./index";

// ---- generators -------------------------------------------------------------------------------

const levelArb = fc.constantFrom<Level>(0, 1, 2, 3);

const weightArb = fc.oneof(
  fc.integer({ min: 1, max: 5 }),
  fc.double({ min: 0.01, max: 10, noNaN: true, noDefaultInfinity: true }),
);

const answerArb: fc.Arbitrary<Answer | undefined> = fc.oneof(
  { arbitrary: levelArb.map((level): Answer => ({ kind: "level", level })), weight: 6 },
  { arbitrary: fc.string({ maxLength: 12 }).map((reason): Answer => ({ kind: "na", reason })), weight: 2 },
  { arbitrary: fc.constant(undefined), weight: 1 },
);

const criterionShapeArb = fc.record({
  weight: weightArb,
  isGate: fc.boolean(),
  targetLevel: levelArb,
  answer: answerArb,
});

const thresholdsArb = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
  .map(([x, y]) => ({ ready: Math.max(x, y), conditional: Math.min(x, y) }));

interface Scenario {
  framework: FrameworkSpec;
  answers: Record<string, Answer | undefined>;
}

/** A random framework (1–5 pillars, 0–6 criteria each, shuffled criteria order) and answers. */
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    pillars: fc.array(fc.array(criterionShapeArb, { maxLength: 6 }), { minLength: 1, maxLength: 5 }),
    thresholds: fc.oneof(fc.constant({ ready: 75, conditional: 50 }), thresholdsArb),
    order: fc.array(fc.nat(), { maxLength: 40 }),
    strayAnswers: fc.dictionary(
      fc.string({ minLength: 1, maxLength: 6 }).map((s) => `stray.${s}`),
      answerArb,
      { maxKeys: 3 },
    ),
  })
  .map(({ pillars, thresholds, order, strayAnswers }) => {
    const criteria: CriterionSpec[] = [];
    const answers: Record<string, Answer | undefined> = { ...strayAnswers };
    pillars.forEach((shapes, p) => {
      shapes.forEach((s, i) => {
        const key = `p${p}.c${i}`;
        criteria.push({
          key,
          pillarKey: `p${p}`,
          title: key,
          weight: s.weight,
          isGate: s.isGate,
          targetLevel: s.targetLevel,
          remediation: `fix ${key}`,
        });
        if (s.answer !== undefined || i % 2 === 0) answers[key] = s.answer;
      });
    });
    // Interleave pillars in the criteria array, so "framework order" is not grouped by pillar.
    const shuffled = criteria
      .map((c, i) => ({ c, k: order[i] ?? i }))
      .sort((a, b) => a.k - b.k)
      .map(({ c }) => c);
    return {
      framework: {
        pillars: pillars.map((_, p) => ({ key: `p${p}`, title: `Pillar ${p}` })),
        criteria: shuffled,
        thresholds,
      },
      answers,
    };
  });

/** Keys of criteria answered with a level (in framework order). */
function answeredKeys({ framework, answers }: Scenario): string[] {
  return framework.criteria.filter((c) => answers[c.key]?.kind === "level").map((c) => c.key);
}

function pick<T>(xs: readonly T[], n: number): T {
  const x = xs[n % xs.length];
  if (x === undefined) throw new Error("pick from empty array");
  return x;
}

const geq = (after: number | null, before: number | null) =>
  before === null ? after === null : after !== null && after >= before;

// FC_RUNS=20000 npx vitest run … for a deeper search.
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 500) };

// ---- properties -------------------------------------------------------------------------------

describe("scoring properties", () => {
  it("raising any one level never lowers a pillar score, readiness, mean or verdict rank", () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.integer({ min: 1, max: 3 }), (s, n, by) => {
        const raisable = answeredKeys(s).filter((k) => {
          const a = s.answers[k];
          return a?.kind === "level" && a.level < 3;
        });
        fc.pre(raisable.length > 0);
        const key = pick(raisable, n);
        const a = s.answers[key];
        if (a?.kind !== "level") throw new Error("unreachable");
        const raised = Math.min(3, a.level + by) as Level;

        const before = scoreAssessment(s.framework, s.answers);
        const after = scoreAssessment(s.framework, { ...s.answers, [key]: { kind: "level", level: raised } });

        after.pillars.forEach((p, i) => expect(geq(p.score, before.pillars[i]?.score ?? null)).toBe(true));
        expect(geq(after.readiness, before.readiness)).toBe(true);
        expect(geq(after.mean, before.mean)).toBe(true);
        expect(verdictRank(after.verdict)).toBeGreaterThanOrEqual(verdictRank(before.verdict));
      }),
      RUNS,
    );
  });

  it("turning an answered criterion into N/A never changes the other pillars", () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.string(), (s, n, reason) => {
        const keys = answeredKeys(s);
        fc.pre(keys.length > 0);
        const key = pick(keys, n);
        const pillarKey = s.framework.criteria.find((c) => c.key === key)?.pillarKey;

        const before = scoreAssessment(s.framework, s.answers);
        const after = scoreAssessment(s.framework, { ...s.answers, [key]: { kind: "na", reason } });

        expect(after.pillars.filter((p) => p.key !== pillarKey)).toEqual(
          before.pillars.filter((p) => p.key !== pillarKey),
        );
        expect(after.gaps.some((g) => g.key === key)).toBe(false);
        expect(after.applicable).toBe(before.applicable - 1);
      }),
      RUNS,
    );
  });

  it("changing an N/A reason changes nothing", () => {
    fc.assert(
      fc.property(scenarioArb, fc.string(), (s, reason) => {
        const renamed = Object.fromEntries(
          Object.entries(s.answers).map(([k, a]) => [k, a?.kind === "na" ? { kind: "na" as const, reason } : a]),
        );
        expect(scoreAssessment(s.framework, renamed)).toEqual(scoreAssessment(s.framework, s.answers));
      }),
      RUNS,
    );
  });

  it("readiness is the min, and mean the mean, of the non-null pillar scores", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = scoreAssessment(s.framework, s.answers);
        const scores = r.pillars.map((p) => p.score).filter((x): x is number => x !== null);
        if (scores.length === 0) {
          expect(r.readiness).toBeNull();
          expect(r.mean).toBeNull();
        } else {
          expect(r.readiness).toBe(Math.min(...scores));
          expect(r.mean).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 9);
        }
      }),
      RUNS,
    );
  });

  it("every score is within 0–100 and every coverage within 0–1", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = scoreAssessment(s.framework, s.answers);
        const inRange = (x: number | null, hi: number) => x === null || (x >= 0 && x <= hi);
        for (const p of r.pillars) {
          expect(inRange(p.score, 100)).toBe(true);
          expect(inRange(p.coverage, 1)).toBe(true);
          expect(p.answered).toBeLessThanOrEqual(p.applicable);
        }
        expect(inRange(r.readiness, 100)).toBe(true);
        expect(inRange(r.mean, 100)).toBe(true);
        expect(inRange(r.coverage, 1)).toBe(true);
        expect(r.answered).toBeLessThanOrEqual(r.applicable);
      }),
      RUNS,
    );
  });

  it("the verdict follows the rules in order", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = scoreAssessment(s.framework, s.answers);
        const { ready, conditional } = s.framework.thresholds;
        const blocked = r.gates.some((g) => g.status === "unmet");
        const expected =
          r.coverage !== null && r.coverage < 1
            ? "INCOMPLETE"
            : blocked
              ? "BLOCKED"
              : r.readiness !== null && r.readiness >= ready
                ? "READY"
                : r.readiness !== null && r.readiness >= conditional
                  ? "CONDITIONAL"
                  : "NOT_READY";
        expect(r.verdict).toBe(expected);
        if (r.verdict === "READY") expect(r.gaps.filter((g) => g.isGate)).toEqual([]);
      }),
      RUNS,
    );
  });

  it("gaps are exactly the answered criteria below target, ranked gates → priority → framework order", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = scoreAssessment(s.framework, s.answers);
        const index = new Map(s.framework.criteria.map((c, i) => [c.key, i]));
        const expectedKeys = s.framework.criteria
          .filter((c) => {
            const a = s.answers[c.key];
            return a?.kind === "level" && a.level < c.targetLevel;
          })
          .map((c) => c.key);
        expect(new Set(r.gaps.map((g) => g.key))).toEqual(new Set(expectedKeys));
        expect(r.gaps).toHaveLength(expectedKeys.length);
        for (const g of r.gaps) expect(g.priority).toBe(g.weight * (g.targetLevel - g.level));
        for (let i = 1; i < r.gaps.length; i++) {
          const x = r.gaps[i - 1]!;
          const y = r.gaps[i]!;
          const ordered =
            (x.isGate && !y.isGate) ||
            (x.isGate === y.isGate &&
              (x.priority > y.priority || (x.priority === y.priority && index.get(x.key)! < index.get(y.key)!)));
          expect(ordered).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("answers for keys outside the framework are ignored", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const known = new Set(s.framework.criteria.map((c) => c.key));
        const onlyKnown = Object.fromEntries(Object.entries(s.answers).filter(([k]) => known.has(k)));
        const same = (a: ScoreResult, b: ScoreResult) => expect(a).toEqual(b);
        same(scoreAssessment(s.framework, s.answers), scoreAssessment(s.framework, onlyKnown));
      }),
      RUNS,
    );
  });
});
