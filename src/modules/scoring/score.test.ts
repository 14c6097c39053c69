import { describe, expect, it } from "vitest";
import {
  DEFAULT_THRESHOLDS,
  VERDICTS,
  roundScore,
  scoreAssessment,
  validateFrameworkSpec,
  verdictRank,
  type Answer,
  type Answers,
  type CriterionSpec,
  type FrameworkSpec,
  type Level,
} from "./index";

// ---- helpers -------------------------------------------------------------------------------

function crit(key: string, over: Partial<CriterionSpec> = {}): CriterionSpec {
  return {
    key,
    pillarKey: key.split(".")[0] ?? "p",
    title: `Title ${key}`,
    weight: 1,
    isGate: false,
    targetLevel: 2,
    remediation: `Fix ${key}`,
    ...over,
  };
}

function framework(criteria: CriterionSpec[], over: Partial<FrameworkSpec> = {}): FrameworkSpec {
  const pillarKeys = [...new Set(criteria.map((c) => c.pillarKey))];
  return {
    pillars: pillarKeys.map((key) => ({ key, title: `Pillar ${key}` })),
    criteria,
    thresholds: { ...DEFAULT_THRESHOLDS },
    ...over,
  };
}

const L = (level: Level): Answer => ({ kind: "level", level });
const NA: Answer = { kind: "na", reason: "not used here" };

/** Every criterion answered at the same level. */
function allAt(fw: FrameworkSpec, level: Level): Record<string, Answer> {
  return Object.fromEntries(fw.criteria.map((c) => [c.key, L(level)]));
}

// ---- pillar score ---------------------------------------------------------------------------

describe("pillar score", () => {
  it("is 100 × Σ(weight × level) / Σ(weight × 3) over answered applicable criteria", () => {
    const fw = framework([crit("a.x", { weight: 1 }), crit("a.y", { weight: 3 })]);
    const r = scoreAssessment(fw, { "a.x": L(3), "a.y": L(1) });
    // (1×3 + 3×1) / (1×3 + 3×3) = 6 / 12
    expect(r.pillars[0]?.score).toBe(50);
  });

  it("leaves unanswered criteria out of the sums", () => {
    const fw = framework([crit("a.x"), crit("a.y", { weight: 3 })]);
    const r = scoreAssessment(fw, { "a.x": L(2) });
    expect(r.pillars[0]?.score).toBeCloseTo((100 * 2) / 3, 12);
  });

  it("leaves N/A criteria out of the sums", () => {
    const fw = framework([crit("a.x"), crit("a.y", { weight: 3 })]);
    const r = scoreAssessment(fw, { "a.x": L(3), "a.y": NA });
    expect(r.pillars[0]?.score).toBe(100);
  });

  it("is null when the pillar has no answered applicable criterion", () => {
    const fw = framework([crit("a.x"), crit("b.x")]);
    const r = scoreAssessment(fw, { "a.x": L(1) });
    expect(r.pillars.map((p) => p.score)).toEqual([100 / 3, null]);
  });

  it("is null for an all-N/A pillar, which gets null coverage too", () => {
    const fw = framework([crit("a.x"), crit("a.y"), crit("b.x")]);
    const r = scoreAssessment(fw, { "a.x": NA, "a.y": NA, "b.x": L(3) });
    expect(r.pillars[0]).toMatchObject({ key: "a", score: null, coverage: null, answered: 0, applicable: 0 });
    expect(r.pillars[1]).toMatchObject({ key: "b", score: 100, coverage: 1 });
  });

  it("is null for a pillar that has no criteria at all", () => {
    const fw: FrameworkSpec = {
      ...framework([crit("a.x")]),
      pillars: [
        { key: "a", title: "A" },
        { key: "empty", title: "E" },
      ],
    };
    const r = scoreAssessment(fw, { "a.x": L(3) });
    expect(r.pillars[1]).toEqual({ key: "empty", title: "E", score: null, coverage: null, answered: 0, applicable: 0 });
    expect(r.verdict).toBe("READY");
  });

  it("never exceeds 100 with fractional weights (float rounding is clamped)", () => {
    const fw = framework([crit("a.x", { weight: 0.0309176306299024 })]);
    expect(scoreAssessment(fw, { "a.x": L(3) }).pillars[0]?.score).toBe(100);
  });

  it("keeps full precision (no rounding in results)", () => {
    const fw = framework([crit("a.x"), crit("a.y"), crit("a.z")]);
    const r = scoreAssessment(fw, { "a.x": L(1), "a.y": L(1), "a.z": L(0) });
    expect(r.pillars[0]?.score).toBe((100 * 2) / 9);
  });

  it("lists pillars in framework order with their titles", () => {
    const fw: FrameworkSpec = {
      pillars: [
        { key: "z", title: "Zed" },
        { key: "a", title: "Ay" },
      ],
      criteria: [crit("a.x"), crit("z.x")],
      thresholds: DEFAULT_THRESHOLDS,
    };
    const r = scoreAssessment(fw, {});
    expect(r.pillars.map((p) => [p.key, p.title])).toEqual([
      ["z", "Zed"],
      ["a", "Ay"],
    ]);
  });
});

// ---- coverage -------------------------------------------------------------------------------

describe("coverage", () => {
  it("is answered applicable / applicable, overall and per pillar; N/A is not applicable", () => {
    const fw = framework([crit("a.x"), crit("a.y"), crit("a.z"), crit("b.x"), crit("b.y")]);
    const r = scoreAssessment(fw, { "a.x": L(0), "a.y": NA, "b.x": L(2) });
    expect(r.answered).toBe(2);
    expect(r.applicable).toBe(4);
    expect(r.coverage).toBe(0.5);
    expect(r.pillars.map((p) => [p.answered, p.applicable, p.coverage])).toEqual([
      [1, 2, 0.5],
      [1, 2, 0.5],
    ]);
  });

  it("is null overall when every criterion is N/A, and that counts as complete", () => {
    const fw = framework([crit("a.x"), crit("b.x", { isGate: true })]);
    const r = scoreAssessment(fw, { "a.x": NA, "b.x": NA });
    expect(r.coverage).toBeNull();
    expect(r.applicable).toBe(0);
    expect(r.verdict).not.toBe("INCOMPLETE");
  });

  it("treats an explicit undefined answer as unanswered", () => {
    const fw = framework([crit("a.x"), crit("a.y")]);
    const r = scoreAssessment(fw, { "a.x": L(3), "a.y": undefined });
    expect(r.coverage).toBe(0.5);
    expect(r.verdict).toBe("INCOMPLETE");
  });

  it("ignores answers for keys that are not in the framework", () => {
    const fw = framework([crit("a.x")]);
    const withExtra = scoreAssessment(fw, { "a.x": L(2), "a.ghost": L(0), "zzz.ghost": NA });
    const without = scoreAssessment(fw, { "a.x": L(2) });
    expect(withExtra).toEqual(without);
  });

  it("never reads inherited properties as answers (e.g. a criterion keyed 'constructor')", () => {
    const fw = framework([crit("constructor", { pillarKey: "a" }), crit("toString", { pillarKey: "a" })]);
    const r = scoreAssessment(fw, {});
    expect(r.answered).toBe(0);
    expect(r.verdict).toBe("INCOMPLETE");
  });
});

// ---- readiness and mean -----------------------------------------------------------------------

describe("readiness and mean", () => {
  it("readiness is the lowest non-null pillar score; mean is their mean", () => {
    const fw = framework([crit("a.x"), crit("b.x"), crit("c.x"), crit("d.x")]);
    const r = scoreAssessment(fw, { "a.x": L(3), "b.x": L(1), "c.x": L(2), "d.x": NA });
    expect(r.readiness).toBeCloseTo(100 / 3, 12);
    expect(r.mean).toBeCloseTo((100 + 100 / 3 + 200 / 3) / 3, 12);
  });

  it("both are null when no pillar has a score", () => {
    const fw = framework([crit("a.x"), crit("b.x")]);
    expect(scoreAssessment(fw, {})).toMatchObject({ readiness: null, mean: null });
    expect(scoreAssessment(fw, { "a.x": NA, "b.x": NA })).toMatchObject({ readiness: null, mean: null });
  });

  it("a null pillar does not drag readiness down", () => {
    const fw = framework([crit("a.x"), crit("b.x")]);
    const r = scoreAssessment(fw, { "a.x": L(3), "b.x": NA });
    expect(r.readiness).toBe(100);
    expect(r.mean).toBe(100);
  });
});

// ---- verdict ----------------------------------------------------------------------------------

describe("verdict", () => {
  it("is INCOMPLETE when coverage < 1, even with an unmet gate and a high score", () => {
    const fw = framework([crit("a.x", { isGate: true }), crit("a.y"), crit("b.x")]);
    const r = scoreAssessment(fw, { "a.x": L(0), "a.y": L(3) });
    expect(r.verdict).toBe("INCOMPLETE");
  });

  it("is BLOCKED when an applicable gate is below its target, whatever the score", () => {
    const fw = framework([crit("a.gate", { isGate: true, targetLevel: 2, weight: 1 }), crit("a.y", { weight: 3 })]);
    const r = scoreAssessment(fw, { "a.gate": L(1), "a.y": L(3) });
    expect(r.readiness).toBeGreaterThan(75);
    expect(r.verdict).toBe("BLOCKED");
  });

  it("is not BLOCKED by a gate exactly at its target", () => {
    const fw = framework([crit("a.gate", { isGate: true, targetLevel: 3 })]);
    expect(scoreAssessment(fw, { "a.gate": L(3) }).verdict).toBe("READY");
    expect(scoreAssessment(fw, { "a.gate": L(2) }).verdict).toBe("BLOCKED");
  });

  it("respects each gate's own target level", () => {
    const fw = framework([crit("a.g1", { isGate: true, targetLevel: 1 }), crit("a.x")]);
    // gate at level 1 meets target 1; score = (1+3)/6 = 66.7 → CONDITIONAL
    expect(scoreAssessment(fw, { "a.g1": L(1), "a.x": L(3) }).verdict).toBe("CONDITIONAL");
  });

  it("a gate answered N/A does not block", () => {
    const fw = framework([crit("a.gate", { isGate: true }), crit("a.x")]);
    const r = scoreAssessment(fw, { "a.gate": NA, "a.x": L(3) });
    expect(r.verdict).toBe("READY");
  });

  it("a non-gate below target does not block", () => {
    const fw = framework([crit("a.x", { targetLevel: 3 }), crit("a.y")]);
    expect(scoreAssessment(fw, { "a.x": L(2), "a.y": L(3) }).verdict).toBe("READY");
  });

  it("is READY at exactly 75 and CONDITIONAL just below", () => {
    // 4 criteria of weight 1: levels summing to 9 of 12 = 75 exactly
    const fw = framework([crit("a.w"), crit("a.x"), crit("a.y"), crit("a.z")]);
    const at75 = scoreAssessment(fw, { "a.w": L(3), "a.x": L(3), "a.y": L(3), "a.z": L(0) });
    expect(at75.readiness).toBe(75);
    expect(at75.verdict).toBe("READY");
    // 6 criteria of weight 3, levels summing to 13 of 18 → 72.2
    const fw2 = framework(Array.from({ length: 6 }, (_, i) => crit(`a.c${i}`, { weight: 3 })));
    const below = scoreAssessment(fw2, {
      "a.c0": L(3),
      "a.c1": L(3),
      "a.c2": L(2),
      "a.c3": L(2),
      "a.c4": L(2),
      "a.c5": L(1),
    });
    expect(below.readiness).toBeLessThan(75);
    expect(below.verdict).toBe("CONDITIONAL");
  });

  it("is CONDITIONAL at exactly 50 and NOT_READY just below", () => {
    const fw = framework([crit("a.x"), crit("a.y")]);
    const at50 = scoreAssessment(fw, { "a.x": L(3), "a.y": L(0) });
    expect(at50.readiness).toBe(50);
    expect(at50.verdict).toBe("CONDITIONAL");
    const fw3 = framework([crit("a.x"), crit("a.y"), crit("a.z")]);
    const below = scoreAssessment(fw3, { "a.x": L(2), "a.y": L(2), "a.z": L(0) }); // 44.4
    expect(below.verdict).toBe("NOT_READY");
  });

  it("uses the weakest pillar, not the mean", () => {
    const fw = framework([crit("a.x"), crit("b.x"), crit("c.x")]);
    const r = scoreAssessment(fw, { "a.x": L(3), "b.x": L(3), "c.x": L(1) });
    expect(r.mean).toBeGreaterThan(75);
    expect(r.verdict).toBe("NOT_READY");
  });

  it("uses the framework's own thresholds", () => {
    const fw = framework([crit("a.x"), crit("a.y")], { thresholds: { ready: 90, conditional: 60 } });
    const answers: Answers = { "a.x": L(3), "a.y": L(2) }; // 83.3
    expect(scoreAssessment(fw, answers).verdict).toBe("CONDITIONAL");
    expect(scoreAssessment({ ...fw, thresholds: { ready: 80, conditional: 60 } }, answers).verdict).toBe("READY");
    expect(scoreAssessment({ ...fw, thresholds: { ready: 95, conditional: 85 } }, answers).verdict).toBe("NOT_READY");
  });

  it("is NOT_READY when everything is N/A (complete, but no score)", () => {
    const fw = framework([crit("a.x"), crit("b.x")]);
    const r = scoreAssessment(fw, { "a.x": NA, "b.x": NA });
    expect(r.verdict).toBe("NOT_READY");
  });

  it("is NOT_READY for a framework with no criteria", () => {
    const r = scoreAssessment({ pillars: [], criteria: [], thresholds: DEFAULT_THRESHOLDS }, {});
    expect(r).toMatchObject({ coverage: null, readiness: null, mean: null, verdict: "NOT_READY", gates: [], gaps: [] });
  });

  it("a level-0 score with threshold 0 is READY (≥, not >)", () => {
    const fw = framework([crit("a.x", { targetLevel: 0 })], { thresholds: { ready: 0, conditional: 0 } });
    expect(scoreAssessment(fw, { "a.x": L(0) }).verdict).toBe("READY");
  });
});

describe("verdictRank", () => {
  it("orders INCOMPLETE < BLOCKED < NOT_READY < CONDITIONAL < READY", () => {
    expect(VERDICTS.map((v) => [v, verdictRank(v)])).toEqual([
      ["INCOMPLETE", 0],
      ["BLOCKED", 1],
      ["READY", 4],
      ["CONDITIONAL", 3],
      ["NOT_READY", 2],
    ]);
  });
});

// ---- gates ------------------------------------------------------------------------------------

describe("gates", () => {
  it("reports every gate in framework order with status met / unmet / unanswered / not_applicable", () => {
    const fw = framework([
      crit("a.met", { isGate: true, targetLevel: 2 }),
      crit("a.plain"),
      crit("b.unmet", { isGate: true, targetLevel: 3 }),
      crit("b.open", { isGate: true }),
      crit("c.na", { isGate: true }),
    ]);
    const r = scoreAssessment(fw, { "a.met": L(2), "a.plain": L(0), "b.unmet": L(2), "c.na": NA });
    expect(r.gates).toEqual([
      { key: "a.met", title: "Title a.met", pillarKey: "a", level: 2, targetLevel: 2, status: "met" },
      { key: "b.unmet", title: "Title b.unmet", pillarKey: "b", level: 2, targetLevel: 3, status: "unmet" },
      { key: "b.open", title: "Title b.open", pillarKey: "b", level: null, targetLevel: 2, status: "unanswered" },
      { key: "c.na", title: "Title c.na", pillarKey: "c", level: null, targetLevel: 2, status: "not_applicable" },
    ]);
  });

  it("an unanswered gate makes the verdict INCOMPLETE, not BLOCKED", () => {
    const fw = framework([crit("a.gate", { isGate: true }), crit("a.x")]);
    const r = scoreAssessment(fw, { "a.x": L(3) });
    expect(r.gates[0]?.status).toBe("unanswered");
    expect(r.verdict).toBe("INCOMPLETE");
  });
});

// ---- gaps -------------------------------------------------------------------------------------

describe("gaps", () => {
  it("are the answered applicable criteria below target, carrying priority and remediation", () => {
    const fw = framework([crit("a.x", { weight: 2, targetLevel: 3 }), crit("a.y"), crit("a.z"), crit("a.w")]);
    const r = scoreAssessment(fw, { "a.x": L(1), "a.y": L(2), "a.z": NA });
    expect(r.gaps).toEqual([
      {
        key: "a.x",
        title: "Title a.x",
        pillarKey: "a",
        level: 1,
        targetLevel: 3,
        isGate: false,
        weight: 2,
        priority: 4,
        remediation: "Fix a.x",
      },
    ]);
  });

  it("never include N/A or unanswered criteria", () => {
    const fw = framework([crit("a.x", { isGate: true }), crit("a.y")]);
    expect(scoreAssessment(fw, { "a.x": NA }).gaps).toEqual([]);
  });

  it("rank gates first, then priority descending", () => {
    const fw = framework([
      crit("a.big", { weight: 3, targetLevel: 3 }), // priority 9
      crit("a.gate", { weight: 1, isGate: true }), // priority 1
      crit("b.mid", { weight: 2, targetLevel: 3 }), // priority 4
      crit("b.gate", { weight: 2, isGate: true }), // priority 4
    ]);
    const r = scoreAssessment(fw, { "a.big": L(0), "a.gate": L(1), "b.mid": L(1), "b.gate": L(0) });
    expect(r.gaps.map((g) => [g.key, g.priority])).toEqual([
      ["b.gate", 4],
      ["a.gate", 1],
      ["a.big", 9],
      ["b.mid", 4],
    ]);
  });

  it("break ties by framework order", () => {
    const fw = framework([
      crit("b.first", { weight: 2 }),
      crit("a.second", { weight: 1, targetLevel: 3 }),
      crit("a.third", { weight: 2 }),
      crit("b.g1", { isGate: true }),
      crit("a.g2", { isGate: true }),
    ]);
    // priorities: b.first 2×2=4, a.second 1×(3−1)=2, a.third 2×(2−0)=4; gates both 1×2=2
    const r = scoreAssessment(fw, { "b.first": L(0), "a.second": L(1), "a.third": L(0), "b.g1": L(0), "a.g2": L(0) });
    expect(r.gaps.map((g) => g.key)).toEqual(["b.g1", "a.g2", "b.first", "a.third", "a.second"]);
  });

  it("are empty when everything meets its target", () => {
    const fw = framework([crit("a.x"), crit("a.y", { targetLevel: 3 })]);
    expect(scoreAssessment(fw, { "a.x": L(2), "a.y": L(3) }).gaps).toEqual([]);
  });
});

// ---- framework validation, purity, rounding ---------------------------------------------------

describe("framework validation", () => {
  it("accepts a well-formed framework", () => {
    expect(validateFrameworkSpec(framework([crit("a.x"), crit("b.x")]))).toEqual([]);
  });

  it("rejects duplicate keys, unknown pillars, bad weights and bad targets", () => {
    const fw: FrameworkSpec = {
      pillars: [
        { key: "a", title: "A" },
        { key: "a", title: "A again" },
      ],
      criteria: [
        crit("a.x"),
        crit("a.x"),
        crit("z.x"),
        crit("a.w0", { weight: 0 }),
        crit("a.wn", { weight: Number.NaN }),
        crit("a.t", { targetLevel: 4 as Level }),
      ],
      thresholds: { ready: Number.POSITIVE_INFINITY, conditional: 50 },
    };
    const problems = validateFrameworkSpec(fw);
    expect(problems).toHaveLength(7);
    expect(() => scoreAssessment(fw, {})).toThrow(/Invalid framework/);
  });
});

describe("purity", () => {
  it("does not mutate its inputs and gives the same result twice", () => {
    const fw = framework([crit("a.x", { isGate: true }), crit("b.x", { targetLevel: 3 })]);
    const answers: Answers = { "a.x": L(1), "b.x": L(2) };
    const fwCopy = structuredClone(fw);
    const answersCopy = structuredClone(answers);
    const first = scoreAssessment(fw, answers);
    expect(scoreAssessment(fw, answers)).toEqual(first);
    expect(fw).toEqual(fwCopy);
    expect(answers).toEqual(answersCopy);
  });
});

describe("roundScore", () => {
  it("rounds to one decimal, half up", () => {
    expect(roundScore(66.66666)).toBe(66.7);
    expect(roundScore(33.33333)).toBe(33.3);
    expect(roundScore(74.95)).toBe(75);
    expect(roundScore(12.25)).toBe(12.3);
    expect(roundScore(100)).toBe(100);
    expect(roundScore(0)).toBe(0);
  });

  it("passes null through", () => {
    expect(roundScore(null)).toBeNull();
  });

  it("never returns -0", () => {
    expect(Object.is(roundScore(-0.01), 0)).toBe(true);
  });

  it("rounds results for display without changing the verdict input", () => {
    const fw = framework([crit("a.x"), crit("a.y"), crit("a.z")]);
    const r = scoreAssessment(fw, { "a.x": L(3), "a.y": L(2), "a.z": L(2) });
    expect(r.readiness).toBeCloseTo(700 / 9, 12);
    expect(roundScore(r.readiness)).toBe(77.8);
  });
});

describe("allAt helper sanity", () => {
  it("all level 3 is READY with 100 everywhere", () => {
    const fw = framework([crit("a.x", { isGate: true }), crit("b.x", { targetLevel: 3 })]);
    const r = scoreAssessment(fw, allAt(fw, 3));
    expect(r).toMatchObject({ readiness: 100, mean: 100, coverage: 1, verdict: "READY", gaps: [] });
  });
});
