import type { VerdictFilter } from "../filters";

/**
 * Heatmap colours in five bands; each cell also shows its number, so colour never carries
 * meaning alone. Bands follow the default thresholds (75 ready, 50 conditional).
 */
export function scoreCellClass(score: number | null): string {
  if (score === null) return "bg-slate-50 text-slate-400";
  if (score >= 90) return "bg-emerald-600 text-white";
  if (score >= 75) return "bg-emerald-200 text-emerald-950";
  if (score >= 50) return "bg-amber-200 text-amber-950";
  if (score >= 25) return "bg-orange-300 text-orange-950";
  return "bg-red-500 text-white";
}

export const SCORE_BANDS = [
  { label: "90–100", className: "bg-emerald-600 text-white" },
  { label: "75–89", className: "bg-emerald-200 text-emerald-950" },
  { label: "50–74", className: "bg-amber-200 text-amber-950" },
  { label: "25–49", className: "bg-orange-300 text-orange-950" },
  { label: "0–24", className: "bg-red-500 text-white" },
  { label: "not scored", className: "bg-slate-50 text-slate-400 ring-1 ring-slate-200" },
];

/** The bar of each verdict in a bar chart (the dashboard's and the shared report's). */
export const VERDICT_BAR_CLASS: Record<VerdictFilter, string> = {
  READY: "bg-emerald-600",
  CONDITIONAL: "bg-amber-500",
  NOT_READY: "bg-orange-600",
  BLOCKED: "bg-red-600",
  INCOMPLETE: "bg-slate-500",
  NOT_ASSESSED: "bg-slate-300",
};
