import { Badge } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { Verdict } from "@/modules/scoring";

export const VERDICT_LABELS: Record<Verdict, string> = {
  READY: "Ready",
  CONDITIONAL: "Conditional",
  NOT_READY: "Not ready",
  BLOCKED: "Blocked",
  INCOMPLETE: "Incomplete",
};

/** What each verdict means, in one line. */
export const VERDICT_DESCRIPTIONS: Record<Verdict, string> = {
  READY: "Every gate is met and even the weakest pillar reaches the ready threshold: fit to run in production.",
  CONDITIONAL:
    "Every gate is met, but the weakest pillar is below the ready threshold: close the top gaps, or go live only with agreed conditions.",
  NOT_READY: "Every gate is met, but the weakest pillar is below the conditional threshold: substantial work remains.",
  BLOCKED: "At least one gate is below its target level: this pilot cannot go to production until it is met.",
  INCOMPLETE: "Some applicable criteria are unanswered, so there is no verdict on readiness yet.",
};

// Colour supports the label, never replaces it: each badge also carries its own symbol and text.
const STYLES: Record<Verdict, { className: string; symbol: string }> = {
  READY: { className: "bg-emerald-50 text-emerald-800 ring-emerald-300", symbol: "✓" },
  CONDITIONAL: { className: "bg-amber-50 text-amber-900 ring-amber-300", symbol: "!" },
  NOT_READY: { className: "bg-orange-50 text-orange-900 ring-orange-300", symbol: "✕" },
  BLOCKED: { className: "bg-red-50 text-red-800 ring-red-300", symbol: "⊘" },
  INCOMPLETE: { className: "bg-slate-100 text-slate-700 ring-slate-300", symbol: "…" },
};

export function VerdictBadge({ verdict, size = "sm" }: { verdict: Verdict; size?: "sm" | "lg" }) {
  const style = STYLES[verdict];
  return (
    <Badge className={cn(style.className, size === "lg" && "gap-1.5 px-3 py-1 text-sm font-semibold")}>
      <span aria-hidden="true" className={size === "lg" ? "mr-0.5" : "mr-1"}>
        {style.symbol}
      </span>
      {VERDICT_LABELS[verdict]}
    </Badge>
  );
}
