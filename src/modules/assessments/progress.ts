import type { Evidence } from "./schemas";

/**
 * Where each criterion of an assessment stands, for the wizard's progress, the step it reopens
 * at and the warning before completing. Pure: used on the server and in the browser.
 *
 * - `unanswered`: no level and not marked not applicable (with a reason);
 * - `carried`: answered by a copy of the previous assessment's answer that nobody has confirmed
 *   yet ("carried over — confirm or change");
 * - `confirmed`: answered here, or carried over and then saved (even unchanged).
 */
export type AnswerStatus = "confirmed" | "carried" | "unanswered";

/** The fields of an answer that decide its status. */
export interface StatusInput {
  level: number | null;
  notApplicable: boolean;
  naReason: string | null;
  /** Carried over from the previous assessment and not saved since. */
  unconfirmed: boolean;
}

/** A carried-over answer that nobody has saved since: "carried over — confirm or change". */
export function isUnconfirmed(answer: { carriedOver: boolean; confirmedAt: string | null }): boolean {
  return answer.carriedOver && answer.confirmedAt === null;
}

export function answerStatus(answer: StatusInput | undefined): AnswerStatus {
  if (!answer) return "unanswered";
  const answered = answer.notApplicable ? Boolean(answer.naReason?.trim()) : answer.level !== null;
  if (!answered) return "unanswered";
  return answer.unconfirmed ? "carried" : "confirmed";
}

export interface StatusCounts {
  confirmed: number;
  carried: number;
  unanswered: number;
}

/** How many criteria are in each status; every criterion of the version is counted once. */
export function countStatuses(keys: readonly string[], byKey: (key: string) => StatusInput | undefined): StatusCounts {
  const counts: StatusCounts = { confirmed: 0, carried: 0, unanswered: 0 };
  for (const key of keys) counts[answerStatus(byKey(key))] += 1;
  return counts;
}

/**
 * The step (pillar index) an assessment reopens at: the pillar of the first criterion, in the
 * framework's order, that is unanswered or carried over and unconfirmed. When every criterion is
 * answered and confirmed, the review step (`pillars.length`).
 */
export function resumeStep(
  pillars: readonly { criteria: readonly { key: string }[] }[],
  byKey: (key: string) => StatusInput | undefined,
): number {
  const index = pillars.findIndex((p) => p.criteria.some((c) => answerStatus(byKey(c.key)) !== "confirmed"));
  return index === -1 ? pillars.length : index;
}

/** The content of an answer that carrying over copies and that "unchanged" compares. */
export interface AnswerContent {
  level: number | null;
  notApplicable: boolean;
  naReason: string | null;
  notes: string;
  evidence: readonly Evidence[];
}

/** True when two answers say the same: level or N/A with its reason, notes and evidence links. */
export function sameContent(a: AnswerContent, b: AnswerContent): boolean {
  const reason = (x: AnswerContent) => (x.notApplicable ? (x.naReason ?? "").trim() : "");
  return (
    a.notApplicable === b.notApplicable &&
    (a.notApplicable || a.level === b.level) &&
    reason(a) === reason(b) &&
    a.notes.trim() === b.notes.trim() &&
    a.evidence.length === b.evidence.length &&
    a.evidence.every((e, i) => e.url === b.evidence[i]!.url && e.label === b.evidence[i]!.label)
  );
}
