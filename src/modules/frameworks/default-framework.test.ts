import { describe, expect, it } from "vitest";
import { scoreAssessment, validateFrameworkSpec, type Answer, type Level } from "../scoring";
import { DEFAULT_FRAMEWORK, toFrameworkSpec, type CriterionContent } from "./default-framework";

const PILLAR_KEYS = ["data", "evaluation", "guardrails", "observability", "operations", "ownership"];

const REQUIRED_GATES = [
  "ownership.owning-team", // a named owning team
  "operations.deploy-pipeline", // a deploy pipeline
  "evaluation.every-change", // evaluation against a real test set on every change
  "guardrails.uncertain-output", // a guardrail for unsafe or uncertain output
  "observability.cost-per-outcome", // a known cost per outcome
];

const allCriteria: CriterionContent[] = DEFAULT_FRAMEWORK.pillars.flatMap((p) => p.criteria);

function allAt(level: Level): Record<string, Answer> {
  return Object.fromEntries(allCriteria.map((c) => [c.key, { kind: "level", level } satisfies Answer]));
}

describe("DEFAULT_FRAMEWORK", () => {
  it("is Preflight Production Readiness, version 1, thresholds 75 / 50", () => {
    expect(DEFAULT_FRAMEWORK).toMatchObject({
      slug: "preflight-production-readiness",
      name: "Preflight Production Readiness",
      version: 1,
      thresholds: { ready: 75, conditional: 50 },
    });
  });

  it("has the six pillars of the production checklist, in order", () => {
    expect(DEFAULT_FRAMEWORK.pillars.map((p) => p.key)).toEqual(PILLAR_KEYS);
  });

  it("has 4–6 criteria per pillar", () => {
    for (const p of DEFAULT_FRAMEWORK.pillars) {
      expect(p.criteria.length, p.key).toBeGreaterThanOrEqual(4);
      expect(p.criteria.length, p.key).toBeLessThanOrEqual(6);
    }
  });

  it("has unique criterion keys of the form <pillar>.<kebab-name>", () => {
    const keys = allCriteria.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const p of DEFAULT_FRAMEWORK.pillars) {
      for (const c of p.criteria) {
        expect(c.key, c.key).toMatch(new RegExp(`^${p.key}\\.[a-z0-9]+(-[a-z0-9]+)*$`));
      }
    }
  });

  it("has unique pillar keys and unique titles within the framework", () => {
    expect(new Set(DEFAULT_FRAMEWORK.pillars.map((p) => p.key)).size).toBe(DEFAULT_FRAMEWORK.pillars.length);
    expect(new Set(allCriteria.map((c) => c.title)).size).toBe(allCriteria.length);
  });

  it("includes every required gate, marked as a gate", () => {
    const byKey = new Map(allCriteria.map((c) => [c.key, c]));
    for (const key of REQUIRED_GATES) {
      expect(byKey.get(key)?.isGate, key).toBe(true);
    }
  });

  it("has valid weights (1–3) and target levels (2–3)", () => {
    for (const c of allCriteria) {
      expect([1, 2, 3], c.key).toContain(c.weight);
      expect([2, 3], c.key).toContain(c.targetLevel);
    }
  });

  it("has no empty text anywhere, and four distinct level descriptions per criterion", () => {
    const texts: [string, string][] = [
      ["slug", DEFAULT_FRAMEWORK.slug],
      ["name", DEFAULT_FRAMEWORK.name],
      ["description", DEFAULT_FRAMEWORK.description],
    ];
    for (const p of DEFAULT_FRAMEWORK.pillars) {
      texts.push([`${p.key}.title`, p.title], [`${p.key}.description`, p.description]);
      for (const c of p.criteria) {
        texts.push(
          [`${c.key}.title`, c.title],
          [`${c.key}.whyItMatters`, c.whyItMatters],
          [`${c.key}.guidance`, c.guidance],
          [`${c.key}.remediation`, c.remediation],
          ...c.levels.map((l, i): [string, string] => [`${c.key}.levels[${i}]`, l]),
        );
        expect(c.levels, c.key).toHaveLength(4);
        expect(new Set(c.levels).size, c.key).toBe(4);
      }
    }
    for (const [where, text] of texts) {
      expect(text.trim().length, where).toBeGreaterThan(0);
      expect(text, where).toBe(text.trim());
    }
  });

  it("writes prose as full sentences (ending with a full stop)", () => {
    for (const c of allCriteria) {
      for (const text of [c.whyItMatters, c.guidance, c.remediation, ...c.levels]) {
        expect(text, c.key).toMatch(/[.)"]$/);
      }
    }
  });

  it("is frozen, so a published version cannot be changed by accident", () => {
    expect(Object.isFrozen(DEFAULT_FRAMEWORK)).toBe(true);
    expect(Object.isFrozen(DEFAULT_FRAMEWORK.pillars[0]?.criteria[0]?.levels)).toBe(true);
  });
});

describe("toFrameworkSpec", () => {
  const spec = toFrameworkSpec(DEFAULT_FRAMEWORK);

  it("produces a valid spec that keeps display order and every scoring field", () => {
    expect(validateFrameworkSpec(spec)).toEqual([]);
    expect(spec.pillars).toEqual(DEFAULT_FRAMEWORK.pillars.map((p) => ({ key: p.key, title: p.title })));
    expect(spec.criteria.map((c) => c.key)).toEqual(allCriteria.map((c) => c.key));
    expect(spec.thresholds).toEqual({ ready: 75, conditional: 50 });
    for (const p of DEFAULT_FRAMEWORK.pillars) {
      for (const c of p.criteria) {
        expect(spec.criteria.find((s) => s.key === c.key)).toEqual({
          key: c.key,
          pillarKey: p.key,
          title: c.title,
          weight: c.weight,
          isGate: c.isGate,
          targetLevel: c.targetLevel,
          remediation: c.remediation,
        });
      }
    }
  });

  it("round-trips into scoreAssessment: all level 3 → READY with 100 everywhere", () => {
    const r = scoreAssessment(spec, allAt(3));
    expect(r.verdict).toBe("READY");
    expect(r.readiness).toBe(100);
    expect(r.coverage).toBe(1);
    expect(r.gaps).toEqual([]);
    expect(r.gates.every((g) => g.status === "met")).toBe(true);
  });

  it("round-trips into scoreAssessment: all level 0 → BLOCKED with gates ranked first", () => {
    const r = scoreAssessment(spec, allAt(0));
    expect(r.verdict).toBe("BLOCKED");
    expect(r.readiness).toBe(0);
    expect(r.gaps).toHaveLength(allCriteria.length);
    const gateCount = allCriteria.filter((c) => c.isGate).length;
    expect(r.gaps.slice(0, gateCount).every((g) => g.isGate)).toBe(true);
    expect(r.gates.every((g) => g.status === "unmet")).toBe(true);
  });

  it("with nothing answered the verdict is INCOMPLETE", () => {
    expect(scoreAssessment(spec, {}).verdict).toBe("INCOMPLETE");
  });

  it("does not share arrays with the (frozen) content", () => {
    expect(Object.isFrozen(spec.criteria)).toBe(false);
    expect(spec.pillars).not.toBe(DEFAULT_FRAMEWORK.pillars);
  });
});
