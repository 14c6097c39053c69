import type { FrameworkSpec, Level } from "@/modules/scoring";

/** A framework version as the assessment and results pages need it. */
export interface VersionContent {
  id: string;
  frameworkId: string;
  frameworkName: string;
  version: number;
  status: "DRAFT" | "PUBLISHED";
  thresholds: { ready: number; conditional: number };
  pillars: {
    id: string;
    key: string;
    title: string;
    description: string;
    criteria: {
      id: string;
      key: string;
      title: string;
      whyItMatters: string;
      guidance: string;
      levels: string[];
      weight: number;
      isGate: boolean;
      targetLevel: Level;
      remediation: string;
    }[];
  }[];
}

/** The scoring engine's view of a version (pure: used on the server and in the browser). */
export function toSpec(content: VersionContent): FrameworkSpec {
  return {
    pillars: content.pillars.map((p) => ({ key: p.key, title: p.title })),
    criteria: content.pillars.flatMap((p) =>
      p.criteria.map((c) => ({
        key: c.key,
        pillarKey: p.key,
        title: c.title,
        weight: c.weight,
        isGate: c.isGate,
        targetLevel: c.targetLevel,
        remediation: c.remediation,
      })),
    ),
    thresholds: content.thresholds,
  };
}
