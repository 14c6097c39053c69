import "server-only";
import { renderReportDocx } from "./docx";
import { reportFileName, type Report } from "./model";
import { renderReportPdf } from "./pdf";

export type ReportFormat = "pdf" | "docx";

const TYPES: Record<ReportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** The report rendered in `format`, as a download with a sensible file name. */
export async function reportResponse(report: Report, format: ReportFormat, orgSlug: string): Promise<Response> {
  const bytes = format === "pdf" ? await renderReportPdf(report) : await renderReportDocx(report);
  const what = report.kind === "portfolio" ? "portfolio" : report.pilot.name;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": TYPES[format],
      "content-disposition": `attachment; filename="${reportFileName(orgSlug, what, report.generatedAt, format)}"`,
      "content-length": String(bytes.length),
      "cache-control": "no-store",
    },
  });
}
