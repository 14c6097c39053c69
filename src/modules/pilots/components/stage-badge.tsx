import type { PilotStage } from "@/generated/prisma/enums";
import { Badge } from "@/components/ui/card";
import { STAGE_LABELS } from "../stages";

const STAGE_STYLES: Record<PilotStage, string> = {
  IDEA: "bg-slate-100 text-slate-700 ring-slate-200",
  PILOT: "bg-sky-50 text-sky-800 ring-sky-200",
  PRODUCTION_INTENT: "bg-violet-50 text-violet-800 ring-violet-200",
  PRODUCTION: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  RETIRED: "bg-stone-100 text-stone-600 ring-stone-200",
};

export function StageBadge({ stage }: { stage: PilotStage }) {
  return <Badge className={STAGE_STYLES[stage]}>{STAGE_LABELS[stage]}</Badge>;
}
