"use client";

import { useRef, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Badge, Notice } from "@/components/ui/card";
import { Table } from "@/components/ui/table";
import { plural } from "@/lib/format";
import { orgApi } from "@/modules/access/shared";
import { useOrgSlug } from "@/modules/access/client";
import type { ChecklistPreview, ChecklistResult, ChecklistRowStatus } from "../types";
import { failureMessage, postFile } from "./upload";

const STATUS: Record<ChecklistRowStatus, { label: string; style: string }> = {
  change: { label: "Will change", style: "bg-sky-50 text-sky-800 ring-sky-200" },
  conflict: { label: "Conflict", style: "bg-amber-50 text-amber-900 ring-amber-300" },
  error: { label: "Error", style: "bg-red-50 text-red-800 ring-red-200" },
  unchanged: { label: "Unchanged", style: "bg-slate-100 text-slate-700 ring-slate-200" },
};

/**
 * "Work offline in Excel": download this assessment's checklist, and import it back filled in —
 * first a preview of what would change, with conflicts (answers changed here since the export)
 * left alone unless the user ticks the box, then the import.
 */
export function ChecklistTransfer({ assessmentId, canEdit }: { assessmentId: string; canEdit: boolean }) {
  const slug = useOrgSlug();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ChecklistPreview | null>(null);
  const [overwrite, setOverwrite] = useState(false);
  const [result, setResult] = useState<ChecklistResult | null>(null);
  const base = orgApi(slug, `/assessments/${assessmentId}/checklist`);

  async function check(chosen: File) {
    setError(null);
    setResult(null);
    setPreview(null);
    setBusy(true);
    const answer = await postFile<ChecklistPreview>(base, chosen, undefined, () => {});
    setBusy(false);
    if (!answer.ok) return setError(failureMessage(answer));
    setPreview(answer.body as ChecklistPreview);
    setOverwrite(false);
  }

  async function apply() {
    if (!file) return;
    setBusy(true);
    const form = new FormData();
    form.append("file", file);
    if (overwrite) form.append("overwrite", "1");
    const response = await fetch(`${base}/apply`, { method: "POST", body: form }).catch(() => null);
    setBusy(false);
    const body = (await response?.json().catch(() => null)) as ChecklistResult | null;
    if (!response?.ok) {
      return setError(failureMessage({ ok: false, status: response?.status ?? 0, body }));
    }
    setResult(body);
    setPreview(null);
    if (input.current) input.current.value = "";
  }

  const writes = preview ? preview.counts.change + (overwrite ? preview.counts.conflict : 0) : 0;
  const shown = preview?.rows.filter((r) => r.status !== "unchanged") ?? [];

  return (
    <details className="mb-6 rounded-lg bg-white shadow-sm ring-1 ring-slate-200 [&_summary::-webkit-details-marker]:hidden">
      <summary className="cursor-pointer rounded-lg px-4 py-3 text-sm font-semibold text-slate-900 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600 sm:px-6">
        Work offline in Excel{" "}
        <span className="font-normal text-slate-600">— download the checklist, import it back</span>
      </summary>
      <div className="space-y-4 border-t border-slate-200 p-4 sm:p-6">
        <p className="text-sm text-slate-700">
          The workbook has a row per criterion with its guidance and level descriptions, and a Level drop-down. Fill it
          in offline, then import it here: you see what would change before anything is saved, and answers someone
          changed here since the download are not replaced unless you say so.
        </p>
        <a href={base} download className={buttonClass("secondary")}>
          Download checklist (Excel)
        </a>
        {canEdit && (
          <div>
            <label htmlFor="checklist-file" className="block text-sm font-medium text-slate-800">
              Filled-in checklist (.xlsx)
            </label>
            <input
              ref={input}
              id="checklist-file"
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy}
              onChange={(e) => {
                const chosen = e.target.files?.[0] ?? null;
                setFile(chosen);
                if (chosen) void check(chosen);
              }}
              className="mt-1.5 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-sm file:font-semibold file:text-brand-700 hover:file:bg-brand-100"
            />
          </div>
        )}
        <div aria-live="polite" className="text-sm text-slate-700">
          {busy && <p>Reading the checklist…</p>}
        </div>
        {error && (
          <div role="alert">
            <Notice tone="error" title="The checklist was not imported">
              {error}
            </Notice>
          </div>
        )}
        {preview && (
          <div className="space-y-3">
            <p className="text-sm text-slate-800">
              <span className="font-semibold">{plural(preview.counts.change, "answer")} will change</span>,{" "}
              {plural(preview.counts.conflict, "conflict")}, {plural(preview.counts.error, "error")},{" "}
              {preview.counts.unchanged.toLocaleString("en")} unchanged.
            </p>
            <Table
              caption="What the import would change"
              columns={[
                { key: "title", header: "Criterion", rowHeader: true, cell: (r) => r.title, className: "min-w-40" },
                {
                  key: "status",
                  header: "Status",
                  cell: (r) => <Badge className={STATUS[r.status].style}>{STATUS[r.status].label}</Badge>,
                },
                { key: "from", header: "Now", cell: (r) => r.from },
                { key: "to", header: "In the sheet", cell: (r) => r.to },
                {
                  key: "message",
                  header: "Note",
                  cell: (r) => r.message ?? null,
                  className: "min-w-56 whitespace-normal",
                },
              ]}
              rows={shown}
              rowKey={(r) => r.line}
              density="compact"
              empty="Nothing in the sheet differs from the answers here."
            />
            {preview.counts.conflict > 0 && (
              <label className="flex items-start gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  checked={overwrite}
                  onChange={(e) => setOverwrite(e.target.checked)}
                  className="mt-0.5 h-4 w-4 rounded border-slate-300"
                />
                <span>
                  Also replace the {plural(preview.counts.conflict, "answer")} changed here since the download with the
                  sheet&apos;s
                </span>
              </label>
            )}
            <Button disabled={writes === 0 || busy} onClick={() => void apply()}>
              {writes === 0 ? "Nothing to import" : `Import ${plural(writes, "answer")}`}
            </Button>
          </div>
        )}
        {result && (
          <div role="status" className="space-y-3">
            <Notice tone="success" title="Checklist imported">
              {plural(result.applied, "answer")} saved.
              {result.conflictsSkipped > 0 && ` ${plural(result.conflictsSkipped, "conflict")} left as they were here.`}
              {result.changedMeanwhile.length > 0 &&
                ` Changed by someone else during the import, so not saved: ${result.changedMeanwhile.join(", ")}.`}
            </Notice>
            <Button variant="secondary" onClick={() => window.location.reload()}>
              Show the updated answers
            </Button>
          </div>
        )}
      </div>
    </details>
  );
}
