/**
 * Types of the scoring engine. Pure data: no database, no React.
 * See docs/scoring.md for the contract these types carry.
 */

/** Maturity level: 0 absent, 1 ad hoc, 2 defined (documented, on a schedule), 3 automated. */
export type Level = 0 | 1 | 2 | 3;

export const LEVELS: readonly Level[] = [0, 1, 2, 3];

/** The highest level; pillar scores are measured against it. */
export const MAX_LEVEL = 3 satisfies Level;

export const VERDICTS = ["INCOMPLETE", "BLOCKED", "READY", "CONDITIONAL", "NOT_READY"] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface CriterionSpec {
  key: string;
  pillarKey: string;
  title: string;
  /** Positive, finite. */
  weight: number;
  /** A gate must reach its target level before the pilot can be called ready. */
  isGate: boolean;
  targetLevel: Level;
  remediation: string;
}

export interface PillarSpec {
  key: string;
  title: string;
}

/** Verdict thresholds on the readiness score (0–100). Default 75 / 50. */
export interface Thresholds {
  ready: number;
  conditional: number;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({ ready: 75, conditional: 50 });

/** The order of the arrays is the display order. */
export interface FrameworkSpec {
  pillars: PillarSpec[];
  criteria: CriterionSpec[];
  thresholds: Thresholds;
}

export type Answer = { kind: "level"; level: Level } | { kind: "na"; reason: string };

/** Answers by criterion key; a missing key (or `undefined`) means unanswered. */
export type Answers = Readonly<Record<string, Answer | undefined>>;

export interface PillarResult {
  key: string;
  title: string;
  /** 0–100; null when the pillar has no answered, applicable criterion. */
  score: number | null;
  /** 0–1; null when the pillar has no applicable criterion. */
  coverage: number | null;
  answered: number;
  applicable: number;
}

export interface GateResult {
  key: string;
  title: string;
  pillarKey: string;
  /** The answered level; null when unanswered or not applicable. */
  level: Level | null;
  targetLevel: Level;
  status: "met" | "unmet" | "unanswered" | "not_applicable";
}

export interface Gap {
  key: string;
  title: string;
  pillarKey: string;
  level: Level;
  targetLevel: Level;
  isGate: boolean;
  weight: number;
  /** weight × (targetLevel − level) */
  priority: number;
  remediation: string;
}

export interface ScoreResult {
  /** In framework order. */
  pillars: PillarResult[];
  /** 0–1; null when no criterion is applicable (treated as complete). */
  coverage: number | null;
  answered: number;
  applicable: number;
  /** The lowest non-null pillar score (weakest link); null if no pillar has a score. */
  readiness: number | null;
  /** The mean of the non-null pillar scores; null if no pillar has a score. Shown beside readiness, never instead. */
  mean: number | null;
  verdict: Verdict;
  /** Every gate criterion, in framework order. */
  gates: GateResult[];
  /** Answered, applicable criteria below their target level: gates first, then priority descending, then framework order. */
  gaps: Gap[];
}
