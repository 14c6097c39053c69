import Link from "next/link";
import { cn } from "@/components/ui/cn";
import { plural, formatNumber } from "@/lib/format";

/**
 * A bar chart in plain HTML: one row per value with its label, a bar and its count, as text a
 * screen reader reads and a printer prints. No JavaScript. A row with an `href` is a link (a
 * bar filters the dashboard by its value); bars are scaled to the largest value.
 */
export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** The bar's background class (its colour). */
  barClass: string;
  /** A second line under the label (e.g. "median 34 days in stage"). */
  detail?: string;
  /** Where selecting the row goes; no link when left out. */
  href?: string;
  /** The value is already in the filter: marked, not a link. */
  selected?: boolean;
}

export function BarList({ label, items, unit = "pilot" }: { label: string; items: BarItem[]; unit?: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <ul aria-label={label} className="space-y-0.5">
      {items.map((item) => {
        const share = (item.value / max) * 100;
        const row = (
          <>
            <span className="min-w-0">
              <span className={cn("block truncate", item.href && "text-brand-700 group-hover:underline")}>
                {item.label}
                {item.selected && <span className="ml-1 text-xs text-slate-500">(in the filter)</span>}
              </span>
              {item.detail && <span className="block text-xs text-slate-500">{item.detail}</span>}
            </span>
            <span aria-hidden="true" className="h-4 rounded-sm bg-slate-100">
              <span
                className={cn("block h-4 rounded-sm", item.barClass)}
                style={{ width: `${share}%`, minWidth: item.value > 0 ? 2 : 0 }}
              />
            </span>
            <span className="text-right tabular-nums">
              {formatNumber(item.value)}
              <span className="sr-only"> {plural(item.value, unit).replace(/^[\d,]+ /, "")}</span>
            </span>
          </>
        );
        const layout =
          "grid grid-cols-[minmax(0,9rem)_minmax(2rem,1fr)_3.5rem] items-center gap-x-3 rounded px-1 py-1 text-sm";
        return (
          <li key={item.key}>
            {item.href ? (
              <Link href={item.href} className={cn(layout, "group hover:bg-slate-50")}>
                {row}
              </Link>
            ) : (
              <div className={cn(layout, item.selected && "bg-brand-50 ring-1 ring-brand-100")}>{row}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
