// Public entry of the imports module for code on either side. Nothing here may import server-only code.
export * from "./fields";
export * from "./schemas";
export { detectMapping, fieldForHeading, stageFromText, normalise, type ColumnMapping } from "./mapping";
export { errorText, errorsCsv } from "./errors-csv";
export type * from "./types";
