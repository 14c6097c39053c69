import { cn } from "@/components/ui/cn";
import { LEVEL_NAMES } from "@/modules/assessments/shared";
import type { Distribution } from "../distribution";

const formatMedian = (m: number | null) => (m === null ? "—" : Number.isInteger(m) ? String(m) : m.toFixed(1));

/**
 * The revealed votes: one bar per level and one for "don't know", the median, and a flag when
 * the votes span two levels or more (the spread says more than the average).
 */
export function DistributionBars({
  distribution: d,
  tone = "light",
  size = "md",
}: {
  distribution: Distribution;
  tone?: "light" | "dark";
  size?: "md" | "lg";
}) {
  const rows = [
    ...d.counts.map((count, level) => ({ label: `${level} · ${LEVEL_NAMES[level]}`, count })),
    { label: "Don't know", count: d.unknown },
  ];
  const max = Math.max(1, ...rows.map((r) => r.count));
  const dark = tone === "dark";
  return (
    <div className={cn(size === "lg" ? "space-y-2 text-xl" : "space-y-1.5 text-sm")}>
      <ul className={size === "lg" ? "space-y-2" : "space-y-1.5"} aria-label="Votes by level">
        {rows.map((r) => (
          <li key={r.label} className="grid grid-cols-[9em_1fr_2.5em] items-center gap-3">
            <span className={dark ? "text-slate-200" : "text-slate-700"}>{r.label}</span>
            <span className={cn("block overflow-hidden rounded", dark ? "bg-slate-800" : "bg-slate-100")}>
              <span
                className={cn("block", size === "lg" ? "h-6" : "h-4", dark ? "bg-sky-400" : "bg-brand-600")}
                style={{ width: `${(r.count / max) * 100}%` }}
              />
            </span>
            <span className="text-right font-semibold tabular-nums">{r.count}</span>
          </li>
        ))}
      </ul>
      <p className={dark ? "text-slate-100" : "text-slate-800"}>
        Median <strong className="tabular-nums">{formatMedian(d.median)}</strong>
        {d.spread !== null && (
          <>
            {" "}
            · spread <strong className="tabular-nums">{d.spread}</strong>
          </>
        )}{" "}
        · {d.total} {d.total === 1 ? "vote" : "votes"}
      </p>
      {d.disagreement && (
        <p
          className={cn(
            "inline-block rounded px-2 py-1 font-semibold",
            dark ? "bg-amber-300 text-slate-950" : "bg-amber-100 text-amber-900",
          )}
        >
          Disagreement: the votes span {d.spread} levels
        </p>
      )}
    </div>
  );
}
