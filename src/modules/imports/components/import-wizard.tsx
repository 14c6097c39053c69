"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { plural } from "@/lib/format";
import { orgApi, orgPath } from "@/modules/access/shared";
import { useOrgSlug } from "@/modules/access/client";
import { errorsCsv } from "../errors-csv";
import { IMPORT_FIELD_LABELS, IMPORT_LIMITS } from "../fields";
import type { ColumnMapping } from "../mapping";
import type { ImportPreview, ImportResult } from "../types";
import { MappingEditor } from "./mapping-editor";
import { PreviewTable } from "./preview-table";
import { download, failureMessage, postFile } from "./upload";

type Busy = { what: "preview" | "commit"; progress: number | null } | null;

const sameMapping = (a: ColumnMapping, b: ColumnMapping) => a.length === b.length && a.every((f, i) => f === b[i]);

/**
 * Upload → preview (with the column mapping to adjust) → confirm → summary. Nothing is kept on the
 * server between the steps: each one sends the file again with the mapping (decision 0007).
 */
export function ImportWizard() {
  const slug = useOrgSlug();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [result, setResult] = useState<ImportResult | null>(null);

  async function runPreview(chosen: File, withMapping?: ColumnMapping) {
    setError(null);
    setResult(null);
    if (chosen.size > IMPORT_LIMITS.bytes) {
      setPreview(null);
      setError(
        `The file is ${(chosen.size / 1024 / 1024).toFixed(1)} MB; the limit is 10 MB. Split it into smaller files.`,
      );
      return;
    }
    setBusy({ what: "preview", progress: 0 });
    const answer = await postFile<ImportPreview>(
      orgApi(slug, "/pilots/import/preview"),
      chosen,
      withMapping,
      (progress) => setBusy({ what: "preview", progress }),
    );
    setBusy(null);
    if (!answer.ok) {
      setError(failureMessage(answer));
      if (!withMapping) setPreview(null);
      return;
    }
    const body = answer.body as ImportPreview;
    setPreview(body);
    setMapping(body.mapping);
  }

  async function commit() {
    if (!file || !preview) return;
    setError(null);
    setBusy({ what: "commit", progress: 0 });
    const answer = await postFile<ImportResult>(
      orgApi(slug, "/pilots/import/commit"),
      file,
      preview.mapping,
      (progress) => setBusy({ what: "commit", progress }),
    );
    setBusy(null);
    if (!answer.ok) return setError(failureMessage(answer));
    setResult(answer.body as ImportResult);
    setPreview(null);
  }

  function startOver() {
    setFile(null);
    setPreview(null);
    setResult(null);
    setError(null);
    if (input.current) input.current.value = "";
    input.current?.focus();
  }

  const mappingChanged = preview !== null && !sameMapping(mapping, preview.mapping);
  const toWrite = preview ? preview.counts.new + preview.counts.update : 0;
  const baseName = (file?.name ?? "pilots").replace(/\.[^.]+$/, "");

  return (
    <div className="space-y-6">
      <section
        aria-labelledby="choose-heading"
        className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6"
      >
        <h2 id="choose-heading" className="text-base font-semibold text-slate-900">
          1. Choose the spreadsheet
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          CSV or Excel (.xlsx), up to 10 MB and {IMPORT_LIMITS.rows.toLocaleString("en")} rows; the first row holds the
          headings. Nothing is saved until you confirm.
        </p>
        <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="min-w-0 flex-1">
            <label htmlFor="import-file" className="block text-sm font-medium text-slate-800">
              Spreadsheet file
            </label>
            <input
              ref={input}
              id="import-file"
              name="file"
              type="file"
              accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              disabled={busy !== null}
              onChange={(e) => {
                const chosen = e.target.files?.[0] ?? null;
                setFile(chosen);
                if (chosen) void runPreview(chosen);
              }}
              className="mt-1.5 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-sm file:font-semibold file:text-brand-700 hover:file:bg-brand-100 focus-visible:outline-2 focus-visible:outline-brand-600"
            />
          </div>
          <a href={orgApi(slug, "/pilots/import/template")} download className={buttonClass("secondary")}>
            Download template
          </a>
        </div>
        <div aria-live="polite" className="mt-3 text-sm text-slate-700">
          {busy && (
            <div className="space-y-1">
              <p>
                {busy.progress === null
                  ? busy.what === "preview"
                    ? "Reading the file…"
                    : "Saving the pilots…"
                  : `Uploading… ${Math.round(busy.progress * 100)}%`}
              </p>
              <progress
                className="h-2 w-full max-w-md"
                aria-label="Upload progress"
                {...(busy.progress === null ? {} : { value: busy.progress, max: 1 })}
              />
            </div>
          )}
        </div>
        {error && (
          <div className="mt-3" role="alert">
            <Notice tone="error" title="This file cannot be imported">
              {error} Nothing was changed.
            </Notice>
          </div>
        )}
      </section>

      {preview && file && (
        <>
          <section
            aria-labelledby="mapping-heading"
            className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6"
          >
            <h2 id="mapping-heading" className="text-base font-semibold text-slate-900">
              2. Check the columns
            </h2>
            <p className="mt-1 text-sm text-slate-600">
              Preflight matched the headings of <span className="font-medium">{preview.fileName}</span> to pilot fields.
              Change any that are wrong, then apply.
            </p>
            <div className="mt-4">
              <MappingEditor
                headers={preview.headers}
                samples={preview.samples}
                mapping={mapping}
                onChange={setMapping}
                disabled={busy !== null}
              />
            </div>
            <div className="mt-4 flex flex-wrap gap-2">
              <Button disabled={!mappingChanged || busy !== null} onClick={() => void runPreview(file, mapping)}>
                Apply mapping
              </Button>
              <Button
                variant="secondary"
                disabled={sameMapping(mapping, preview.detected) || busy !== null}
                onClick={() => {
                  setMapping(preview.detected);
                  void runPreview(file, preview.detected);
                }}
              >
                Reset to detected
              </Button>
            </div>
            {preview.unmappedRequired.length > 0 && (
              <div className="mt-4">
                <Notice tone="warning" title="Required fields without a column">
                  New pilots need {preview.unmappedRequired.map((f) => IMPORT_FIELD_LABELS[f]).join(", ")}. Choose the
                  columns that hold them; rows that only update existing pilots can do without.
                </Notice>
              </div>
            )}
          </section>

          <section
            aria-labelledby="preview-heading"
            className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6"
          >
            <h2 id="preview-heading" className="text-base font-semibold text-slate-900">
              3. Preview and confirm
            </h2>
            <p className="mt-1 text-sm text-slate-700" aria-live="polite">
              <span className="font-semibold">{plural(preview.counts.new, "new pilot")}</span>,{" "}
              <span className="font-semibold">{plural(preview.counts.update, "update")}</span>,{" "}
              {preview.counts.unchanged.toLocaleString("en")} unchanged,{" "}
              <span className={preview.counts.error > 0 ? "font-semibold text-red-700" : "font-semibold"}>
                {plural(preview.counts.error, "row")} with errors
              </span>
              .{preview.counts.error > 0 && " Rows with errors are skipped; download them to fix and upload again."}
            </p>
            {mappingChanged && (
              <p className="mt-2 text-sm font-medium text-amber-800">
                You changed the columns: apply the mapping to see the preview for it.
              </p>
            )}
            <div className="mt-4">
              <PreviewTable key={JSON.stringify(preview.mapping)} rows={preview.rows} counts={preview.counts} />
            </div>
            <div className="mt-4 flex flex-wrap gap-2">
              <Button disabled={toWrite === 0 || mappingChanged || busy !== null} onClick={() => void commit()}>
                {toWrite === 0 ? "Nothing to import" : `Import ${plural(toWrite, "pilot")}`}
              </Button>
              {preview.counts.error > 0 && (
                <Button
                  variant="secondary"
                  onClick={() =>
                    download(
                      errorsCsv(
                        preview.headers,
                        preview.rows.filter((r) => r.status === "error"),
                      ),
                      `${baseName}-errors.csv`,
                    )
                  }
                >
                  Download errors (CSV)
                </Button>
              )}
              <Button variant="ghost" onClick={startOver} disabled={busy !== null}>
                Choose another file
              </Button>
            </div>
          </section>
        </>
      )}

      {result && (
        <section
          aria-labelledby="done-heading"
          className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6"
        >
          <h2 id="done-heading" className="text-base font-semibold text-slate-900" tabIndex={-1}>
            Import finished
          </h2>
          <div className="mt-3" role="status">
            <Notice tone={result.errors.length > 0 ? "warning" : "success"}>
              {plural(result.created, "pilot")} created, {plural(result.updated, "pilot")} updated,{" "}
              {result.unchanged.toLocaleString("en")} unchanged.
              {result.errors.length > 0 &&
                ` ${plural(result.errors.length, "row")} not imported: download ${result.errors.length === 1 ? "it, fix it" : "them, fix them"} and upload the file again.`}
            </Notice>
          </div>
          <div className="mt-4 flex flex-wrap gap-2">
            <Link href={orgPath(slug, "/pilots")} className={buttonClass("primary")}>
              See the pilots
            </Link>
            {result.errors.length > 0 && (
              <Button
                variant="secondary"
                onClick={() => download(errorsCsv(result.headers, result.errors), `${baseName}-errors.csv`)}
              >
                Download errors (CSV)
              </Button>
            )}
            <Button variant="ghost" onClick={startOver}>
              Import another file
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
