import { roundScore } from "@/modules/scoring";

const oneDecimal = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });

/** A 0–100 score for display (one decimal at most); a missing score is "Not scored", never 0. */
export function formatScore(score: number | null | undefined): string {
  return score == null ? "Not scored" : oneDecimal.format(roundScore(score));
}

/** Coverage 0–1 as a whole percentage, rounded down so that anything short of complete never shows 100%. */
export function formatCoverage(coverage: number | null | undefined): string {
  if (coverage == null) return "—";
  return `${Math.floor(coverage * 100 + 1e-9)}%`;
}

/** A change in points, signed: "+5.6", "−2", or "No change". */
export function formatChange(delta: number): string {
  const rounded = roundScore(delta);
  if (rounded === 0) return "No change";
  return `${rounded > 0 ? "+" : "−"}${oneDecimal.format(Math.abs(rounded))}`;
}

export function formatDay(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(value),
  );
}
