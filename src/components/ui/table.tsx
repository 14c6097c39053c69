import Link from "next/link";
import { useId } from "react";
import { cn } from "./cn";

/**
 * The one table of the app: a server-rendered `<table>` with a caption, column headers
 * (optionally sort links driven by the URL), and a message in place of the table when there
 * are no rows. No client JavaScript. Wide tables scroll sideways inside their own region (which
 * keyboard users can focus and scroll), so the page itself never scrolls sideways on a phone.
 *
 *   <Table
 *     caption="Pilots"
 *     columns={[
 *       { key: "name", header: "Pilot", rowHeader: true, cell: (p) => p.name },
 *       { key: "cost", header: "Monthly cost", align: "right", cell: (p) => p.cost,
 *         sort: { href: "?sort=cost&dir=desc", direction: "descending" } },
 *     ]}
 *     rows={pilots}
 *     rowKey={(p) => p.id}
 *     empty="No pilots yet."
 *   />
 */

export type TableAlign = "left" | "center" | "right";

/** A sortable column: its header is a link. `direction` is set only on the current sort. */
export interface TableSort {
  /** Where the header link goes: this view sorted by the column (flipped when it is current). */
  href: string;
  /** The column's direction when the view is sorted by it; leave out otherwise. */
  direction?: "ascending" | "descending";
}

export interface TableColumn<Row> {
  /** Unique among the columns. */
  key: string;
  header: React.ReactNode;
  cell: (row: Row, index: number) => React.ReactNode;
  align?: TableAlign;
  /** Render this column's cells as row headers (`<th scope="row">`): usually the name column. */
  rowHeader?: boolean;
  sort?: TableSort;
  /**
   * Extra classes for this column's cells (widths, wrapping, weight), or a function of the row
   * for classes that depend on its value (a tone, a heatmap colour).
   */
  className?: string | ((row: Row, index: number) => string | undefined);
  /** Extra classes for this column's header. */
  headerClassName?: string;
}

export interface TableProps<Row> {
  /** Names the table for screen readers; shown only when `captionVisible`. */
  caption: React.ReactNode;
  captionVisible?: boolean;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  /** Shown in place of the table when there are no rows: a sentence, or any element. */
  empty?: React.ReactNode;
  /** "card": white card with a shaded header (lists). "plain": no frame (inside panels, forms). */
  variant?: "card" | "plain";
  /** "compact" for small tables inside panels. */
  density?: "comfortable" | "compact";
  /** Keeps the header visible when the wrapper scrolls vertically (give it a max height). */
  stickyHeader?: boolean;
  rowClassName?: (row: Row, index: number) => string | undefined;
  /** Extra classes for the scroll wrapper (margins, a max height). */
  className?: string;
}

const ALIGN: Record<TableAlign, string> = { left: "text-left", center: "text-center", right: "text-right" };

/**
 * Cell padding, set once on the table (globals.css, `.table-…`) rather than on every cell: a
 * dashboard has hundreds of cells, and repeating the same utilities on each was most of its
 * markup. The rules sit in the components layer, so a column's own utilities still win. Plain
 * tables have no frame, so their first and last columns line up with the text around them.
 */
const PADDING = {
  card: { comfortable: "table-card", compact: "table-card-compact" },
  plain: { comfortable: "table-plain", compact: "table-plain-compact" },
} as const;

export function Table<Row>({
  caption,
  captionVisible = false,
  columns,
  rows,
  rowKey,
  empty = "Nothing to show.",
  variant = "card",
  density = "comfortable",
  stickyHeader = false,
  rowClassName,
  className,
}: TableProps<Row>) {
  const captionId = useId();
  if (rows.length === 0) {
    return typeof empty === "string" ? (
      <p
        className={cn(
          "text-sm text-slate-600",
          variant === "card" && "rounded-lg bg-white px-4 py-6 text-center shadow-sm ring-1 ring-slate-200",
          className,
        )}
      >
        {empty}
      </p>
    ) : (
      <>{empty}</>
    );
  }
  const card = variant === "card";
  const pad = PADDING[variant][density];
  // A column's cell classes are the same on every row unless its className is a function:
  // merged once per column, not once per cell (tailwind-merge was a visible share of a big page).
  const columnCellClasses = columns.map((col) =>
    typeof col.className === "function" ? undefined : cellClassFor(col, col.className),
  );
  return (
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      className={cn(
        "relative max-w-full overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600",
        card && "rounded-lg bg-white shadow-sm ring-1 ring-slate-200",
        stickyHeader && "overflow-y-auto",
        className,
      )}
    >
      <table className={cn("min-w-full text-sm", pad, card && "divide-y divide-slate-200")}>
        <caption
          id={captionId}
          className={
            captionVisible
              ? cn("text-left text-sm font-semibold text-slate-900", card ? "px-4 pt-3 pb-2" : "pb-2")
              : "sr-only"
          }
        >
          {caption}
        </caption>
        <thead
          className={cn(
            "text-xs",
            card ? "bg-slate-50 font-semibold uppercase tracking-wide text-slate-600" : "text-slate-500",
            stickyHeader && (card ? "sticky top-0" : "sticky top-0 bg-white"),
          )}
        >
          <tr>
            {columns.map((col) => (
              <th
                key={col.key}
                scope="col"
                aria-sort={col.sort?.direction}
                className={cn(ALIGN[col.align ?? "left"], card ? "font-semibold" : "font-medium", col.headerClassName)}
              >
                {col.sort ? <SortLink sort={col.sort} align={col.align ?? "left"} label={col.header} /> : col.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)} className={cn(card && "hover:bg-slate-50", rowClassName?.(row, i))}>
              {columns.map((col, c) => {
                const cellClass =
                  typeof col.className === "function" ? cellClassFor(col, col.className(row, i)) : columnCellClasses[c];
                return col.rowHeader ? (
                  <th key={col.key} scope="row" className={cellClass}>
                    {col.cell(row, i)}
                  </th>
                ) : (
                  <td key={col.key} className={cellClass}>
                    {col.cell(row, i)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SortLink({ sort, align, label }: { sort: TableSort; align: TableAlign; label: React.ReactNode }) {
  return (
    <Link
      href={sort.href}
      className={cn(
        "group inline-flex items-center gap-1 rounded-sm hover:text-slate-900 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600",
        align === "right" && "flex-row-reverse",
        sort.direction && "text-slate-900",
      )}
    >
      {label}
      <SortIcon direction={sort.direction} />
    </Link>
  );
}

/** ▲ / ▼ on the current sort; a faint ↕ on the other sortable columns. Decorative: `aria-sort` says it. */
function SortIcon({ direction }: { direction?: TableSort["direction"] }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 12 12"
      className={cn("h-3 w-3 shrink-0", direction ? "text-slate-700" : "text-slate-400 group-hover:text-slate-600")}
      fill="currentColor"
    >
      {direction !== "descending" && <path d="M6 1.5 9.5 5h-7z" />}
      {direction !== "ascending" && <path d="M6 10.5 2.5 7h7z" />}
    </svg>
  );
}

/** A cell's classes: its column's alignment (left is the default), then the column's own classes. */
function cellClassFor<T>(col: TableColumn<T>, className: string | undefined): string | undefined {
  return (
    cn(col.align && col.align !== "left" && ALIGN[col.align], col.rowHeader && "font-normal", className) || undefined
  );
}
