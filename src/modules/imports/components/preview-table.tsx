"use client";

import { useState } from "react";
import { Badge } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Table } from "@/components/ui/table";
import { cn } from "@/components/ui/cn";
import { errorText } from "../errors-csv";
import type { ImportRowStatus } from "../fields";
import type { ImportRowView } from "../types";

const STATUS_LABELS: Record<ImportRowStatus, string> = {
  new: "New",
  update: "Update",
  unchanged: "Unchanged",
  error: "Error",
};

const STATUS_STYLES: Record<ImportRowStatus, string> = {
  new: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  update: "bg-sky-50 text-sky-800 ring-sky-200",
  unchanged: "bg-slate-100 text-slate-700 ring-slate-200",
  error: "bg-red-50 text-red-800 ring-red-200",
};

const PAGE = 50;
type Filter = ImportRowStatus | "all";

/** The preview's rows, filtered by status and paged in the browser (a file can have 20,000). */
export function PreviewTable({ rows, counts }: { rows: ImportRowView[]; counts: Record<ImportRowStatus, number> }) {
  const [filter, setFilter] = useState<Filter>(counts.error > 0 ? "error" : "all");
  const [page, setPage] = useState(1);
  const shown = filter === "all" ? rows : rows.filter((r) => r.status === filter);
  const pageCount = Math.max(1, Math.ceil(shown.length / PAGE));
  const current = Math.min(page, pageCount);
  const slice = shown.slice((current - 1) * PAGE, current * PAGE);
  const filters: { value: Filter; label: string; count: number }[] = [
    { value: "all", label: "All rows", count: rows.length },
    { value: "error", label: "Errors", count: counts.error },
    { value: "new", label: "New", count: counts.new },
    { value: "update", label: "Updates", count: counts.update },
    { value: "unchanged", label: "Unchanged", count: counts.unchanged },
  ];
  return (
    <div>
      <fieldset className="mb-3 flex flex-wrap gap-2">
        <legend className="sr-only">Show rows</legend>
        {filters
          .filter((f) => f.value === "all" || f.count > 0)
          .map((f) => (
            <label
              key={f.value}
              className={cn(
                "cursor-pointer rounded-full px-3 py-1 text-sm ring-1 ring-inset has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600",
                filter === f.value
                  ? "bg-brand-600 text-white ring-brand-600"
                  : "bg-white text-slate-700 ring-slate-300",
              )}
            >
              <input
                type="radio"
                name="row-filter"
                value={f.value}
                checked={filter === f.value}
                onChange={() => {
                  setFilter(f.value);
                  setPage(1);
                }}
                className="sr-only"
              />
              {f.label} ({f.count.toLocaleString("en")})
            </label>
          ))}
      </fieldset>
      <Table
        caption="Rows of the file"
        columns={[
          { key: "line", header: "Row", align: "right", cell: (r) => r.line, className: "tabular-nums w-14" },
          {
            key: "name",
            header: "Pilot",
            rowHeader: true,
            cell: (r) => (
              <span className="break-words">
                {r.name || <span className="text-slate-500">(no name)</span>}
                {r.externalId && <span className="block text-xs text-slate-500">ID {r.externalId}</span>}
              </span>
            ),
            className: "min-w-32",
          },
          {
            key: "status",
            header: "Status",
            cell: (r) => <Badge className={STATUS_STYLES[r.status]}>{STATUS_LABELS[r.status]}</Badge>,
          },
          {
            key: "messages",
            header: "What to fix",
            cell: (r) => (r.errors.length > 0 ? <span className="text-red-800">{errorText(r.errors)}</span> : null),
            className: "min-w-60 whitespace-normal",
          },
        ]}
        rows={slice}
        rowKey={(r) => r.line}
        density="compact"
        empty="No rows."
      />
      {pageCount > 1 && (
        <nav aria-label="Rows pages" className="mt-3 flex items-center justify-between gap-3 text-sm">
          <Button variant="secondary" disabled={current <= 1} onClick={() => setPage(current - 1)}>
            Previous
          </Button>
          <p aria-live="polite">
            Page {current.toLocaleString("en")} of {pageCount.toLocaleString("en")}
          </p>
          <Button variant="secondary" disabled={current >= pageCount} onClick={() => setPage(current + 1)}>
            Next
          </Button>
        </nav>
      )}
    </div>
  );
}
