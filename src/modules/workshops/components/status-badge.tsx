import { cn } from "@/components/ui/cn";
import type { WorkshopStatus } from "../types";

const LABEL: Record<WorkshopStatus, string> = { DRAFT: "Not opened", OPEN: "Open", CLOSED: "Closed" };
const TONE: Record<WorkshopStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  OPEN: "bg-green-100 text-green-800",
  CLOSED: "bg-slate-800 text-white",
};

export function StatusBadge({ status }: { status: WorkshopStatus }) {
  return <span className={cn("rounded px-2 py-0.5 text-xs font-semibold", TONE[status])}>{LABEL[status]}</span>;
}
