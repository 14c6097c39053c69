import Link from "next/link";
import { cn } from "./cn";
import { formatNumber } from "@/lib/format";

/**
 * Previous / Next and the page numbers around the current one, as plain links (the page lives
 * in the URL; no client JavaScript). `href(n)` builds the URL of page n, keeping the view's
 * other parameters. Nothing is rendered when everything fits on one page.
 */
export function Pagination({
  page,
  pageCount,
  href,
  className,
}: {
  page: number;
  pageCount: number;
  href: (page: number) => string;
  className?: string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pagination" className={cn("mt-4 flex items-center justify-between gap-3 text-sm", className)}>
      <Step label="Previous" target={page > 1 ? href(page - 1) : null} rel="prev" />
      <p className="text-slate-700 sm:hidden" aria-current="page">
        Page <span className="font-semibold tabular-nums">{formatNumber(page)}</span> of{" "}
        <span className="tabular-nums">{formatNumber(pageCount)}</span>
      </p>
      <ul className="hidden items-center gap-1 sm:flex">
        {pageWindow(page, pageCount).map((n, i) =>
          n === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-slate-400">
              …
            </li>
          ) : (
            <li key={n}>
              {n === page ? (
                <span aria-current="page" className={cn(NUMBER, "bg-brand-600 font-semibold text-white")}>
                  <span className="sr-only">Page </span>
                  {formatNumber(n)}
                </span>
              ) : (
                <Link href={href(n)} className={cn(NUMBER, "text-slate-700 hover:bg-slate-100")}>
                  <span className="sr-only">Page </span>
                  {formatNumber(n)}
                </Link>
              )}
            </li>
          ),
        )}
      </ul>
      <Step label="Next" target={page < pageCount ? href(page + 1) : null} rel="next" />
    </nav>
  );
}

const NUMBER = "inline-flex min-w-9 items-center justify-center rounded-md px-2 py-1.5 tabular-nums";
const STEP = "inline-flex items-center rounded-md px-3 py-2 font-semibold ring-1 ring-inset";

/** Previous or Next: a link, or, at either end, plain text marked disabled (not a dead link). */
function Step({ label, target, rel }: { label: string; target: string | null; rel: "prev" | "next" }) {
  const arrow = rel === "prev" ? "←" : "→";
  const content =
    rel === "prev" ? (
      <>
        <span aria-hidden="true">{arrow}</span>&nbsp;{label}
      </>
    ) : (
      <>
        {label}&nbsp;<span aria-hidden="true">{arrow}</span>
      </>
    );
  return target ? (
    <Link href={target} rel={rel} className={cn(STEP, "bg-white text-slate-800 ring-slate-300 hover:bg-slate-50")}>
      {content}
    </Link>
  ) : (
    <span aria-disabled="true" className={cn(STEP, "cursor-not-allowed text-slate-400 ring-slate-200")}>
      {content}
    </span>
  );
}

/** 1 … 4 5 6 … 20: the first, the last and the neighbours of the current page; null is a gap. */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, page - 1, page, page + 1, pageCount].filter((n) => n >= 1 && n <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of sorted) {
    const prev = out.at(-1);
    if (typeof prev === "number" && n - prev === 2) out.push(prev + 1);
    else if (typeof prev === "number" && n - prev > 2) out.push(null);
    out.push(n);
  }
  return out;
}
