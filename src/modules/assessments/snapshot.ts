import type { ScoreResult } from "@/modules/scoring";

/**
 * The rows a completed assessment's snapshot is stored as: one per pillar, one per ranked gap.
 * Used by completion and by the bulk portfolio generator, so both store exactly the same thing.
 */
export function snapshotRows(assessmentId: string, score: ScoreResult) {
  return {
    pillarScores: score.pillars.map((p, position) => ({
      assessmentId,
      pillarKey: p.key,
      pillarTitle: p.title,
      position,
      score: p.score,
      coverage: p.coverage,
    })),
    gaps: score.gaps.map((g, rank) => ({
      assessmentId,
      criterionKey: g.key,
      criterionTitle: g.title,
      pillarKey: g.pillarKey,
      isGate: g.isGate,
      level: g.level,
      targetLevel: g.targetLevel,
      priority: g.priority,
      rank,
      remediation: g.remediation,
    })),
  };
}
