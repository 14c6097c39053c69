/**
 * What changed, criterion by criterion, between an assessment and the pilot's previous completed
 * one. Criteria are matched by key, so a change of framework version shows as criteria added to
 * or removed from the checklist. Only the answer's outcome counts (a level, not applicable, or no
 * answer); edited notes, evidence or N/A reasons alone are not a change. Pure.
 */
export type AnswerOutcome = { kind: "level"; level: number } | { kind: "na" } | { kind: "unanswered" };

export interface CriterionChange {
  key: string;
  title: string;
  pillarTitle: string;
  before: AnswerOutcome;
  after: AnswerOutcome;
  /** Up or down a level; `changed` when either side is not a level. */
  direction: "up" | "down" | "changed";
}

export interface ChangesSince {
  previous: { id: string; completedAt: string };
  /** In the framework's order. */
  changed: CriterionChange[];
  /** Criteria in both assessments with the same outcome. */
  unchanged: number;
  /** Criteria new in this assessment's framework version. */
  added: { key: string; title: string; pillarTitle: string; after: AnswerOutcome }[];
  /** Criteria of the previous assessment that this version no longer has. */
  removed: { key: string; title: string; before: AnswerOutcome }[];
}

export function outcomeOf(answer: { level: number | null; notApplicable: boolean } | undefined): AnswerOutcome {
  if (!answer) return { kind: "unanswered" };
  if (answer.notApplicable) return { kind: "na" };
  return answer.level === null ? { kind: "unanswered" } : { kind: "level", level: answer.level };
}

function sameOutcome(a: AnswerOutcome, b: AnswerOutcome): boolean {
  return a.kind === b.kind && (a.kind !== "level" || a.level === (b as { level: number }).level);
}

export function diffAnswers(
  previous: ChangesSince["previous"],
  now: {
    pillars: readonly { title: string; criteria: readonly { key: string; title: string }[] }[];
    answers: ReadonlyMap<string, { level: number | null; notApplicable: boolean }>;
  },
  before: readonly { key: string; title: string; level: number | null; notApplicable: boolean }[],
): ChangesSince {
  const beforeByKey = new Map(before.map((b) => [b.key, b]));
  const result: ChangesSince = { previous, changed: [], unchanged: 0, added: [], removed: [] };
  const seen = new Set<string>();
  for (const pillar of now.pillars) {
    for (const c of pillar.criteria) {
      seen.add(c.key);
      const after = outcomeOf(now.answers.get(c.key));
      const was = beforeByKey.get(c.key);
      if (!was) {
        result.added.push({ key: c.key, title: c.title, pillarTitle: pillar.title, after });
        continue;
      }
      const prior = outcomeOf(was);
      if (sameOutcome(prior, after)) {
        result.unchanged += 1;
        continue;
      }
      const direction =
        prior.kind === "level" && after.kind === "level" ? (after.level > prior.level ? "up" : "down") : "changed";
      result.changed.push({ key: c.key, title: c.title, pillarTitle: pillar.title, before: prior, after, direction });
    }
  }
  for (const b of before) {
    if (!seen.has(b.key)) result.removed.push({ key: b.key, title: b.title, before: outcomeOf(b) });
  }
  return result;
}
