// Public entry of the imports module for server code.
import "server-only";
export * from "./service";
export * from "./template";
export { parseSpreadsheet, type Cell, type ParsedSheet } from "./parse";
export * from "./fields";
export * from "./checklist";
