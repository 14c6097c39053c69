// Public entry of the reports module for server code: report models and their renderers.
import "server-only";
export { buildPilotReport, buildPortfolioReport, type ReportOptions } from "./service";
export { renderReportPdf } from "./pdf";
export { renderReportDocx } from "./docx";
export { reportResponse, type ReportFormat } from "./files";
export * from "./model";
