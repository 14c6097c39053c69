import type { PilotStage } from "@/generated/prisma/enums";
import { STAGES } from "@/modules/pilots/shared";
import { NOT_ASSESSED } from "../filters";
import { VERDICT_DISPLAY_ORDER } from "./constants";
import { spendFigure, type SumsRow } from "./sums";
import type { PortfolioHeadline, VerdictCount } from "./types";

/** The headline from the total row of `sums`. */
export function toHeadline(all: SumsRow, retiredLeftOut: number): PortfolioHeadline {
  const byStage = Object.fromEntries(STAGES.map((stage) => [stage, all[stage]])) as Record<PilotStage, number>;
  return {
    total: all.pilots,
    byStage,
    assessed: all.assessed,
    assessedShare: all.pilots > 0 ? all.assessed / all.pilots : null,
    ready: all.READY,
    readyShare: all.assessed > 0 ? all.READY / all.assessed : null,
    medianReadiness: all.assessed > 0 ? all.medianReadiness : null,
    stalled: all.stalled,
    preProductionSpend: spendFigure(all.spend, all.preProduction, all.withoutCost),
    retiredLeftOut,
  };
}

/** Pilots per latest verdict, from the total row of `sums`; the rest are not assessed. */
export function toVerdicts(all: SumsRow): VerdictCount[] {
  return VERDICT_DISPLAY_ORDER.map((verdict) => ({
    verdict,
    pilots: verdict === NOT_ASSESSED ? all.pilots - all.assessed : all[verdict],
  }));
}
