import { spendFigure, type SumsRow } from "./sums";
import type { RollupRow } from "./types";

/** One row per group (unit or team) from the group rows of `sums`, in group order. */
export function toRollup(sums: readonly SumsRow[]): RollupRow[] {
  return sums
    .filter((r) => !r.isTotal)
    .map((r) => ({
      group: r.group ?? "",
      pilots: r.pilots,
      assessed: r.assessed,
      ready: r.READY,
      medianReadiness: r.assessed > 0 ? r.medianReadiness : null,
      spend: spendFigure(r.spend, r.preProduction, r.withoutCost),
      stalled: r.stalled,
    }));
}
